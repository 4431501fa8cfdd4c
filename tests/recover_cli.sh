#!/usr/bin/env bash
# Command-line tests of issue 7: a pre-2019 report behind a crawler header
# is refused with its year (exit 2), `xxgk recover` shows the splits and
# its summary counts them, the other files of a run are still processed.
set -u
xxgk=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
fx=tests/fixtures/crawl

expect() {
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -eq $want ]]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name: exit $got, expected $want" >&2
    sed 's/^/  stderr: /' "$tmp/err" | head -5 >&2
  fi
}
contains() {
  if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: $2 lacks '$3'" >&2; sed 's/^/  | /' "$2" | head -5 >&2
  fi
}

expect old-format 2 "$xxgk" parse "$fx/crawl_2018.txt"
contains old-format-msg "$tmp/err" "crawl_2018.txt: 这是2018年度的报告"
contains old-format-msg2 "$tmp/err" "旧格式"
expect old-format-check 2 "$xxgk" check "$fx/crawl_2018.txt"

expect recover-help 0 "$xxgk" recover --help
contains recover-help-text "$tmp/out" "--summary"
expect recover-no-files 2 "$xxgk" recover
expect recover-bad-option 2 "$xxgk" recover --bogus "$fx/crawl_2021.txt"

# 2021 fixture: 17 rows of table 三 and 四's run glued (values read from
# the fixture): 5345 → 3 splits; 110000011 twice → 2 splits each.
expect recover 0 "$xxgk" recover "$fx/crawl_2021.txt"
contains recover-ambiguous "$tmp/out" "行政规范性文件 “5345” 存疑，未读取（3种拆分）：5/3/45；5/34/5；53/4/5"
contains recover-prose "$tmp/out" "“00011110011211103” 已恢复（参照正文数字）：0/0/0/11/11/0/0/1/1/2/1/1/1/0/3"

# Summary: one line per readable file; the old-format file is reported on
# stderr and makes the status 2, the others are still counted.
expect recover-summary 2 "$xxgk" recover --summary "$fx/crawl_2021.txt" "$fx/crawl_2018.txt" \
  "$fx/crawl_2019.txt"
contains summary-head "$tmp/out" $'file\truns\trecovered\tspaced\tambiguous\tunsolved\tidentities'
# 2021: runs 规章, 行政规范性文件, 25 rows of table 三, table 四 = 28;
# ambiguous 3 (行政规范性文件) + 2 × 7 (予以公开, 部分公开) = 17 cells;
# spaced 3.其他 (7); recovered 规章 3 + 22 rows × 7 + table 四 15 = 172.
contains summary-2021 "$tmp/out" $'crawl_2021.txt\t28\t172\t7\t17\t0\tok'
contains summary-2018 "$tmp/err" "crawl_2018.txt"
# 2019: runs 8 rows of table 二, 23 of 三, table 四 = 32; spaced 规范性文件,
# 行政处罚 (3 + 3), 收费 2, 采购 2 = 10; recovered 规章, 行政许可, 其他对外
# 管理服务事项, 行政强制 (4 × 3) + 23 × 7 + 15 = 188.
contains summary-2019 "$tmp/out" $'crawl_2019.txt\t32\t188\t10\t0\t0\tok'

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
