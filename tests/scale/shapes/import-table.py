"""`plancheck import` of a text with a task table pasted from Word: N rows
of tab-separated cells, some ragged (fewer or more cells than the
header), under group rows. Each row is read once, its cells once."""

N = 10000


def generate(n, d):
    with open(d + "/t.txt", "w", encoding="utf-8") as f:
        f.write("HUYỆN ỦY X\nSố 05-KH/HU\nX, ngày 15 tháng 9 năm 2025\nKẾ HOẠCH\n"
                "I. NHIỆM VỤ\n"
                "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú\n")
        for i in range(n):
            if i % 100 == 0:
                f.write("{}\tNHÓM NHIỆM VỤ {}\n".format("I" * (1 + i // 100 % 3), i))
            cells = ["{}".format(i + 1), "Tổ chức thực hiện nội dung số {}.".format(i),
                     "Ban Tuyên giáo Huyện ủy", "Ủy ban nhân dân huyện", "Quý IV/2025", "ghi chú"]
            f.write("\t".join(cells[: 2 + i % 5] + (["thừa"] * (i % 3))) + "\n")
    return ["import", "t.txt"]
