#!/usr/bin/env bash
# A text/DOCX-only build (XXGK_WITH_PDF=OFF, XXGK_WITH_STORE=OFF) links
# neither MuPDF nor SQLite: it builds, reads a text and a DOCX report,
# refuses a PDF saying why, and has no `db` command.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL $*" >&2; fail=1; }
cmake -S "$src" -B "$tmp/b" -DXXGK_WITH_PDF=OFF -DXXGK_WITH_STORE=OFF -DXXGK_WERROR=ON >/dev/null ||
  { echo "FAIL configure" >&2; exit 1; }
cmake --build "$tmp/b" --target xxgk-cli -j "$(nproc 2>/dev/null || echo 2)" >/dev/null ||
  { echo "FAIL build" >&2; exit 1; }
x=$tmp/b/xxgk
if nm "$tmp/b/libxxgk.a" | grep -qE ' U (sqlite3_|fz_)'; then die "libxxgk.a still refers to SQLite or MuPDF"; fi
ldd "$x" | grep -q sqlite && die "xxgk links SQLite"
"$x" parse --format cells "$src/examples/002_5008492d97724081.txt" >"$tmp/cells" || die "parse text"
diff -q "$tmp/cells" "$src/tests/golden/samples/002_5008492d97724081.cells" >/dev/null || die "cells of 002"
"$x" parse --format cells "$src/tests/fixtures/docx/002_5008492d97724081.docx" >"$tmp/docx" || die "parse DOCX"
diff -q "$tmp/docx" "$src/tests/golden/samples/002_5008492d97724081.cells" >/dev/null || die "cells of the DOCX"
"$x" parse "$src/tests/fixtures/pdf/002_5008492d97724081.pdf" >/dev/null 2>"$tmp/err"
[[ $? -eq 2 ]] && grep -q "没有 PDF 支持" "$tmp/err" || die "a PDF is not refused with the reason"
"$x" db list >/dev/null 2>&1
[[ $? -eq 2 ]] || die "the db command exists"
size=$(stat -c %s "$x")
[[ $size -lt 20000000 ]] || die "xxgk is $size bytes without MuPDF"
exit $fail
