#!/bin/sh
# tools/deb.sh VERSION ARCH: the Debian package of plancheck, for `make
# deb`. dpkg-buildpackage writes its results beside the source tree, so
# the tree is copied first (the files git knows, tracked or new but not
# ignored, as they are in the working tree; without git, everything but
# the build directories) to build/deb/src/plancheck-VERSION; the results
# are moved to build/deb/, and lintian checks them (its report:
# build/deb/lintian.txt; an error fails, warnings are printed).
set -eu
version=$1
arch=$2
cd "$(dirname "$0")/.."
out=build/deb
src=$out/src/plancheck-$version

[ -n "$version" ] || { echo "error: the program's version (PLANCHECK_VERSION in src/) was not found" >&2; exit 2; }
# The package's version is debian/changelog's: it must be the program's.
logged=$(dpkg-parsechangelog -l debian/changelog -S Version)
if [ "$logged" != "$version" ]; then
  echo "error: debian/changelog is at version $logged, the program at $version: add an entry (dch -v $version)" >&2
  exit 2
fi

rm -rf "$out"
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Deleted files still in the index are skipped; node_modules never goes.
  git ls-files -z --cached --others --exclude-standard |
    tr '\0' '\n' | grep -v '/node_modules/' |
    while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done |
    tar -cf - --no-recursion -T - | tar -xf - -C "$src"
else
  tar -cf - --exclude=./build --exclude=./build-asan --exclude=./plancheck \
    --exclude=node_modules . | tar -xf - -C "$src"
fi

# -us -uc: nothing is signed; the source package is native (its version
# has no Debian revision: the packaging lives with the program).
(cd "$src" && dpkg-buildpackage -us -uc) > "$out/build.log" 2>&1 || {
  tail -n 40 "$out/build.log" >&2
  echo "error: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
  exit 1
}
for f in "$out"/src/plancheck*_"$version"*; do mv "$f" "$out"/; done

changes=$out/plancheck_${version}_$arch.changes
status=0
lintian --info --display-info --fail-on error,warning "$changes" > "$out/lintian.txt" 2>&1 || status=$?
cat "$out/lintian.txt"
if [ "$status" != 0 ]; then
  echo "error: lintian finds errors or warnings in the package (above; $out/lintian.txt)" >&2
  exit 1
fi
echo "$out/plancheck_${version}_$arch.deb: built; lintian: $(grep -c '^E:' "$out/lintian.txt") errors, $(grep -c '^W:' "$out/lintian.txt") warnings"
