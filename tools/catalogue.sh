#!/bin/sh
# tools/catalogue.sh OUT: the Vietnamese catalogue, po/vi.po with the
# translations of po/part-*.po (being written in parallel) added, as one
# .po file OUT. Where both translate a message, po/vi.po wins.
set -eu
out=$1
cd "$(dirname "$0")/.."
set -- po/part-*.po
if [ -e "$1" ]; then msgcat --use-first --no-wrap -o "$out" po/vi.po "$@"
else cp po/vi.po "$out"
fi
