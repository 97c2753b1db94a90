"""N plan files, each given twice (the folder named twice): a file given
again must find its plan at once, not by a walk of every plan read."""

N = 4000


def generate(n, d):
    for i in range(n):
        with open("{}/p{:06d}.plan".format(d, i), "w", encoding="utf-8") as f:
            f.write('use "std/district"\nplan p{0} {{\n  level district\n  date 2023-02-01\n}}\n'
                    'section I. "A" {{\n  1. "Nhiệm vụ số {0}" by huyen_uy\n}}\n'.format(i))
    return ["--no-rules", "--batch", str(16 * n + 1), ".", "."]
