#!/usr/bin/env bash
# The supervising office's desk (issue 13) on a county of 17 bodies over
# 2019 and 2020 (tests/fixtures/make_county.c says what happens in it):
# the roster from XLSX and from GB18030 CSV, imports in an order that makes
# the carry-over re-check matter, the status of every body, the rollup of
# counted reports with its culprits, the summary sheet (read back through
# LibreOffice when it is installed), the CSV for Excel, copied text, --body
# everywhere, and no -wal/-shm files left. Expected values come from the
# generator's table (expected.txt) and the samples' golden files.
#   tests/desk.sh XXGK MAKE_COUNTY   (from the source directory)
set -u
xxgk=$1
make_county=$2
tmp=$(mktemp -d)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$tmp"' EXIT
db=$tmp/county.db
c=$tmp/county

. "$(dirname "$0")/lib.sh"
# the value of KEY in expected.txt
want() { sed -n "s/^$1=//p" "$c/expected.txt"; }
# field N (1-based) of the status line of BODY (tab-separated)
status_field() { awk -F'\t' -v b="$1" -v n="$2" '$2 == b { print $n }' "$tmp/status"; }
# cell KEY of a `--format cells` output
cell() { awk -F'\t' -v k="$2" '$1 == k { print $2 }' "$1"; }

"$make_county" "$c" || { echo "make_county failed" >&2; exit 1; }
# the two PDF bodies' 2020 reports are the sample PDFs
cp tests/fixtures/pdf/002_5008492d97724081.pdf "$c/2020/yaoji_2020.pdf"
cp tests/fixtures/pdf/003_67fd554f9e32afcc.pdf "$c/2020/zhangjiapo_2020.pdf"
# their figures, from the hand-written golden files
golden() { awk -F'\t' -v k="$2" '$1 == k { print $2 }' "tests/golden/samples/$1.cells"; }
yaoji_new=$(golden 002_5008492d97724081 t3.new.total)
zhang_new=$(golden 003_67fd554f9e32afcc t3.new.total)

# ---- the roster: XLSX, then the same as GB18030 CSV -----------------------
expect roster-xlsx 0 "$xxgk" db --db "$db" bodies import "$c/roster.xlsx"
contains roster-xlsx-count "$tmp/out" "名册 $(want bodies) 个机关（新增 $(want bodies)，更新 0，删除 0）"
tail -c +4 "$c/roster.csv" | iconv -f UTF-8 -t GB18030 >"$c/roster_gbk.csv"
expect roster-gbk 0 "$xxgk" db --db "$db" bodies import "$c/roster_gbk.csv"
contains roster-gbk-same "$tmp/out" "（新增 0，更新 0，删除 0）"
expect roster-utf8-bom 0 "$xxgk" db --db "$db" bodies import "$c/roster.csv"
contains roster-bom-same "$tmp/out" "（新增 0，更新 0，删除 0）"
expect bodies-list 0 "$xxgk" db --db "$db" bodies list
equal bodies-list-lines "$(($(wc -l <"$tmp/out") - 1))" "$(want bodies)"
contains bodies-list-alias "$tmp/out" $'测试县卫生健康委员会\t测试县\t县级部门\t测试县卫健委；县卫健委'
printf '名称,类别\n甲镇,乡镇\n,乡镇\n' >"$tmp/bad.csv"
expect roster-empty-name 2 "$xxgk" db --db "$db" bodies import "$tmp/bad.csv"
contains roster-empty-name-line "$tmp/err" "第 3 行：名称为空"
printf '名称\n洪泽区人民政府\n洪泽区政府\n' >"$tmp/dup.csv"
expect roster-same-body 2 "$xxgk" db --db "$db" bodies import "$tmp/dup.csv"
contains roster-same-body-line "$tmp/err" "第 3 行"

# ---- 2020 first: 白水镇's carry-over cannot be checked yet ------------------
expect import-2020 1 "$xxgk" db --db "$db" import "$c/2020"
contains import-stray "$tmp/err" "机关“外县教育局”不在名册中"
expect status-before-2019 1 "$xxgk" db --db "$db" status --year 2020
cp "$tmp/out" "$tmp/status"
equal baishui-before "$(status_field 白水镇 4)" "已报送"
equal minzheng-before "$(status_field 测试县民政局 4)" "有错误"
# ---- then 2019: the carry-over is re-checked when the year before arrives ----
expect import-2019 0 "$xxgk" db --db "$db" import "$c/2019"
# ---- then 民政局's corrected report --------------------------------------------
expect import-resubmitted 0 "$xxgk" db --db "$db" import "$c/resubmitted"

