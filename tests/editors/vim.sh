#!/usr/bin/env bash
# tests/editors/vim.sh [BIN]: the Vim files of editors/vim, in vim -es
# (headless), against the real plans and a real finding.
#
#   - :make through compiler/plancheck.vim on plans/lamdong/kh-28.plan (with
#     -I plans), in English and in Vietnamese (LANGUAGE=vi): one quickfix
#     entry per diagnostic plancheck prints, the errors typed errors as many
#     as its summary counts; the finding at 144:86, after a line of
#     Vietnamese text (86 characters, more bytes), is at column 86 read as
#     a character column (%v), and :cc puts the cursor on the character
#     plancheck points at;
#   - syntax/plan.vim: in every real plan, clean test plan and plan
#     written by `new` and `import` (the files tokenize.js reads),
#     each comment, string, keyword and identifier where the lexer's rules
#     (reference.js) put them; every keyword of the lexer on a line of its
#     own;
#   - ftdetect (.plan, .progress), ftplugin (commentstring, makeprg, and
#     its undo); indent: gg=G leaves the real plans, written in the layout
#     of `plancheck fmt`, as they are (and, with a BIN that has fmt, every
#     real, standard-library and written plan once formatted);
#   - :PlanFormat (with a BIN that has `fmt`; skipped, saying so, before):
#     the Tuy Phước plan stripped of its indentation comes back as
#     `plancheck fmt` lays it out, the file untouched; a plan with a syntax
#     error is left as it was, the error in the quickfix list.
#
# Prints "FAIL: ..." lines and ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
root=$PWD
bin=${1:-./plancheck}
case $bin in /*) ;; *) bin=$root/$bin ;; esac
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() {
  fail=$((fail + 1))
  echo "FAIL: $1"
  if [ -n "${2:-}" ]; then printf '%s\n' "$2" | head -n 30 | sed 's/^/    /'; fi
}
finish() { echo "$pass passed, $fail failed"; [ "$fail" = 0 ]; exit; }

if ! command -v vim >/dev/null; then
  ko "vim is not installed (Debian package vim-nox or vim)"
  finish
fi
if ! command -v node >/dev/null; then
  ko "node is not installed (Debian package nodejs)"
  finish
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vimrun() { timeout 120 vim -u NONE -N -es -i NONE --cmd 'set encoding=utf-8' --cmd "set rtp^=$root/editors/vim" "$@" </dev/null >/dev/null 2>&1; }

# ---- the quickfix list of a real finding ----
file=plans/lamdong/kh-28.plan
lnum=144
line=$(sed -n "${lnum}p" "$file")
# The word plancheck points at, column 86 in characters.
want_word=$(printf '%s' "$line" | python3 -c 'import sys; print(sys.stdin.read()[85:].split()[0])')
want_bytes=$(printf '%s' "$line" | python3 -c 'import sys; print(len(sys.stdin.read()[:85].encode())+1)')
for lang in en vi; do
  out=$tmp/qf-$lang
  # The language as gettext chooses it (LANGUAGE over a C.UTF-8 locale),
  # whatever the caller's environment.
  inlang() ( unset LC_ALL LC_MESSAGES; export LANG=C.UTF-8 LANGUAGE=$lang; "$@" )
  inlang "$bin" -I plans "$file" >"$tmp/diag-$lang" 2>&1
  ndiag=$(grep -cE '^[^ :]+:[0-9]+:[0-9]+: (error|warning|note|lỗi|cảnh báo|ghi chú): ' "$tmp/diag-$lang")
  nerr=$(tail -n 1 "$tmp/diag-$lang" | grep -oE '^[0-9]+')
  if [ "$lang" = vi ] && ! grep -q 'lỗi: ' "$tmp/diag-$lang"; then
    ko "vi: plancheck printed no Vietnamese (build the catalogue: make build/locale/vi/LC_MESSAGES/plancheck.mo)" "$(head -n 3 "$tmp/diag-$lang")"
    continue
  fi
  inlang vimrun --cmd "let g:plancheck_program = '$bin' | let g:file = '$file' | let g:args = '-I plans' | let g:lnum = $lnum | let g:out = '$out'" -S tests/editors/quickfix.vim
  if [ ! -s "$out" ]; then
    ko "$lang: vim wrote no quickfix list"
    continue
  fi
  grep -q "^compiler plancheck makeprg .*$bin.* \$\* %:S$" "$out" && ok || ko "$lang: the plan filetype does not set compiler plancheck with g:plancheck_program" "$(head -n 1 "$out")"
  n=$(grep -c '^entry ' "$out")
  [ "$n" = "$ndiag" ] && [ "$n" -gt 20 ] && ok || ko "$lang: $n quickfix entries for $ndiag diagnostics" "$(head -n 5 "$out")"
  e=$(grep -ciE '^entry e ' "$out")
  [ "$e" = "$nerr" ] && [ "$e" -gt 0 ] && ok || ko "$lang: $e quickfix errors, plancheck counts $nerr"
  w=$(grep -ciE '^entry w ' "$out") nn=$(grep -ciE '^entry n ' "$out")
  [ $((e + w + nn)) = "$n" ] && [ "$w" -gt 0 ] && [ "$nn" -gt 0 ] && ok || ko "$lang: entries not all typed error, warning or note ($e, $w, $nn of $n)"
  grep -qiE "^entry e $lnum 86 1 $file$" "$out" && ok || ko "$lang: no error entry at $lnum, column 86, virtual" "$(grep " $lnum " "$out")"
  cursor=$(grep '^cursor ' "$out")
  [ "$cursor" = "cursor $lnum 86 86 $want_bytes $want_word" ] && [ "$want_bytes" -gt 86 ] && ok ||
    ko "$lang: :cc puts the cursor at '$cursor', not 'cursor $lnum 86 86 $want_bytes $want_word' (line, character, screen and byte column, word)"
done

# ---- syntax: the real plans and every keyword ----
mkdir "$tmp/written"
mapfile -t files < <(node tests/editors/reference.js files "$bin" "$tmp/written")
[ "${#files[@]}" -ge 120 ] && [ "$(ls "$tmp/written" | wc -l)" = 12 ] && ok ||
  ko "real, test and written plans found: ${#files[@]}, $(ls "$tmp/written" | wc -l) written"
kwfile=$tmp/keywords.plan
node -e '
  const r = require("./tests/editors/reference.js");
  const k = r.lexerKeywords(process.cwd());
  console.log(k.english.concat(k.vietnamese).join("\n"));' >"$kwfile"
[ "$(wc -l <"$kwfile")" -ge 140 ] && ok || ko "keywords read from the lexer: $(wc -l <"$kwfile")"
# One vim for all the files: a vim per file would cost most of the suite.
node tests/editors/reference.js positions "${files[@]}" "$kwfile" >"$tmp/pos"
vimrun --cmd "let g:positions = '$tmp/pos' | let g:out = '$tmp/syn'" -S tests/editors/syntax.vim
total=0
for f in "${files[@]}" "$kwfile"; do
  n=$(grep -F "checked $f " "$tmp/syn" 2>/dev/null | sed 's/.* //')
  total=$((total + ${n:-0}))
  if [ -z "$n" ] || [ "$n" -lt 1 ] || grep -qF "FAIL: $f:" "$tmp/syn"; then
    ko "$f: syntax groups (${n:-no} places)" "$(grep -F "FAIL: $f:" "$tmp/syn" 2>/dev/null)"
  else
    ok
  fi
done
echo "ok: syntax checked at $total places in ${#files[@]} plans and the keyword list"

# ---- :PlanFormat ----
# Until the fmt branch is merged, BIN has no fmt command.
if LANGUAGE=en "$bin" fmt - </dev/null 2>&1 | grep -q "unknown command 'fmt'"; then
  echo "skip: $bin has no fmt command yet: :PlanFormat not run"
else
  cp plans/tuyphuoc.plan "$tmp/good.plan"
  printf 'plan x {\n  date 2023-01-01\n  level district\n}\nsection I. "a" {\n   - "b" by\n}\n' >"$tmp/bad.plan"
  cp "$tmp/bad.plan" "$tmp/bad.orig"
  vimrun --cmd "let g:plancheck_program = '$bin' | let g:good = '$tmp/good.plan' | let g:bad = '$tmp/bad.plan' | let g:out = '$tmp/fmt'" -S tests/editors/format.vim
  "$bin" fmt plans/tuyphuoc.plan >"$tmp/fmt.want" 2>&1
  cmp -s plans/tuyphuoc.plan "$tmp/good.plan" && ok || ko ":PlanFormat wrote the file it formats"
  [ -s "$tmp/fmt.good" ] && cmp -s "$tmp/fmt.want" "$tmp/fmt.good" && ok ||
    ko ":PlanFormat on tuyphuoc.plan stripped of its indentation is not plancheck fmt of it" "$(diff "$tmp/fmt.want" "$tmp/fmt.good" 2>&1 | head -n 10)"
  [ "$(tr '\n' '|' <"$tmp/fmt.bad" 2>/dev/null)" = "unchanged|not modified|e 7 1 $tmp/bad.plan|" ] && cmp -s "$tmp/bad.plan" "$tmp/bad.orig" && ok ||
    ko ":PlanFormat on a plan with an error: the buffer kept, the error in the quickfix list" "$(cat "$tmp/fmt.bad" 2>/dev/null)"
fi

# ---- indent: fmt's layout ----
# The real plans are written in the layout of `plancheck fmt` (it changes
# no indentation in them): gg=G must leave them as they are. With a BIN
# that has fmt, so must it every real, standard-library and written plan
# once formatted.
mkdir -p "$tmp/ind"
: >"$tmp/ind.list"
n=0
for f in plans/*.plan plans/*/*.plan tests/vi-keywords/*/*.plan; do
  n=$((n + 1))
  printf '%s\t%s\n' "$f" "$tmp/ind/$n.out" >>"$tmp/ind.list"
  printf '%s\t%s\n' "$f" "$f" >>"$tmp/ind.want"
done
if ! LANGUAGE=en "$bin" fmt - </dev/null 2>&1 | grep -q "unknown command 'fmt'"; then
  for f in plans/*.plan plans/*/*.plan stdlib/*.plan "$tmp"/written/*.plan; do
    n=$((n + 1))
    "$bin" fmt "$f" >"$tmp/ind/$n.plan" 2>/dev/null || { ko "plancheck fmt $f"; continue; }
    printf '%s\t%s\n' "$tmp/ind/$n.plan" "$tmp/ind/$n.out" >>"$tmp/ind.list"
    printf '%s\t%s\n' "$f (formatted)" "$tmp/ind/$n.plan" >>"$tmp/ind.want"
  done
else
  echo "skip: $bin has no fmt command yet: gg=G on the real plans only"
fi
vimrun --cmd "let g:list = '$tmp/ind.list'" -S tests/editors/indent.vim
i=0
while IFS=$'\t' read -r name want; do
  i=$((i + 1))
  d=$(diff "$want" "$tmp/ind/$i.out" 2>&1) && ok || ko "gg=G changes $name" "$(head -n 10 <<<"$d")"
done <"$tmp/ind.want"
echo "ok: gg=G on $i plans"

# ---- ftdetect, ftplugin, indent ----
printf 'plan x {\nkind "KẾ HOẠCH" # {\n}\nsection I. "A" {\n- "b { c" by x\ntext 1. "d"\n}\n' >"$tmp/indent.plan"
printf 'plan x {\n  kind "KẾ HOẠCH" # {\n}\nsection I. "A" {\n  - "b { c" by x\n  text 1. "d"\n}\n' >"$tmp/indent.want"
cp "$tmp/indent.plan" "$tmp/a.progress"
vimrun -c 'filetype plugin indent on' -c "edit $tmp/a.progress" \
  -c "let g:ft = [&filetype, &commentstring, &shiftwidth, &expandtab, exists(':PlanFormat'), &l:makeprg =~# 'plancheck']" \
  -c 'set filetype=text' -c "call writefile(g:ft + [exists(':PlanFormat'), &l:makeprg =~# 'plancheck'], '$tmp/ft')" -c 'qall!'
[ "$(cat "$tmp/ft" 2>/dev/null | tr '\n' '|')" = 'plan|# %s|2|1|2|1|0|0|' ] && ok ||
  ko "ftdetect/ftplugin on a .progress file, and its undo (filetype, commentstring, shiftwidth, expandtab, :PlanFormat, makeprg; then the last two)" "$(cat "$tmp/ft" 2>/dev/null)"
vimrun -c 'filetype plugin indent on' -c "edit $tmp/indent.plan" -c 'normal! gg=G' -c "write! $tmp/indent.got" -c 'qall!'
diff -u "$tmp/indent.want" "$tmp/indent.got" >"$tmp/d" && ok || ko "indent: gg=G" "$(cat "$tmp/d")"
finish
