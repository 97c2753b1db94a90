#!/usr/bin/env bash
# tests/bench/run-gen.sh BIN [small]: bench/gen and bench/verify with the
# plancheck binary BIN (./plancheck or ./build-asan/plancheck).
#
#   - a tiny cascade (74 plans) is generated with BIN computing the
#     fingerprints, and bench/verify checks that BIN finds exactly the
#     injected defects and nothing else (standard rules on); the same for
#     a tiny cascade of the 2025 structure (--structure 2025);
#   - the generator is deterministic: the same seed gives an identical tree,
#     another seed a different one;
#   - it refuses a non-empty output directory and a national TaskJuggler
#     project.
#   With `small` as second argument (or GEN_SMALL=1), the small cascade
#   (1,000 plans) is generated and verified too: about 15 s with the normal
#   build, 20 s and more under the sanitizers.
#
# Prints one line per check; exit status 0 when all pass, 1 otherwise.
set -u
cd "$(dirname "$0")/../.."
bin=${1:?usage: tests/bench/run-gen.sh BIN [small]}
small=${2:-}
[ "${GEN_SMALL:-}" = 1 ] && small=small
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: $1"; }
ko() {
  fail=1
  echo "FAIL: $1"
  if [ -n "${2:-}" ]; then printf '%s\n' "$2" | head -n 40 | sed 's/^/    /'; fi
}

# gen_verify NAME ARGS...: generate into $tmp/NAME and verify it.
gen_verify() {
  local name=$1
  shift
  local out
  if ! out=$(timeout 300 bench/gen --out "$tmp/$name" --plancheck "$bin" "$@" 2>&1); then
    ko "bench/gen $* ($bin)" "$out"
    return
  fi
  if out=$(timeout 300 bench/verify "$tmp/$name" --plancheck "$bin" 2>&1); then
    ok "bench/verify $* ($bin): $(tail -n 1 <<<"$out")"
  else
    ko "bench/verify $* ($bin)" "$out"
  fi
}

gen_verify tiny --size tiny
# The organisation from 1 July 2025: communes under the provinces.
gen_verify tiny2025 --size tiny --structure 2025

# The same cascade checked in parts of 8 plans by worker processes, with
# and without the standard rules: the same findings, exactly.
for rules in "" --no-rules; do
  if out=$(timeout 300 bench/verify "$tmp/tiny" --plancheck "$bin" $rules -- --batch 8 -j 2 2>&1); then
    ok "bench/verify tiny in parts of 8 ${rules:-(rules)} ($bin): $(tail -n 1 <<<"$out")"
  else
    ko "bench/verify tiny in parts of 8 ${rules:-(rules)} ($bin)" "$out"
  fi
done

# Determinism: same seed, same bytes; another seed, other bytes.
if out=$(bench/gen --out "$tmp/again" --plancheck "$bin" --size tiny 2>&1) &&
   d=$(diff -r "$tmp/tiny" "$tmp/again" 2>&1); then
  ok "bench/gen: the same seed writes the same tree"
else
  ko "bench/gen: the same seed wrote another tree" "$out$d"
fi
if bench/gen --out "$tmp/other" --plancheck "$bin" --size tiny --seed 7 >/dev/null 2>&1 &&
   ! diff -rq "$tmp/tiny" "$tmp/other" >/dev/null 2>&1; then
  ok "bench/gen: another seed writes another tree"
else
  ko "bench/gen: another seed wrote the same tree (or failed)"
fi

# Refusals.
if bench/gen --out "$tmp/tiny" --plancheck "$bin" >/dev/null 2>&1; then
  ko "bench/gen wrote into a non-empty directory"
else
  ok "bench/gen refuses a non-empty directory"
fi
if bench/gen --out "$tmp/nat" --size national --tj "$tmp/nat.tjp" >/dev/null 2>&1 || [ -e "$tmp/nat.tjp" ]; then
  ko "bench/gen accepted --tj for a national cascade"
else
  ok "bench/gen refuses --tj for a national cascade"
fi

if [ "$small" = small ]; then
  gen_verify small --size small
  gen_verify small2025 --size small --structure 2025
fi
exit $fail
