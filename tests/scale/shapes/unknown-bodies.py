"""N bodies whose names share their common words, and N distinct unknown
names, each written twice: every unknown name gets its nearest bodies
(did you mean) through the word index, reading at most GS_BUDGET postings
of its rarest words, once per distinct name; not by comparing it with
every body."""

N = 5000
EXIT = (1,)


def generate(n, d):
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n}\n')
        for i in range(n):
            f.write('body b{0} "Ban công tác số {0} Huyện ủy" district\n'.format(i))
        f.write('section I. "A" {\n')
        for i in range(n):
            # Without its marks and with a word too many; then a name of
            # common words only, told apart by a letter.
            name = "Ban cong tac so {0} Huyen uy moi".format(i) if i % 2 else "Ban công tác Huyện ủy {0}x".format(i)
            f.write('  - "Nhiệm vụ {0}." by "{1}"\n  - "Nhiệm vụ {0}b." by "{1}"\n'.format(i, name))
        f.write("}\n")
    return ["--no-rules", "p.plan"]
