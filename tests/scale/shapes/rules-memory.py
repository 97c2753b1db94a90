"""One plan of N directives checked with the standard Lua rules, whose
memory must not grow with the plan so that a large plan meets the script
memory limit where a small one passes. The limit is set at 16 MiB (the
default is 64) so that 8N = 200,000 directives meet it as 550,000 met the
default; the rules then need only plancheck.same_text's table (30 to 45
bytes a directive), not a proxy and a list entry per directive."""

N = 25000
EXIT = (0,)                 # a script-memory error is exit 1


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n}\nsection I. "A" {\n')
        for i in range(n):
            f.write('  {}. "Nhiệm vụ số {}" by huyen_uy\n    due "quý I/2023"\n'.format(i + 1, i))
        f.write("}\n")
    return ["--lua-memory", "16", "p.plan"]
