#!/usr/bin/env bash
# Several years of one body read together (issue 11): a glued row of
# table 二 that splits several ways is settled by last year's 现行有效件数.
# 青山镇 2022 (tests/fixtures/crawl/crawl_2021.txt) prints 行政规范性文件
# "5345": 5/3/45, 5/34/5 or 53/4/5 (made/repealed/in force). Its 2021
# report, made here from it, says 43 in force: 43 + 5 − 3 = 45 leaves
# 5/3/45 alone. With 44 in force no split keeps the chain, and nothing is
# chosen.
set -u
xxgk=$1
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
cur=tests/fixtures/crawl/crawl_2021.txt
prev_year() { # IN_FORCE → the 2021 report, its row spaced (one split)
  sed -e 's/2023/2099/g; s/2022/2021/g; s/2099/2022/g' \
      -e "s/行政规范性文件5345/行政规范性文件2 0 $1/" "$cur" >"$tmp/prev.txt"
}
has() { if ! grep -qF -- "$3" "$2"; then echo "FAIL $1: lacks $3" >&2; fail=1; fi; }
lacks() { if grep -qF -- "$3" "$2"; then echo "FAIL $1: has $3" >&2; fail=1; fi; }

prev_year 43
"$xxgk" check "$tmp/prev.txt" "$cur" >"$tmp/out" 2>&1
has settled "$tmp/out" '“行政规范性文件”一行的数字“5345”没有分隔符，符合各栏写法和本表勾稽关系（并参照上一年度报告的现行有效件数）的拆分只有一种：5/3/45'
lacks settled-not-open "$tmp/out" '“行政规范性文件”一行的数字“5345”没有分隔符，有3种拆分'

prev_year 44
"$xxgk" check "$tmp/prev.txt" "$cur" >"$tmp/out" 2>&1
has unsettled "$tmp/out" '“行政规范性文件”一行的数字“5345”没有分隔符，有3种拆分'
lacks unsettled-no-choice "$tmp/out" '上一年度报告的现行有效件数'

# Alone, the 2022 report stays open as before.
"$xxgk" check "$cur" >"$tmp/out" 2>&1
has alone "$tmp/out" '“行政规范性文件”一行的数字“5345”没有分隔符，有3种拆分'
exit $fail
