#!/usr/bin/env bash
# Findings in the user's terms (issue 10): each finding names its table,
# row and column and says where it is in the user's own document — the
# page of a PDF, the table, row and cell of a DOCX or web page, the line of
# a text file — in JSON and in the human form. The places below were
# found by reading the documents themselves (pdftotext per page; the
# w:tbl/w:tr/w:tc of word/document.xml; the page's <table>/<tr>/<td>).
set -u
xxgk=$1
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
has() { # NAME FILE TEXT
  if ! grep -qF -- "$3" "$2"; then
    echo "FAIL $1: lacks: $3" >&2
    sed 's/^/  | /' "$2" | head -c 3000 >&2
    fail=1
  fi
}

# PDF: 表三 （七）总计 is on page 4 of sample 001's PDF (4 in 自然人 and 总计).
"$xxgk" check --format json tests/fixtures/pdf/001_cbab459871fbb742.pdf >"$tmp/pdf.json" 2>/dev/null
has pdf-json "$tmp/pdf.json" '"rule":"t3-outcome-total","line":'
has pdf-place "$tmp/pdf.json" '"place":{"table":"表三","row":"（七）总计","column":"自然人"},"where":{"kind":"pdf","text":"第4页","page":4,"box":['
"$xxgk" check tests/fixtures/pdf/001_cbab459871fbb742.pdf >"$tmp/pdf.txt" 2>/dev/null
has pdf-human "$tmp/pdf.txt" '001_cbab459871fbb742.pdf:第4页: 错误[t3-outcome-total]: 表三“（七）总计”行“自然人”栏：填的是 4，各项办理结果相加是 0'

# DOCX: the third w:tbl is 表三; its 25th w:tr is （七）总计, whose third
# w:tc holds 4 (自然人) and ninth 4 (总计). The date is a paragraph.
"$xxgk" check --format json tests/fixtures/docx/001_cbab459871fbb742.docx >"$tmp/docx.json" 2>/dev/null
has docx-cell "$tmp/docx.json" '"where":{"kind":"docx","text":"第3个表格第25行第3格","table":3,"row":25,"cell":3}'
has docx-total "$tmp/docx.json" '"where":{"kind":"docx","text":"第3个表格第25行第9格","table":3,"row":25,"cell":9}'
has docx-para "$tmp/docx.json" '"rule":"date-early"'
grep -o '"rule":"date-early".*' "$tmp/docx.json" | grep -qF '"kind":"docx","text":"第' || { echo "FAIL docx-para-where" >&2; fail=1; }

# HTML: the merged 科研机构 cell is the 4th <td> of the 9th <tr> of the
# page's 2nd table (rowspan="2" over the row of “3.危及”).
"$xxgk" check --format json tests/fixtures/tree/rowspan_2019.html >"$tmp/html.json" 2>/dev/null
has html-where "$tmp/html.json" '"where":{"kind":"html","text":"第2个表格第9行第4格","table":2,"row":9,"cell":4,"path":"'
has html-path "$tmp/html.json" '/table[2]/tr[9]/td[4]"}'

# Text: the line of the file itself, shown with the line.
"$xxgk" check --format json examples/001_cbab459871fbb742.txt >"$tmp/txt.json" 2>/dev/null
has txt-where "$tmp/txt.json" '"where":{"kind":"text","text":"第371行","line":371,"column":2}'
"$xxgk" check examples/001_cbab459871fbb742.txt >"$tmp/txt.txt" 2>/dev/null
has txt-human "$tmp/txt.txt" 'examples/001_cbab459871fbb742.txt:371: 错误[t3-outcome-total]: 表三“（七）总计”行“自然人”栏：填的是 4，各项办理结果相加是 0'

# A JSON model (what `xxgk new` writes) is checked too: a wrong total is
# named by table, row and column, with no page.
"$xxgk" new --year 2024 --body 青山镇人民政府 --date 2025-01-20 -o "$tmp/new.json" 2>/dev/null
"$xxgk" check "$tmp/new.json" >"$tmp/new.txt" 2>/dev/null
rc=$?
[[ $rc -eq 1 ]] || { echo "FAIL new-exit: $rc, expected 1 (placeholders left)" >&2; fail=1; }
has new-placeholder "$tmp/new.txt" '错误[placeholder-left]'
sed 's/"t3.new.natural": 0/"t3.new.natural": 5/' "$tmp/new.json" >"$tmp/wrong.json"
"$xxgk" check --format json "$tmp/wrong.json" >"$tmp/wrong.out" 2>/dev/null
has model-total "$tmp/wrong.out" '"message":"表三“一、本年新收政府信息公开申请数量”行“总计”栏：填的是 0，各类申请人相加是 5","place":{"table":"表三","row":"一、本年新收政府信息公开申请数量","column":"总计"},"where":{"kind":"none","text":""}'
exit $fail
