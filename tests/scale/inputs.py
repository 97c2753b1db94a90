"""Inputs the scaling shapes share (tests/scale/shapes/*.py import this):
a large plan of every feature a command reads, and one task with many
deadlines. Not a shape itself (the runner reads only shapes/)."""

import datetime

HEADER = 'use "std/district"\nplan p {{\n  level district\n  date {}\n}}\n'
OWNERS = ("btc_hu", "ubkt_hu", "btg_hu", "bdv_hu", "vp_hu", "ubnd_huyen", "ubmttq_huyen", "tccsd_hu")
DUES = (
    'due "hoàn thành trong năm {y}"',
    'due "hoàn thành trong quý II/{y}"',
    'due "hoàn thành trước ngày 28/02/{y}"',
    'due "thực hiện thường xuyên"',
    'due "định kỳ tháng 11 hằng năm" for "báo cáo sơ kết"',
    'due "thực hiện khi có văn bản của Tỉnh ủy"',
    'due "theo yêu cầu của Trung ương"',
    'due "hằng quý" for "báo cáo quý"',
)


def big_plan(d, n, progress=True):
    """p.plan with n tasks, twenty to a section, each with owners and a
    deadline of every kind in turn, every fifth a reporting obligation;
    and p.progress beside it with an entry for every other task."""
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write(HEADER.format("2023-02-01"))
        for s in range((n + 19) // 20):
            f.write('section {}. "Phần {}" owner {} {{\n'.format(s + 1, s + 1, OWNERS[s % len(OWNERS)]))
            for t in range(min(20, n - 20 * s)):
                i = 20 * s + t
                f.write('  {}. "Nhiệm vụ số {} về công tác xây dựng Đảng, tuyên truyền và kiểm tra."\n'.format(t + 1, i))
                f.write("    by {} with {}\n".format(OWNERS[i % len(OWNERS)], OWNERS[(i + 3) % len(OWNERS)]))
                f.write("    {}\n".format(DUES[i % len(DUES)].format(y=2023 + i % 3)))
                if i % 5 == 0:
                    f.write("    reports huyen_uy via vp_hu\n")
            f.write("}\n")
    if not progress:
        return
    start = datetime.date(2023, 3, 1)
    with open(d + "/p.progress", "w", encoding="utf-8") as f:
        f.write("progress p {\n")
        for i in range(0, n, 2):
            s, t = divmod(i, 20)
            day = (start + datetime.timedelta(days=i % 600)).isoformat()
            kind = ("started", "done", "reported")[i % 3]
            f.write('  {} {} "{}.{}" doc "{}-BC/HU"\n'.format(day, kind, s + 1, t + 1, i))
            if i % 40 == 0:
                f.write('  {} issued tinh_uy "Hướng dẫn số {}-HD/TU"\n'.format(day, i))
        f.write("}\n")


def one_task_dues(d, n):
    """p.plan with one task of n deadlines, each with its `for` part."""
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write(HEADER.format("2023-02-01"))
        f.write('section I. "A" {\n  1. "Nhiệm vụ" by huyen_uy reports huyen_uy\n')
        for i in range(n):
            f.write('    due "hoàn thành trong năm {}" for "báo cáo số {}"\n'.format(2023 + i % 5, i))
        f.write("}\n")


def reported_task(d, n):
    """p.plan with one reporting obligation of n quarterly reports, each
    its own `for` part, and p.progress with a report of each part (every
    tenth naming no part, so that it answers them all)."""
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write(HEADER.format("2020-01-01"))
        f.write('section I. "A" {\n  1. "Báo cáo" by vp_hu, btc_hu reports huyen_uy\n')
        for i in range(n):
            f.write('    due "hằng quý" for "báo cáo số {}"\n'.format(i))
        f.write("}\n")
    start = datetime.date(2020, 1, 1)
    with open(d + "/p.progress", "w", encoding="utf-8") as f:
        f.write("progress p {\n")
        for i in range(n):
            day = (start + datetime.timedelta(days=i % 1500)).isoformat()
            part = "" if i % 10 == 0 else ' for "Báo cáo số {}"'.format(i)
            by = " by btc_hu" if i % 3 == 0 else ""
            f.write('  {} reported "I.1"{}{}\n'.format(day, part, by))
        f.write("}\n")


def one_section(d, n):
    """p.plan with one section of n numbered tasks, each followed by a
    bullet, a paragraph of text and a footnote."""
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write(HEADER.format("2023-02-01"))
        f.write('section I. "A" owner btc_hu {\n')
        for i in range(n):
            f.write('  {0}. "Nhiệm vụ số {1} về công tác cán bộ" due "hoàn thành trong năm 2025"\n'
                    '  - "Gạch đầu dòng số {1}"\n  text "Đoạn văn số {1}"\n'
                    '  footnote "{1}" "Chú thích số {1}"\n'.format(i + 1, i))
        f.write("}\n")


def waivers(d, n):
    """q.plan, a province plan of n directives addressed to districts, and
    p.plan, a district plan that waives each and forwards each on."""
    with open(d + "/q.plan", "w", encoding="utf-8") as f:
        f.write('use "std/province"\nplan q {\n  level province\n  date 2022-02-01\n}\nsection I. "A" {\n')
        for i in range(n):
            f.write('  {}. "Nhiệm vụ số {}" by btc_tu cascade\n'.format(i + 1, i))
        f.write("}\n")
    with open(d + "/p.plan", "w", encoding="utf-8") as f:
        f.write('use "std/district"\nplan p {\n  level district\n  date 2023-02-01\n  implements "q" path "q.plan"\n}\n')
        for i in range(n):
            f.write('waive "q:I.{0}" reason "Không áp dụng." until 2030-01-01\nforward "q:I.{0}" to grassroots\n'.format(i + 1))
