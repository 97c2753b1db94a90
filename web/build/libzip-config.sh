#!/bin/sh
# libzip-config.sh SRC OUT: the files libzip's CMake build writes before
# compiling (config.h, zipconf.h, zip_err_str.c), written for emscripten's
# libc into OUT. Under emcmake, CMake's try-run measured off_t and size_t
# as 9 bytes here (its test programs do not run): the answers are given,
# those of wasm32 with musl. zip_err_str.c is made from zip.h's comments
# as lib/CMakeLists.txt makes it.
set -eu
src=$1
out=$2
mkdir -p "$out"
version=$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' "$src/CMakeLists.txt" | head -n 1)
[ -n "$version" ] || { echo "libzip-config.sh: no VERSION in $src/CMakeLists.txt" >&2; exit 1; }
major=${version%%.*}
rest=${version#*.}
minor=${rest%%.*}
micro=${rest#*.}

{
  echo '#ifndef HAD_CONFIG_H'
  echo '#define HAD_CONFIG_H'
  echo '#ifndef _HAD_ZIPCONF_H'
  echo '#include "zipconf.h"'
  echo '#endif'
  for h in FILENO FSEEKO FTELLO LOCALTIME_R NULLABLE SNPRINTF STRCASECMP STRDUP STRTOLL STRTOULL STDBOOL_H \
           STRINGS_H UNISTD_H; do
    echo "#define HAVE_$h"
  done
  echo '#define SIZEOF_OFF_T 8'
  echo '#define SIZEOF_SIZE_T 4'
  echo '#define PACKAGE "libzip"'
  echo "#define VERSION \"$version\""
  echo '#endif'
} > "$out/config.h"

{
  echo '#ifndef _HAD_ZIPCONF_H'
  echo '#define _HAD_ZIPCONF_H'
  echo "#define LIBZIP_VERSION \"$version\""
  echo "#define LIBZIP_VERSION_MAJOR $major"
  echo "#define LIBZIP_VERSION_MINOR $minor"
  echo "#define LIBZIP_VERSION_MICRO $micro"
  echo '#define ZIP_STATIC'
  echo '#include <inttypes.h>'
  for t in 8 16 32 64; do
    echo "typedef int${t}_t zip_int${t}_t;"
    echo "typedef uint${t}_t zip_uint${t}_t;"
  done
  # The limits, as cmake-zipconf.h.in writes them.
  sed -n '/^#define ZIP_U*INT[0-9]*_M/p' "$src/cmake-zipconf.h.in"
  echo '#endif'
} > "$out/zipconf.h"

{
  echo '/* Made by web/build/libzip-config.sh from zip.h. */'
  echo '#include "zipint.h"'
  echo 'const char * const _zip_err_str[] = {'
  sed -n 's|^#define ZIP_ER_[A-Z_]* [0-9]*[ \t]*/\* [NSZ]* \(.*\) \*/.*$|    "\1",|p' "$src/lib/zip.h"
  echo '};'
  echo 'const int _zip_nerr_str = sizeof(_zip_err_str)/sizeof(_zip_err_str[0]);'
  echo '#define N ZIP_ET_NONE'
  echo '#define S ZIP_ET_SYS'
  echo '#define Z ZIP_ET_ZLIB'
  echo 'const int _zip_err_type[] = {'
  sed -n 's|^#define ZIP_ER_[A-Z_]* [0-9]*[ \t]*/\* \([NSZ]*\) .*$|    \1,|p' "$src/lib/zip.h"
  echo '};'
} > "$out/zip_err_str.c"
n=$(grep -c '^#define ZIP_ER_' "$src/lib/zip.h")
[ "$(grep -c '^    "' "$out/zip_err_str.c")" = "$n" ] ||
  { echo "libzip-config.sh: zip.h's error list changed its form" >&2; exit 1; }
