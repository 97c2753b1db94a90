"""`suggest` for a plan that declares N abbreviations and has N tasks and
N directives: each word of each text is looked up among the
abbreviations through an index, not compared with every one."""

N = 8000


def generate(n, d):
    with open(d + "/1-kh-tu.plan", "w", encoding="utf-8") as f:
        f.write('use "std/province"\n')
        for i in range(n):
            f.write('abbrev "VT{0}" "Viết tắt số {0}"\n'.format(i))
        f.write('plan "1-KH/TU" {\n  level province\n  date 2023-01-01\n}\nsection I. "A" {\n')
        for i in range(n):
            f.write('  {0}. "Chỉ đạo VT{0} việc thứ {0}" by tinh_uy\n'.format(i + 1))
        f.write("}\n")
    with open(d + "/c.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan c {\n  level district\n  date 2023-02-01\n'
                '  implements "1-KH/TU"\n}\nsection I. "A" {\n')
        for i in range(n):
            f.write('  {0}. "Thực hiện VT{0} việc thứ {0}" by huyen_uy\n'.format(i + 1))
        f.write("}\n")
    return ["suggest", "--no-rules", "c.plan"]
