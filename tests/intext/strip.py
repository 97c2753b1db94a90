#!/usr/bin/env python3
"""tests/intext/strip.py FILE...: removes every `due` statement from plan
files in place: the keyword, its phrase and its `for` / `as` / `after`
strings, wherever they stand on the line (alone, or after a task's text).
A block opened on the same line (`due "hằng năm" {`: the task's block) is
kept. Strings ("..." with \\" and \\\\ escapes, “...” with nested pairs)
and comments are skipped over, so a `due` inside a text is text."""
import re
import sys

KEYWORDS = {"due", "thời hạn"}
ARGS = {"for", "as", "after", "cho", "theo dạng", "sau"}


def tokens(line):
    """(start, end, kind) of the tokens of one line: 's' strings, 'w' words,
    'c' a comment (to the end), 'p' anything else."""
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c.isspace():
            i += 1
        elif c == '#':
            yield i, n, 'c'
            return
        elif c == '"':
            j = i + 1
            while j < n and line[j] != '"':
                j += 2 if line[j] == '\\' else 1
            yield i, min(j + 1, n), 's'
            i = j + 1
        elif c == '\u201c':
            j, depth = i + 1, 1
            while j < n and depth:
                depth += {'\u201c': 1, '\u201d': -1}.get(line[j], 0)
                j += 1
            yield i, j, 's'
            i = j
        else:
            m = re.match(r'[\w.\-/]+', line[i:])
            j = i + (m.end() if m else 1)
            yield i, j, 'w' if m else 'p'
            i = j


def strip_line(line):
    toks = list(tokens(line))
    out, k, last = [], 0, 0
    while k < len(toks):
        s, e, kind = toks[k]
        word = line[s:e]
        two = word + ' ' + line[toks[k + 1][0]:toks[k + 1][1]] if k + 1 < len(toks) else word
        kw = word if word in KEYWORDS else two if two in KEYWORDS else None
        if kind == 'w' and kw and k + (2 if kw == two and kw != word else 1) < len(toks):
            j = k + (2 if kw != word else 1)
            if toks[j][2] == 's':
                j += 1
                while j + 1 < len(toks) and toks[j][2] == 'w' and line[toks[j][0]:toks[j][1]] in ARGS \
                        and toks[j + 1][2] == 's':
                    j += 2
                out.append(line[last:s].rstrip())
                last = toks[j - 1][1]
                k = j
                continue
        k += 1
    out.append(line[last:])
    joined = ''.join(out) if len(out) == 1 else out[0] + ''.join(
        (' ' + p.lstrip() if p.strip() else p.lstrip(' ')) for p in out[1:])
    return joined


def main():
    for path in sys.argv[1:]:
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        new = []
        for line in lines:
            s = strip_line(line)
            if s.strip() == '' and line.strip() != '':
                s = ''   # a line that held only a due stays, empty: lines keep their numbers
            new.append(s)
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(new))


if __name__ == '__main__':
    main()
