"""`report --format dot` of N plans, each implementing a parent of its own
that no file declares: each absent parent is drawn once, found among
those drawn through a set, not a list searched for each."""

N = 3000
EXIT = (0, 1)


def generate(n, d):
    for i in range(n):
        with open("{}/p{:06d}.plan".format(d, i), "w", encoding="utf-8") as f:
            f.write('use "std/district"\nplan p{0} {{\n  level district\n  date 2023-02-01\n'
                    '  implements "{0}-KH/TU"\n}}\nsection I. "A" {{\n'
                    '  1. "Nhiệm vụ số {0}" by huyen_uy\n}}\n'.format(i))
    return ["report", "--format", "dot", "--no-rules", "."]
