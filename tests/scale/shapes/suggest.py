"""`suggest` with N uncovered parent directives and N unlinked tasks:
candidates must come from an index of shared words, not from scoring
every task against every directive."""

import random

N = 1000
WORDS = ("quán triệt tuyên truyền kiểm tra giám sát cán bộ đảng viên tổ chức cơ sở chính quyền mặt trận "
         "đoàn thể kinh tế xã hội quốc phòng an ninh văn hóa giáo dục y tế nông nghiệp nông thôn "
         "công nghiệp dịch vụ du lịch môi trường tài nguyên đất đai xây dựng giao thông thủy lợi").split()


def text(rng, i):
    return "{} số {}".format(" ".join(rng.choice(WORDS) for _ in range(12)), i)


def generate(n, d):
    rng = random.Random(14)
    with open(d + "/1-kh-tu.plan", "w", encoding="utf-8") as f:
        f.write('use "std/province"\nplan "1-KH/TU" {\n  level province\n  date 2023-01-01\n}\n'
                'section I. "A" {\n')
        for i in range(n):
            f.write('  {}. "{}" by tinh_uy\n'.format(i + 1, text(rng, i)))
        f.write("}\n")
    with open(d + "/c.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan c {\n  level district\n  date 2023-02-01\n'
                '  implements "1-KH/TU"\n}\nsection I. "A" {\n')
        for i in range(n):
            f.write('  {}. "{}" by huyen_uy\n'.format(i + 1, text(rng, i)))
        f.write("}\n")
    return ["suggest", "--no-rules", "c.plan"]
