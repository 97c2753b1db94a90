"""`agenda` of a plan whose N tasks each have a body of their own, all
due soon: the entries are ordered by owner through a table of the
owners' places, not a walk of the owners seen for each task and entry."""

N = 40000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        for i in range(n):
            f.write('body b{0} "Ban số {0}" district\n'.format(i))
        f.write('plan p {\n  level district\n  date 2023-02-01\n}\nsection I. "A" {\n')
        for i in range(n):
            f.write('  {0}. "Nhiệm vụ số {1}" by b{1}\n    due "tháng 3/2023"\n'.format(i + 1, i))
        f.write("}\n")
    return ["agenda", "--as-of", "2023-03-15", "--no-rules", "p.plan"]
