#!/bin/sh
# tools/pot.sh OUT: the message template of plancheck (OUT, a .pot file):
# every text marked for translation in the C sources and grammars (_()
# and N_(); lg_ntext for counts) and in the standard Lua scripts (_()).
# The Makefile's `pot` and `update-po`, and tests/i18n/run, use it.
set -eu
out=$1
cd "$(dirname "$0")/.."
common="--from-code=UTF-8 --sort-by-file --add-comments=TRANSLATORS: --package-name=plancheck --msgid-bugs-address=plancheck --no-wrap"
# shellcheck disable=SC2086 # the options are words
xgettext $common --language=C --keyword=_ --keyword=N_ --keyword=lg_ntext:1,2 --keyword=lg_ptext:1c,2 \
  --flag=_:1:pass-c-format --flag=lg_ntext:1:pass-c-format --flag=lg_ntext:2:pass-c-format --flag=lg_ptext:2:pass-c-format \
  --flag=dg_add:7:c-format --flag=dg_note:6:c-format --flag=dg_fmt:2:c-format --flag=usage_error:1:c-format \
  -o "$out" src/*.c src/*.h grammar/lexer.re grammar/phrase.re grammar/gram.y
# shellcheck disable=SC2086
xgettext $common --language=Lua --keyword=_ --join-existing -o "$out" stdlib/*.lua
