"""N sibling tasks all numbered `1.`: each repeat is a finding, and the ids
of repeats must not be assigned by comparing every sibling with every
other."""

N = 20000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n}\nsection I. "A" {\n')
        for i in range(n):
            f.write('  1. "Nhiệm vụ số {}" by huyen_uy\n'.format(i))
        f.write("}\n")
    return ["--no-rules", "p.plan"]
