#!/usr/bin/env bash
# libxxgk as others link it (issue 10): only xxgk_ symbols exported; the
# header compiles alone as C11 and C++11 with -pedantic; `cmake --install`
# respects the prefix and DESTDIR; a tiny program builds against the
# installed library with pkg-config and with find_package(xxgk), and
# reads sample 002 (a 2020 report whose 表三 总计 is 2, with no error);
# the installed command finds its PDF module (lib/xxgk/xxgk-pdf.so)
# beside itself, also once the prefix has moved, and a consumer finds it
# through XXGK_MODULE_DIR.
set -u
build=$1
extra=${XXGK_CONSUMER_FLAGS:-} # -fsanitize=… when the library was built with it
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL $*" >&2; fail=1; }

# 1. exported symbols
others=$(nm -g --defined-only "$build/libxxgk.a" | awk 'NF == 3 {print $3}' | grep -v '^xxgk_')
[[ -z $others ]] || die "libxxgk.a exports symbols without the xxgk_ prefix: $(echo $others | head -c 300)"
nm -g --defined-only "$build/libxxgk.a" | grep -q ' T xxgk_report_parse$' ||
  die "libxxgk.a does not export xxgk_report_parse"

# 2. the header alone
cc -std=c11 -pedantic -Wall -Wextra -Werror -I"$src/include" -fsyntax-only \
  "$src/tests/library/header.c" || die "xxgk.h as C11 -pedantic"
if command -v c++ >/dev/null; then
  c++ -std=c++11 -pedantic -Wall -Wextra -Werror -I"$src/include" -fsyntax-only -x c++ \
    "$src/tests/library/header.cpp" || die "xxgk.h as C++11 -pedantic"
else
  echo "library.sh: no C++ compiler, the C++ header check is skipped" >&2
fi

# 3. install: prefix, then DESTDIR
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null || die "cmake --install --prefix"
for f in bin/xxgk include/xxgk.h lib/libxxgk.a lib/pkgconfig/xxgk.pc lib/cmake/xxgk/xxgkConfig.cmake \
         share/man/man1/xxgk.1 share/bash-completion/completions/xxgk; do
  [[ -f $prefix/$f ]] || die "not installed: $f"
done
DESTDIR=$tmp/dest cmake --install "$build" --prefix /opt/xxgk >/dev/null || die "DESTDIR install"
[[ -f $tmp/dest/opt/xxgk/lib/libxxgk.a && -f $tmp/dest/opt/xxgk/include/xxgk.h ]] ||
  die "DESTDIR not respected"

# 3b. the installed command and its PDF module
pdf=$src/tests/fixtures/pdf/002_5008492d97724081.pdf
golden=$src/tests/golden/samples/002_5008492d97724081.cells
if [[ -f $build/xxgk-pdf.so ]]; then
  [[ -f $prefix/lib/xxgk/xxgk-pdf.so && -f $tmp/dest/opt/xxgk/lib/xxgk/xxgk-pdf.so ]] ||
    die "the PDF module is not installed in lib/xxgk"
  "$prefix/bin/xxgk" parse --format cells "$pdf" 2>&1 | diff -q - "$golden" >/dev/null ||
    die "the installed xxgk does not read a PDF"
  cp -a "$prefix" "$tmp/moved"
  "$tmp/moved/bin/xxgk" parse --format cells "$pdf" 2>&1 | diff -q - "$golden" >/dev/null ||
    die "xxgk installed and then moved does not find its PDF module"
  rm -rf "$tmp/moved"
fi

# 4. a consumer: pkg-config (static link line) …
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
flags=$(pkg-config --cflags --libs --static xxgk) || die "pkg-config xxgk"
cc -std=c11 $extra -o "$tmp/tiny" "$src/tests/library/tiny.c" $flags || die "build with pkg-config"
out=$("$tmp/tiny" "$src/examples/002_5008492d97724081.txt")
[[ $out == "2020 2 0" ]] || die "tiny (pkg-config) printed '$out', expected '2020 2 0'"
if [[ -f $build/xxgk-pdf.so ]]; then
  out=$(XXGK_MODULE_DIR=$prefix/lib/xxgk "$tmp/tiny" "$pdf")
  [[ $out == "2020 2 0" ]] || die "tiny read the PDF as '$out', expected '2020 2 0'"
fi

# … and CMake's find_package
cmake -S "$src/tests/library" -B "$tmp/cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >/dev/null &&
  cmake --build "$tmp/cmake" >/dev/null || die "build with find_package(xxgk)"
out=$("$tmp/cmake/tiny" "$src/examples/002_5008492d97724081.txt")
[[ $out == "2020 2 0" ]] || die "tiny (CMake) printed '$out', expected '2020 2 0'"
exit $fail
