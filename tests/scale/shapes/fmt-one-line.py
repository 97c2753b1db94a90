"""`plancheck fmt --keywords=vi` of N tasks written on one line: every
token moves to its own line and every keyword is spelt again."""

N = 20000


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('plan p { level district date 2023-02-01 } section I. "A" {')
        f.write(' - "Nhiệm vụ." by vp_hu due "trong năm 2024"' * n)
        f.write(" }\n")
    return ["fmt", "--keywords=vi", "p.plan"]
