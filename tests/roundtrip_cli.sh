#!/usr/bin/env bash
# Command-line tests of `xxgk new` and `xxgk render`: exit statuses,
# messages, the refusal to write unfinished or wrong reports, never
# replacing a file without -f, no temporary files left behind, and the
# parse → edit → render path.
set -u
xxgk=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

expect() {
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -eq $want ]]; then pass=$((pass + 1)); else
    fail=$((fail + 1))
    echo "FAIL $name: exit $got, expected $want" >&2
    sed 's/^/  stderr: /' "$tmp/err" | head -5 >&2
  fi
}
contains() {
  if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: $2 lacks '$3'" >&2; sed 's/^/  | /' "$2" | head -5 >&2
  fi
}
is_zip() { unzip -tq "$1" >/dev/null 2>&1; }
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $name" >&2; fi
}

out=$tmp/out.d
mkdir "$out"

# ---- new ----------------------------------------------------------------
expect new-help 0 "$xxgk" new --help
contains new-help-text "$tmp/out" "--year"
expect new-no-year 2 "$xxgk" new --body 甲县人民政府
contains new-no-year-msg "$tmp/err" "--year"
expect new-old-year 2 "$xxgk" new --year 2018 --body 甲县人民政府
expect new-wrong-format 2 "$xxgk" new --year 2022 --format 2019 --body 甲县人民政府
contains new-wrong-format-msg "$tmp/err" "2021年版"
expect new-bad-date 2 "$xxgk" new --year 2021 --body 甲县人民政府 --date 2022-02-30

expect new-2021 0 "$xxgk" new --year 2021 --body 甲县人民政府 --date 2022-01-20
cp "$tmp/out" "$tmp/skeleton.json"
contains new-format "$tmp/out" '"format": "2021"'
contains new-fee "$tmp/out" '"t2.fees.amount": 0'
contains new-t4 "$tmp/out" '"t4.suit_after_review.total": 0'
contains new-sections "$tmp/out" '"6": "【待填写】依据《政府信息公开信息处理费管理办法》'
contains new-period "$tmp/out" '"from": "2021-01-01"'
expect new-2020 0 "$xxgk" new --year 2020 --body 乙镇人民政府 --blank
contains new-2019-format "$tmp/out" '"format": "2019"'
contains new-blank "$tmp/out" '"t2.procurement.amount": null'

expect new-not-docx 2 "$xxgk" new --year 2021 --body 甲县人民政府 -o "$out/m.docx"
contains new-not-docx-msg "$tmp/err" "xxgk render"
expect new-to-file 0 "$xxgk" new --year 2021 --body 甲县人民政府 -o "$out/m.json"
expect new-no-overwrite 2 "$xxgk" new --year 2022 --body 甲县人民政府 -o "$out/m.json"
contains new-no-overwrite-msg "$tmp/err" "已存在"
contains new-kept "$out/m.json" '"year": 2021'
expect new-overwrite 0 "$xxgk" new --year 2022 --body 甲县人民政府 -o "$out/m.json" -f
contains new-replaced "$out/m.json" '"year": 2022'

# ---- render: refusals -------------------------------------------------------
expect render-help 0 "$xxgk" render --help
expect render-no-file 2 "$xxgk" render
expect render-no-format 2 "$xxgk" render "$tmp/skeleton.json"
contains render-no-format-msg "$tmp/err" "--to"
expect render-bad-ext 2 "$xxgk" render "$tmp/skeleton.json" -o "$out/r.odt"
expect render-bad-to 2 "$xxgk" render "$tmp/skeleton.json" --to odt

expect render-placeholder 1 "$xxgk" render "$tmp/skeleton.json" -o "$out/r.docx"
contains render-placeholder-msg "$tmp/err" "【待填写】"
check render-placeholder-no-file test ! -e "$out/r.docx"

# The clerk deletes the notes and fills in the text: the zero skeleton
# then passes the checks.
sed -e '/^    "[234]": /d' -e 's/\\n【待填写】总体情况[^"]*//' -e 's/【待填写】//g' \
  "$tmp/skeleton.json" >"$tmp/filled.json"
