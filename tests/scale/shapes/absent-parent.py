"""N plans in one folder, each implementing a parent by number (no
`path`) that no file declares: the folder must be scanned once and the
failed search remembered, not scanned again for every plan. One process
(--batch above N): a check in parts scans once per part."""

N = 4000
EXIT = (1,)


def generate(n, d):
    for i in range(n):
        with open("{}/p{:06d}.plan".format(d, i), "w", encoding="utf-8") as f:
            f.write('use "std/district"\nplan p{0} {{\n  level district\n  date 2023-02-01\n'
                    '  implements "99-KH/TU"\n}}\nsection I. "A" {{\n'
                    '  1. "Nhiệm vụ số {0}" by huyen_uy\n}}\n'.format(i))
    return ["--no-rules", "--batch", str(8 * n + 1), "."]
