#!/usr/bin/env bash
# How much of the tables was read (issue 11, docs/model.md version 4):
# `parse` says how many cells of the report's format it read and how many
# it kept from the other format. The counts below come from the formats
# (docs/spec/formats) and from what each fixture prints, counted by hand.
set -u
xxgk=$1
cd "$(dirname "$0")/.."
fail=0
counts() { # NAME FILE READ IN_FORMAT FOREIGN(or -)
  local json
  json=$("$xxgk" parse "$2" 2>/dev/null)
  local want="\"cells_read\":$3,\"cells_in_format\":$4"
  [[ $5 != - ]] && want="$want,\"cells_foreign\":$5"
  if [[ $json != *"$want}"* ]]; then
    echo "FAIL $1: want $want, got: $(grep -o '"cells_[a-z_]*":[0-9]*' <<<"$json" | tr '\n' ' ')" >&2
    fail=1
  fi
}
# 2021 format: 10 cells in 表二, 25 rows × 7 in 表三, 15 in 表四 = 200.
# The golden 2024 report prints them all (blanks count as read).
counts markdown-2021 tests/golden/layouts/markdown_2021.md 200 200 -
# 2019 format: 22 in 表二 (six rows of 3, 收费 2, 采购 2), 23 rows × 7
# in 表三, 15 in 表四 = 198.
counts pipe-2019 tests/golden/layouts/pipe_2019.txt 198 198 -
# The 2019 表二 in a 2024 report: 规章 and 行政规范性文件 (3 + 3) and
# 收费金额 (1) are not printed in the 2021 sense; 17 cells of the 2019 table
# are kept apart (3 + 3 + 2 + 3 + 2 + 2 + 2).
counts t2-other-2021 tests/fixtures/layouts11/t2_other_2021.md 193 200 17
# The 2021 表二 in a 2020 report: of the 22 cells of the 2019 表二 only the
# three 处理决定数量 are printed (198 − 19 = 179); 规章, 行政规范性文件 and
# 收费金额 of the 2021 table (3 + 3 + 1) are kept apart.
counts t2-other-2019 tests/fixtures/layouts11/t2_other_2019.md 179 198 7
# 行政规范性文件 printed with two numbers for three columns: its 3 cells
# are not read.
counts t2-merged-2021 tests/fixtures/layouts11/t2_merged_2021.md 197 200 -
# A JSON model is not read from a document: no counts.
json=$("$xxgk" new --year 2024 --body 某镇人民政府 | "$xxgk" parse - 2>/dev/null)
if [[ $json == *cells_read* ]]; then echo "FAIL model: a JSON model has no cells_read" >&2; fail=1; fi
exit $fail