# ---- status --------------------------------------------------------------------
expect status 1 "$xxgk" db --db "$db" status --year 2020
cp "$tmp/out" "$tmp/status"
equal status-rows "$(grep -c $'^[0-9]*\t' "$tmp/status")" "$(want bodies)"
equal beitang-missing "$(status_field 北塘镇 4)" "未报送"
equal xiling-late "$(status_field 西岭乡 4)" "有错误、逾期"
equal xiling-date "$(status_field 西岭乡 5)" "2021-02-15"
equal caizheng-errors "$(status_field 测试县财政局 4)" "有错误"
equal caizheng-error-count "$(status_field 测试县财政局 6)" "4"
equal minzheng-corrected "$(status_field 测试县民政局 4)" "已改正"
equal baishui-carry "$(status_field 白水镇 4)" "有错误"
equal baishui-first-error "$(status_field 白水镇 8)" \
  "“自然人”栏上年结转$(want baishui_carried_in_2020)件，但2019年度报告结转下年度$(want baishui_carried_out_2019)件（应为 $(want baishui_carried_out_2019)）"
equal county-gov-on-time "$(status_field 测试县人民政府 4)" "已报送" # due 3月31日
equal qingshan-once "$(status_field 青山镇 4)" "已报送"
equal alias-matched "$(status_field 测试县卫生健康委员会 4)" "已报送"
equal prefix-matched "$(status_field 测试县市场监督管理局 4)" "已报送"
equal pdf-body "$(status_field 姚集镇 9)" "$yaoji_new"
equal applications "$(status_field 测试县司法局 9)" "$(want received_2020_sifa)"
contains status-summary "$tmp/status" "合计：名册 17 个机关，已报送 16（其中有错误 3，已改正 1），未报送 1，逾期 1"
contains status-superseded "$tmp/status" "另存有较早的版本 2 份" # 青山镇's other form, 民政局's first
contains status-stray "$tmp/err" "外县教育局"
# copied text: 东湖 copied 城关 (each found in the other), 南坪 its own 2019
equal copied-donghu "$(status_field 东湖街道 11)" "100%"
equal copied-chengguan "$(status_field 城关街道 11)" "100%"
equal copied-nanping-prev "$(status_field 南坪乡 10)" "100%"
equal copied-nanping-others "$(status_field 南坪乡 11)" "0%"
equal copied-sifa "$(status_field 测试县司法局 10)/$(status_field 测试县司法局 11)" "0%/0%"
expect status-json 1 "$xxgk" db --db "$db" status --year 2020 --format json
contains status-json-summary "$tmp/out" '"summary":{"bodies":17,"submitted":16,"missing":1,"errors":3,"corrected":1,"late":1'
contains status-json-corrected "$tmp/out" '"body":"测试县民政局","parent":"测试县","kind":"县级部门","state":"corrected"'
contains status-json-copied "$tmp/out" '"body":"东湖街道"'
contains status-json-share "$tmp/out" '"name":"东湖街道办事处"'
expect status-2019 0 "$xxgk" db --db "$db" status --year 2019  # every body reported, no errors

# ---- rollup: counted reports only, culprits named ------------------------------
expect rollup 1 "$xxgk" db --db "$db" rollup --year 2020 --where "body_key LIKE 'b:%'" --format cells
equal rollup-received "$(cell "$tmp/out" t3.new.total)" \
  "$(($(want received_2020_generated) + yaoji_new + zhang_new))"
contains rollup-count "$tmp/err" "汇总 16 份现行报告"
contains rollup-culprit "$tmp/err" "自身报告不满足此关系的机关（1 个）：测试县财政局"
lacks rollup-not-corrected "$tmp/err" "测试县民政局"
equal rollup-identities "$(grep -c '^  错误\[t3-' "$tmp/err")" "4" # (七)总计 and balance, two columns

# ---- the summary sheet ---------------------------------------------------------
sheet=$tmp/审核情况.xlsx
expect summary 0 "$xxgk" db --db "$db" summary --year 2020 -o "$sheet"
expect summary-no-overwrite 2 "$xxgk" db --db "$db" summary --year 2020 -o "$sheet"
contains summary-exists "$tmp/err" "文件已存在"
expect summary-overwrite 0 "$xxgk" db --db "$db" summary --year 2020 -o "$sheet" -f
expect summary-docx 0 "$xxgk" db --db "$db" summary --year 2020 -o "$tmp/审核情况.docx"
expect summary-html 0 "$xxgk" db --db "$db" summary --year 2020 -o "$tmp/审核情况.html"
contains summary-html-title "$tmp/审核情况.html" "<h1>测试县2020年度政府信息公开工作年度报告审核情况</h1>"
contains summary-html-landscape "$tmp/审核情况.html" "size:A4 landscape"
if unzip -p "$tmp/审核情况.docx" word/document.xml | grep -q 'w:orient="landscape"'; then ok; else bad "summary docx is not landscape"; fi
ls "$tmp" | grep -q '^\.审核' && bad "a temporary file was left behind" || ok
if command -v soffice >/dev/null; then
  lo=$tmp/lo
  soffice --headless "-env:UserInstallation=file://$lo" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$tmp/csv" "$sheet" >/dev/null 2>&1
  read_back=$tmp/csv/审核情况.csv
  if [[ -s $read_back ]]; then
    ok
    contains sheet-title "$read_back" '"测试县2020年度政府信息公开工作年度报告审核情况"'
    contains sheet-header "$read_back" '"序号","机关","类别","状态","成文日期","错误","警告","首个错误","本年新收申请","与上年相同","与他人相同"'
    sheet_row() { grep -F ",\"$1\"," "$read_back"; }
    equal sheet-rows "$(grep -c '^[0-9]*,"' "$read_back")" "$(want bodies)"
    contains sheet-missing <(sheet_row 北塘镇) '"乡镇","未报送"'
    contains sheet-late <(sheet_row 西岭乡) '"有错误、逾期","2021-02-15",1,0'
    contains sheet-corrected <(sheet_row 测试县民政局) '"已改正"'
    contains sheet-copied <(sheet_row 东湖街道) ',100%'
  else
    bad "LibreOffice did not convert the summary workbook"
  fi
  soffice --headless "-env:UserInstallation=file://$lo" --convert-to pdf --outdir "$tmp/pdf" \
    "$tmp/审核情况.docx" >/dev/null 2>&1
  if command -v pdfinfo >/dev/null && [[ -s $tmp/pdf/审核情况.pdf ]]; then
    contains summary-docx-a4-landscape <(pdfinfo "$tmp/pdf/审核情况.pdf") "841.89 x 595.3"
  fi
