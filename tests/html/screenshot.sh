#!/usr/bin/env bash
# tests/html/screenshot.sh [OUT.png]: the phone-size picture of the HTML
# report of the real Tuy Phước plan, in Vietnamese (tuyphuoc-vi.args), that
# docs/REPORTS.md shows (default docs/tuyphuoc-report.png); `make
# screenshot` runs it. Headless Chromium (Debian package chromium) renders
# the page offline, 412 pixels wide like a common phone. Part I (the
# plan's own text, long) is hidden in the copy rendered, so that the first
# screens show the coverage matrix, the timeline and the agenda; the page
# itself is as `plancheck report` writes it.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-docs/tuyphuoc-report.png}
command -v chromium >/dev/null || { echo "error: chromium not found: install the Debian package 'chromium' (or run 'make deps' as root)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd tests/html && ../../plancheck $(cat tuyphuoc-vi.args)) >"$tmp/page.html" 2>/dev/null || true
sed 's|</style>|section.part[id^="p-noi-dung-"]{display:none}</style>|' "$tmp/page.html" >"$tmp/shot.html"
timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$tmp/profile" --host-resolver-rules="MAP * ~NOTFOUND" \
  --window-size=412,2400 --screenshot="$tmp/shot.png" "file://$tmp/shot.html" >/dev/null 2>&1
python3 tests/html/png-check.py "$tmp/shot.png" 412 2400
cp "$tmp/shot.png" "$out"
echo "wrote $out"
