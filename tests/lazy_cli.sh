#!/usr/bin/env bash
# Libraries and the PDF module loaded only when a command needs them
# (issue 15; src/lazy/README.md): which shared objects each command
# loads, the module found beside the command in the build tree, and a
# missing or broken module: the PDF fails with a message naming the file
# and what to install, the other inputs are still read.
set -u
x=$1
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL $*" >&2; fail=1; }

pdf=$src/tests/fixtures/pdf/002_5008492d97724081.pdf
docx=$src/tests/fixtures/docx/002_5008492d97724081.docx
txt=$src/examples/002_5008492d97724081.txt
golden=$src/tests/golden/samples/002_5008492d97724081.cells

# The shared objects a command opened (the dynamic linker lists them).
loaded() {
  LD_DEBUG=files "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\) \[0\];  needed by.*/\1/p; s/.*file=\([^ ]*\) \[0\];  dynamically loaded by.*/\1/p' |
    sed 's|.*/||' | sort -u | tr '\n' ' '
}
heavy='libxml2|libzip|libsqlite3|libxlsxwriter|libopencc|xxgk-pdf|libicu|libstdc|libcrypto|libmujs|libfreetype|libargon2|libmicrohttpd|libgnutls|libnettle'

if ldd "$x" | grep -q libasan; then
  # the sanitizers' runtime brings libraries of its own
  echo "lazy_cli.sh: a sanitizer build; which libraries are loaded is checked in the release run" >&2
else
  libs=$(loaded "$x" --version)
  [[ -z $(grep -oE "$heavy" <<<"$libs") ]] || die "xxgk --version loads $(grep -oE "$heavy" <<<"$libs" | tr '\n' ' ')"
  libs=$(loaded "$x" parse "$txt")
  [[ -z $(grep -oE "$heavy" <<<"$libs") ]] || die "parsing a text report loads $(grep -oE "$heavy" <<<"$libs" | tr '\n' ' ')"
  libs=$(loaded "$x" parse "$docx")
  grep -q libxml2 <<<"$libs" && grep -q libzip <<<"$libs" || die "parsing a DOCX does not load libxml2 and libzip: $libs"
  grep -qE 'libsqlite3|xxgk-pdf|libxlsxwriter' <<<"$libs" && die "parsing a DOCX loads more than it needs: $libs"
  libs=$(loaded "$x" parse "$pdf")
  grep -q xxgk-pdf.so <<<"$libs" || die "parsing a PDF does not load xxgk-pdf.so: $libs"
  grep -qE 'libxml2|libsqlite3' <<<"$libs" && die "parsing a PDF loads more than it needs: $libs"
  libs=$(loaded "$x" db list --db "$tmp/r.db")
  grep -q libsqlite3 <<<"$libs" || die "xxgk db does not load SQLite: $libs"
  grep -q libnettle <<<"$libs" || die "xxgk db does not load nettle (SHA-256): $libs"
  grep -qE 'libargon2|libmicrohttpd' <<<"$libs" && die "xxgk db loads the server's libraries: $libs"
  # a password is hashed: libargon2, and still not the HTTP server
  libs=$(echo 'correct horse battery' | loaded "$x" user add ann --role admin --password-stdin --db "$tmp/r.db")
  grep -q libargon2 <<<"$libs" || die "xxgk user add does not load libargon2: $libs"
  grep -q libmicrohttpd <<<"$libs" && die "xxgk user add loads libmicrohttpd: $libs"
  # the server: libmicrohttpd, opened before it listens (port 0: any free one)
  libs=$(timeout 5 bash -c 'LD_DEBUG=files "$@" 2>&1 >/dev/null & pid=$!; sleep 1; kill -TERM $pid; wait $pid' _ \
         "$x" serve --db "$tmp/r.db" --listen 127.0.0.1:0 |
         sed -n 's/.*file=\([^ ]*\) \[0\];  dynamically loaded by.*/\1/p' | sed 's|.*/||' | sort -u | tr '\n' ' ')
  grep -q libmicrohttpd <<<"$libs" || die "xxgk serve does not load libmicrohttpd: $libs"
fi

# libxml2 opened by two import threads at once: its global set-up must
# run once before either parses (lazy_libs.c); left to the first parse,
# about one import in forty of a few web pages into a new store hung
# for ever. Each import here is given 30 s; a hang is a failure.
mkdir "$tmp/pages"
cp "$src"/tests/fixtures/html/samples/*.html "$tmp/pages/"
rounds=120
ldd "$x" | grep -q libasan && rounds=40
for ((i = 0; i < rounds; i++)); do
  rm -f "$tmp/pages.db" "$tmp/pages.db-wal" "$tmp/pages.db-shm"
  timeout 30 "$x" db --db "$tmp/pages.db" import --quiet "$tmp/pages" >/dev/null 2>&1
  [[ $? -eq 124 ]] && { die "db import of web pages hung (round $((i + 1)) of $rounds)"; break; }
done

# The module beside the command (the build tree): the sample's cells.
"$x" parse --format cells "$pdf" >"$tmp/cells" || die "parse $pdf"
diff -q "$tmp/cells" "$golden" >/dev/null || die "cells of the PDF differ from $golden"

# Not found: the PDF fails naming the module and where it was looked
# for; the text report after it is read all the same; status 2.
mkdir "$tmp/empty"
XXGK_MODULE_DIR=$tmp/empty "$x" parse --format cells "$pdf" "$txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 2 ]] || die "missing module: exit status $rc, expected 2"
grep -q "^xxgk: $pdf: 找不到 PDF 读取模块 xxgk-pdf.so（查找过：$tmp/empty）" "$tmp/err" ||
  die "missing module: message: $(cat "$tmp/err")"
grep -q "XXGK_MODULE_DIR" "$tmp/err" || die "missing module: the message does not say how to point at it"
grep -q "^$txt	meta.year	2020$" "$tmp/out" || die "missing module: the text report was not read"

# Not loadable (here: not a shared object; in life: one of MuPDF's
# libraries missing): the file and the packages to install.
mkdir "$tmp/broken"
echo "not a shared object" >"$tmp/broken/xxgk-pdf.so"
XXGK_MODULE_DIR=$tmp/broken "$x" parse "$pdf" >/dev/null 2>"$tmp/err"
rc=$?
[[ $rc -eq 2 ]] || die "broken module: exit status $rc, expected 2"
grep -q "无法加载 PDF 读取模块 $tmp/broken/xxgk-pdf.so（" "$tmp/err" || die "broken module: message: $(cat "$tmp/err")"
grep -q "请安装它所需的 Debian 软件包：.*libmujs" "$tmp/err" || die "broken module: no packages named: $(cat "$tmp/err")"
exit $fail
