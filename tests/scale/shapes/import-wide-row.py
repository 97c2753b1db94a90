"""`plancheck import` of a text whose one line holds N tabs (a row far
wider than any table): the cells after the 32nd stay in the last one, and
the line is read once."""

N = 200000


def generate(n, d):
    with open(d + "/w.txt", "w", encoding="utf-8") as f:
        f.write("KẾ HOẠCH\nI. NHIỆM VỤ\n"
                "STT\tNội dung\tCơ quan chủ trì\n1\tTổ chức thực hiện.\tHuyện ủy" + "\tô" * n + "\n"
                + "\t" * n + "\n")
    return ["import", "w.txt"]