else
  echo "desk: LibreOffice (soffice) not installed: the summary workbook is not read back" >&2
fi

# ---- the export for Excel ---------------------------------------------------------
expect export 0 "$xxgk" db --db "$db" export --year 2020 -o "$tmp/county.csv"
equal export-bom "$(head -c 3 "$tmp/county.csv" | od -An -tx1 | tr -d ' ')" "efbbbf"
contains export-headers "$tmp/county.csv" "编号,文件,SHA-256,版本,年度,格式,标题,机关,成文日期"
contains export-cell-header "$tmp/county.csv" "表三 一、本年新收政府信息公开申请数量 自然人"
lacks export-no-2021 "$tmp/county.csv" "本年收费金额"  # a 2021-format cell
equal export-rows "$(($(wc -l <"$tmp/county.csv") - 1))" "17" # 16 rostered + the stray

# ---- copied text ---------------------------------------------------------------------
expect similar 1 "$xxgk" db --db "$db" similar --year 2020
similar_field() { awk -F'\t' -v b="$1" -v n="$2" '$2 == b { print $n }' "$tmp/out"; }
# (reports are listed by the names they give themselves)
equal similar-donghu "$(similar_field 东湖街道办事处 5)/$(similar_field 东湖街道办事处 6)/$(similar_field 东湖街道办事处 7)" \
  "100%/城关街道办事处/$(want sentences)"
equal similar-nanping "$(similar_field 南坪乡人民政府 4)/$(similar_field 南坪乡人民政府 5)" "100%/0%"
equal similar-sentences "$(similar_field 测试县司法局 3)" "$(want sentences)"
contains similar-summary "$tmp/out" "一半以上与本机关上年报告相同的 1 份，一半以上与其他机关本年报告相同的 2 份"
expect check-copied 0 "$xxgk" check --brief "$c/2019/nanping_2019.txt" "$c/2020/nanping_2020.docx"
contains check-copied-rule "$tmp/out" "警告[text-copied]: 正文6句中有6句（100%）与2019年度报告相同"
expect check-not-copied 0 "$xxgk" check --brief "$c/2019/chengguan_2019.txt" "$c/2020/chengguan_2020.html"
lacks check-not-copied-rule "$tmp/out" "text-copied"

# ---- --body the same way everywhere ---------------------------------------------------
expect body-ambiguous 2 "$xxgk" db --db "$db" list --body 街道
contains body-candidates-1 "$tmp/err" "  城关街道"
contains body-candidates-2 "$tmp/err" "  东湖街道"
expect body-alias 0 "$xxgk" db --db "$db" list --year 2020 --body 县卫健委
equal body-alias-one "$(($(wc -l <"$tmp/out") - 1))" "1"
expect body-variant 0 "$xxgk" db --db "$db" list --body 淮安市测试县市场监督管理局
equal body-variant-two "$(($(wc -l <"$tmp/out") - 1))" "2" # 2019 and 2020
expect body-diff 1 "$xxgk" db --db "$db" diff --body 白水镇人民政府 2019 2020
contains body-diff-carry "$tmp/out" "[carry-over]"
expect body-none 2 "$xxgk" db --db "$db" rollup --year 2020 --body 不存在的机关
contains body-none-msg "$tmp/err" "没有对应的机关"

# ---- charts: rule titles, and who is missing ----------------------------------------------
expect chart 0 "$xxgk" db --db "$db" chart --year 2020 --out "$tmp/charts"
contains chart-note "$tmp/charts/findings-by-rule.svg" "名册中 1 个机关未报送2020年度报告：北塘镇"
contains chart-rule-title "$tmp/charts/findings-by-rule.svg" "本年“上年结转”与上一年度报告的“结转下年度继续办理”"
lacks chart-no-ids "$tmp/charts/findings-by-rule.svg" ">carry-over"

# ---- nothing left beside the store ------------------------------------------------------------
if ls "$tmp" | grep -qE 'county\.db-(wal|shm)'; then bad "-wal/-shm files left beside the store"; else ok; fi

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
