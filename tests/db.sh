#!/usr/bin/env bash
# `xxgk db` from the command line: import (idempotent, unreadable files
# listed at the end, exit statuses), list, show (the same model as
# parse), rollup, diff with the carry-over rule, stats, export, charts,
# read-only query, and the usage errors. Run from the source directory.
set -u
xxgk=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/t.db

. "$(dirname "$0")/lib.sh"

# ---- usage --------------------------------------------------------------
expect help 0 "$xxgk" db --help
contains help-lists-import "$tmp/out" "import"
expect no-subcommand 2 "$xxgk" db
expect bad-subcommand 2 "$xxgk" db frobnicate
contains bad-subcommand-named "$tmp/err" "frobnicate"
expect import-help 0 "$xxgk" db import --help
expect import-nothing 2 "$xxgk" db --db "$db" import
expect list-missing-db 2 "$xxgk" db --db "$tmp/none.db" list
contains missing-db-named "$tmp/err" "none.db"

# ---- import -------------------------------------------------------------
: >"$tmp/empty.txt"
expect import 2 "$xxgk" db --db "$db" import examples "$tmp/empty.txt" "$tmp/missing.txt"
contains import-summary "$tmp/out" "新增 5"
contains import-failed "$tmp/out" "无法读取 2"
lines import-two-failures "$tmp/err" 2
contains import-lists-empty "$tmp/err" "$tmp/empty.txt"
contains import-lists-missing "$tmp/err" "$tmp/missing.txt"
lacks no-progress-bar-off-terminal "$tmp/err" "导入 ["
# The same files, the same status (1: samples 000, 001, 004 have errors),
# whether or not the store held them (issue 15).
expect reimport 1 "$xxgk" db --db "$db" import examples
contains reimport-unchanged "$tmp/out" "未变 5"

# ---- list and show --------------------------------------------------------
expect list 0 "$xxgk" db --db "$db" list
lines list-five "$tmp/out" 6
contains list-body "$tmp/out" "姚集镇人民政府"
expect list-year 0 "$xxgk" db list --db "$db" --year 2021
lines list-year-none "$tmp/out" 1
expect list-errors 0 "$xxgk" db --db "$db" list --errors
lines list-errors-three "$tmp/out" 4  # samples 000, 001, 004 (golden findings)
expect list-bad-where 2 "$xxgk" db --db "$db" list --where "1) OR (1"

id=$("$xxgk" db --db "$db" query "SELECT id FROM report WHERE body = '姚集镇人民政府'" | tail -1)
expect show-json 0 "$xxgk" db --db "$db" show --format json "$id"
sed 's/"file":"[^"]*",//' "$tmp/out" >"$tmp/shown"
# (a stored report is a model: the counts of cells read belong to the
# document it was read from, docs/model.md)
"$xxgk" parse examples/002_5008492d97724081.txt | sed 's/"file":"[^"]*",//; s/,"cells_read":[0-9]*,"cells_in_format":[0-9]*//' >"$tmp/parsed"
if cmp -s "$tmp/shown" "$tmp/parsed"; then ok; else bad "show-json differs from parse"; fi
expect show-text 0 "$xxgk" db --db "$db" show "$id"
contains show-text-body "$tmp/out" "姚集镇人民政府"
expect show-errors 1 "$xxgk" db --db "$db" show --errors
expect show-bad-id 2 "$xxgk" db --db "$db" show 999

# ---- rollup -------------------------------------------------------------
expect rollup-needs-year 2 "$xxgk" db --db "$db" rollup
# Sample 004 lacks rows, 001 prints blanks: the sums of table 三 do not
# add up, and the rollup says so (status 1).
expect rollup 1 "$xxgk" db --db "$db" rollup --year 2020 --as 测试县
lines rollup-one-json "$tmp/out" 1
contains rollup-meta "$tmp/out" '"meta":{"year":2020,"format":"2019","title":"测试县2020年'
contains rollup-body "$tmp/out" '"body":"测试县"'
contains rollup-identities "$tmp/err" "勾稽关系有"
expect rollup-cells 0 "$xxgk" db --db "$db" rollup --year 2020 --format cells --body 姚集镇
contains rollup-one-report "$tmp/out" $'t3.new.natural\t2'
contains rollup-one-ok "$tmp/err" "全部成立"

