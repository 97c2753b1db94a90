#!/bin/sh
# tools/deps.sh WHAT PACKAGE...: makes sure the Debian packages WHAT needs
# (the build, the tests) are installed. Those that are missing are
# installed when run as root (as `make deps` does); otherwise it stops
# with their names and the command that installs them. So `make run` and
# `make test` work on a fresh Debian machine as they are, and say exactly
# what to install where they cannot.
#
# Without dpkg (not Debian) it cannot tell packages apart: it checks the
# commands and libraries of the build by name instead and says which
# Debian package provides each one that is missing.
set -eu
what=$1
shift

if ! command -v dpkg-query >/dev/null 2>&1; then
  for c in re2c lemon pkg-config; do
    command -v "$c" >/dev/null || { echo "error: $c not found: install the Debian package '$c'" >&2; exit 2; }
  done
  for c in xgettext msgfmt; do
    command -v "$c" >/dev/null || { echo "error: $c not found: install the Debian package 'gettext'" >&2; exit 2; }
  done
  pkg-config --exists libutf8proc || { echo "error: utf8proc not found: install the Debian package 'libutf8proc-dev'" >&2; exit 2; }
  pkg-config --exists lua5.4 || { echo "error: Lua 5.4 not found: install the Debian package 'liblua5.4-dev'" >&2; exit 2; }
  pkg-config --exists libzip || { echo "error: libzip not found: install the Debian package 'libzip-dev'" >&2; exit 2; }
  pkg-config --exists libxml-2.0 || { echo "error: libxml2 not found: install the Debian package 'libxml2-dev'" >&2; exit 2; }
  exit 0
fi

missing=
for p in "$@"; do
  case $(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null) in
    ii*) ;;
    *) missing="$missing $p" ;;
  esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  echo "$what needs the Debian packages$missing: installing them" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y --no-install-recommends $missing >&2
  exit 0
fi
echo "error: $what needs the Debian packages$missing, which are not installed." >&2
echo "Install them as root with 'make deps', or: apt-get install$missing" >&2
exit 2