check filled-no-notes test "$(grep -c '生成前删除' "$tmp/filled.json")" -eq 0
expect render-docx 0 "$xxgk" render "$tmp/filled.json" -o "$out/r.docx"
check render-docx-zip is_zip "$out/r.docx"
expect render-no-overwrite 2 "$xxgk" render "$tmp/filled.json" -o "$out/r.docx"
contains render-no-overwrite-msg "$tmp/err" "已存在"
expect render-overwrite 0 "$xxgk" render "$tmp/filled.json" -o "$out/r.docx" -f

# An arithmetic error (t3-balance): refused with the finding, unless --force.
sed -e 's/"t3.new.natural": 0/"t3.new.natural": 5/' "$tmp/filled.json" >"$tmp/wrong.json"
expect render-errors 1 "$xxgk" render "$tmp/wrong.json" -o "$out/w.html"
contains render-errors-rule "$tmp/err" "错误[t3-balance]"
# the cell named in the user's terms, both figures stated plainly
contains render-errors-cells "$tmp/err" "表三“一、本年新收政府信息公开申请数量”行“总计”栏：填的是 0，各类申请人相加是 5"
check render-errors-no-file test ! -e "$out/w.html"
expect render-force 0 "$xxgk" render --force "$tmp/wrong.json" -o "$out/w.html"
contains render-force-msg "$tmp/err" "--force"
check render-force-file test -s "$out/w.html"

# Bad models: exit 2, the file and the reason named.
printf '{"meta":{"year":2021},"cells":{"t3.new.naturel":1}}' >"$tmp/typo.json"
expect render-unknown-key 2 "$xxgk" render "$tmp/typo.json" --to txt
contains render-unknown-key-msg "$tmp/err" "t3.new.naturel"
contains render-unknown-key-file "$tmp/err" "typo.json"
printf '{"meta":{"year":2021},' >"$tmp/broken.json"
expect render-broken-json 2 "$xxgk" render "$tmp/broken.json" --to txt
contains render-broken-json-msg "$tmp/err" "JSON"
expect render-missing 2 "$xxgk" render "$tmp/nonexistent.json" --to txt
expect render-no-dir 2 "$xxgk" render "$tmp/filled.json" -o "$tmp/no/such/r.txt"
check no-temp-files test "$(ls -A "$out" | grep -c '^\.')" -eq 0

# ---- render: formats and the round trip -----------------------------------
for f in txt md html xlsx json; do
  expect "render-$f" 0 "$xxgk" render "$tmp/filled.json" -o "$out/r.$f"
done
contains render-html-lang "$out/r.html" '<html lang="zh-CN">'
check render-xlsx-zip is_zip "$out/r.xlsx"
expect render-stdout 0 "$xxgk" render "$tmp/filled.json" --to md
contains render-stdout-md "$tmp/out" "## 一、总体情况"
expect render-stdin 0 "$xxgk" render --to txt - <"$tmp/filled.json"
contains render-stdin-txt "$tmp/out" "| 行政事业性收费 | 0 |"
expect render-json-again 0 "$xxgk" render "$out/r.json" --to txt

# parse --sections → edit → render → parse gives the edited cells.
sample=examples/002_5008492d97724081.txt
expect parse-sections 0 "$xxgk" parse --sections "$sample"
contains parse-sections-key "$tmp/out" '"sections":{"0":'
sed -e 's/"t2.licensing.prev_items":6/"t2.licensing.prev_items":7/' "$tmp/out" >"$tmp/edited.json"
expect render-edited 0 "$xxgk" render "$tmp/edited.json" -o "$out/edited.txt"
"$xxgk" parse --format cells "$sample" | sed 's/^t2.licensing.prev_items\t6$/t2.licensing.prev_items\t7/' >"$tmp/want"
"$xxgk" parse --format cells "$out/edited.txt" >"$tmp/got"
check parse-edit-render diff -u "$tmp/want" "$tmp/got"

# A report in any readable form renders directly.
expect render-from-text 0 "$xxgk" render "$sample" -o "$out/from-text.docx"

echo "roundtrip_cli: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
