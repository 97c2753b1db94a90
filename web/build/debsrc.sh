#!/bin/sh
# debsrc.sh DIR PACKAGE...: the Debian source packages PACKAGE... of the
# release this machine runs, unpacked (Debian's patches applied) into
# DIR/PACKAGE/. `make web` compiles Lua, utf8proc and jansson from them to
# WebAssembly: the code the native build links, never a copy kept in the
# repository.
#
# apt reads a private sources list and keeps its lists and downloads under
# DIR/apt: the machine's own apt configuration is left as it is. Needs apt,
# dpkg-source (dpkg-dev) and the network once.
set -eu
dir=$1
shift
command -v dpkg-source >/dev/null 2>&1 ||
  { echo "debsrc.sh: dpkg-source is missing: install the Debian package dpkg-dev" >&2; exit 1; }
. /etc/os-release
suite=${VERSION_CODENAME:?}
mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial"
apt_dir=$(cd "$dir/apt" && pwd)
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" \
  > "$apt_dir/sources.list"
apt() {
  apt-get -q -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/nonexistent \
    -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache" -o Debug::NoLocking=1 "$@"
}
apt update >/dev/null
cd "$dir"
for p in "$@"; do
  rm -rf "$p" "$p.tmp"
  mkdir "$p.tmp"
  (cd "$p.tmp" && apt source --download-only "$p" >/dev/null 2>&1 && dpkg-source -q -x ./*.dsc unpacked >/dev/null 2>&1)
  mv "$p.tmp/unpacked" "$p"
  rm -rf "$p.tmp"
done