# ---- diff and the carry-over rule ----------------------------------------
# The 2023 report of tests/golden/layouts/pipe_2021.txt and a 2024 copy
# with one cell changed (行政许可 1536 → 1600) that still says it carried
# in 2 applications, where 2023 carried out 1.
cp tests/golden/layouts/pipe_2021.txt "$tmp/y2023.txt"
sed -e 's/2024年1月22日/2025年1月22日/' -e 's/2023年/2024年/g' -e 's/行政许可|1536件/行政许可|1600件/' \
  tests/golden/layouts/pipe_2021.txt >"$tmp/y2024.txt"
# The carry-over is checked at import (the body's 2023 report is stored):
# the 2024 report has an error, and the import says so (status 1).
expect import-years 1 "$xxgk" db --db "$db" import "$tmp/y2023.txt" "$tmp/y2024.txt"
contains import-years-errors "$tmp/out" "有错误的报告 1 份"
expect list-carry-over 0 "$xxgk" db --db "$db" list --rule carry-over
contains list-carry-over-2024 "$tmp/out" "y2024.txt"
expect diff 1 "$xxgk" db --db "$db" diff --body 云溪县市场监督管理局 2023 2024
contains diff-cell "$tmp/out" $'t2.licensing.decisions\t1536\t1600\t+64'
contains diff-count "$tmp/out" "共 1 栏不同"
contains diff-carry "$tmp/out" "[carry-over]"
expect diff-missing 2 "$xxgk" db --db "$db" diff --body 云溪县市场监督管理局 2020 2024
expect diff-usage 2 "$xxgk" db --db "$db" diff 1

# ---- stats, export, charts, query -----------------------------------------
expect stats 0 "$xxgk" db --db "$db" stats --top 3
contains stats-rules "$tmp/out" "== 检查发现的问题（按规则）"
contains stats-outcomes "$tmp/out" "t3.granted.total"
expect export-csv 0 "$xxgk" db --db "$db" export --to csv --year 2020
# for Chinese Excel: a UTF-8 BOM, Chinese headers, the 2019 format's cells only
equal export-bom "$(head -c 3 "$tmp/out" | od -An -tx1 | tr -d ' ')" "efbbbf"
equal export-header "$(head -1 "$tmp/out" | cut -d, -f1-12)" \
  $'\xEF\xBB\xBF编号,文件,SHA-256,版本,年度,格式,标题,机关,成文日期,统计起始日期,统计截止日期,表二 规章 本年新制作数量'
equal export-tail "$(head -1 "$tmp/out" | rev | cut -d, -f1-4 | rev)" "错误,警告,提示,规则"
lacks export-no-2021-cells "$tmp/out" "本年收费金额"
lines export-rows "$tmp/out" 6
expect export-keys 0 "$xxgk" db --db "$db" export --to csv --year 2020 --keys
equal export-keys-header "$(head -1 "$tmp/out" | cut -d, -f1-12)" \
  $'\xEF\xBB\xBFid,path,sha256,version,year,format,title,body,date,period_from,period_to,t2.rules.new_made'
equal export-keys-tail "$(head -1 "$tmp/out" | rev | cut -d, -f1-4 | rev)" "errors,warnings,notes,rules"
lacks export-keys-no-2021 "$tmp/out" "t2.fees.amount"
expect export-xlsx-needs-file 2 "$xxgk" db --db "$db" export --to xlsx
expect export-xlsx 0 "$xxgk" db --db "$db" export -o "$tmp/r.xlsx"
if unzip -l "$tmp/r.xlsx" 2>/dev/null | grep -q "xl/worksheets/sheet3.xml"; then ok; else bad "xlsx lacks its three sheets"; fi
expect chart 0 "$xxgk" db --db "$db" chart --out "$tmp/charts"
lines chart-four "$tmp/out" 4
for f in applications-per-year outcomes findings-by-rule bodies-ranked; do
  if [[ -s "$tmp/charts/$f.svg" ]] && tail -1 "$tmp/charts/$f.svg" | grep -q '</svg>'; then ok; else bad "chart $f"; fi
  if command -v xmllint >/dev/null; then
    if xmllint --noout "$tmp/charts/$f.svg" 2>/dev/null; then ok; else bad "chart $f is not well-formed XML"; fi
  fi
done
contains chart-chinese "$tmp/charts/outcomes.svg" "予以公开"
expect query 0 "$xxgk" db --db "$db" query "SELECT count(*) AS n FROM current_report"
equal query-result "$(tr '\n' ' ' <"$tmp/out")" "n 7 "
expect query-write 2 "$xxgk" db --db "$db" query "DELETE FROM report"
contains query-write-msg "$tmp/err" "只读"
expect query-integrity 0 "$xxgk" db --db "$db" query "PRAGMA integrity_check"
contains query-integrity-ok "$tmp/out" "ok"

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
