#!/bin/sh
# doclibs.sh DEB OUT: zlib, libzip and libxml2, the Word reader's libraries
# (src/docx.c), compiled to WebAssembly from their Debian sources in DEB
# (web/build/debsrc.sh) into OUT/lib/lib{z,zip,xml2}.a, their headers in
# OUT/include. EMCC is the compiler command (emcc).
#   zlib     its sources as they are (zconf.h is shipped);
#   libzip   its lib/ sources, CMake's generated files written by
#            libzip-config.sh (no crypto, bzip2, lzma or zstd: a .docx is
#            deflate);
#   libxml2  its own configure for a cross build (nothing run), without
#            network, threads, iconv (a .docx is UTF-8), catalogues or
#            modules; `make libxml2.la` in a copy of the sources.
set -eu
deb=$1
out=$2
cc=${EMCC:-emcc}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/lib" "$out/include" "$out/obj/z" "$out/obj/zip"

for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate inftrees trees uncompr zutil; do
  $cc -O2 -DHAVE_UNISTD_H -I"$deb/zlib" -c "$deb/zlib/$f.c" -o "$out/obj/z/$f.o"
done
rm -f "$out/lib/libz.a"
${EMAR:-emar} rcs "$out/lib/libz.a" "$out"/obj/z/*.o
cp "$deb/zlib/zlib.h" "$deb/zlib/zconf.h" "$out/include/"

sh "$here/libzip-config.sh" "$deb/libzip" "$out/libzip"
files=$(sed -n '/^add_library(zip$/,/^  )$/p' "$deb/libzip/lib/CMakeLists.txt" | sed -n 's/^ *\(zip_[a-z0-9_-]*\.c\)$/\1/p')
[ -n "$files" ] || { echo "doclibs.sh: no sources in libzip's lib/CMakeLists.txt" >&2; exit 1; }
for f in $files zip_mkstempm.c zip_source_file_stdio_named.c zip_random_unix.c; do
  $cc -O2 -Wno-nullability-completeness -DHAVE_CONFIG_H -I"$out/libzip" -I"$deb/libzip/lib" -I"$out/include" \
    -c "$deb/libzip/lib/$f" -o "$out/obj/zip/${f%.c}.o"
done
$cc -O2 -DHAVE_CONFIG_H -I"$out/libzip" -I"$deb/libzip/lib" -c "$out/libzip/zip_err_str.c" -o "$out/obj/zip/zip_err_str.o"
rm -f "$out/lib/libzip.a"
${EMAR:-emar} rcs "$out/lib/libzip.a" "$out"/obj/zip/*.o
cp "$deb/libzip/lib/zip.h" "$out/libzip/zipconf.h" "$out/include/"

rm -rf "$out/libxml2"
cp -r "$deb/libxml2" "$out/libxml2"
(cd "$out/libxml2" &&
  emconfigure ./configure --host=wasm32-unknown-linux --disable-shared --enable-static --without-python \
    --without-zlib --without-lzma --without-http --without-ftp --without-iconv --without-icu --without-threads \
    --without-modules --without-catalog --without-debug --without-docbook --without-legacy --without-schematron \
    --without-xptr --without-c14n >configure.log 2>&1 || { tail -20 configure.log >&2; exit 1; }
  emmake make libxml2.la >make.log 2>&1 || { tail -20 make.log >&2; exit 1; })
cp "$out/libxml2/.libs/libxml2.a" "$out/lib/libxml2.a"
rm -rf "$out/include/libxml"
cp -r "$out/libxml2/include/libxml" "$out/include/libxml"
