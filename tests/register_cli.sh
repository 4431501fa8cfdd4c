#!/usr/bin/env bash
# `xxgk case` and `xxgk holidays` from the command line: the fixed
# command line of issue 14, exit statuses (0 done, 1 refused by the
# register's rules / overdue / bad ledger rows, 2 misuse or trouble), the
# Chinese messages, explain, due, tables checked end to end with `xxgk
# render` and `xxgk check`, new --from-register, export, ics, the holiday
# calendar, ledger import with --dry-run, documents and counts. Expected
# dates are those worked out by hand in tests/unit/test_deadlines.c.
set -u
xxgk=$1
# Dates up to the end of 2026 are in the past, whatever the clock.
export XXGK_TODAY=2026-12-07
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/r.db
export XXGK_USER=测试员

. "$(dirname "$0")/lib.sh"
q() { "$xxgk" db --db "$db" query "$1" 2>/dev/null | tail -n +2; }
# Every row of every register table (the store's file header changes with
# each open and close, so bytes are not what a dry run must keep).
dump() {
  local t
  for t in register_schema reg_case reg_event reg_remedy reg_doc reg_tally reg_notice; do
    echo "== $t"; q "SELECT * FROM $t"
  done
}

# ---- usage ----------------------------------------------------------------
expect help 0 "$xxgk" case --help
contains help-add "$tmp/out" "add --body 机关 --received 日期 --channel 方式 --applicant 类型 --subject 内容"
contains help-outcomes "$tmp/out" "other_no_correction"
contains help-outcome-label "$tmp/out" "（三）不予公开 1.属于国家秘密"
expect sub-help 0 "$xxgk" case reply --help
contains sub-help-text "$tmp/out" "xxgk case reply ID --date 日期 --outcome 结果"
expect import-help 0 "$xxgk" case import --help
contains import-help-fields "$tmp/out" "received"
expect no-sub 2 "$xxgk" case
expect bad-sub 2 "$xxgk" case frobnicate
contains bad-sub-named "$tmp/err" "frobnicate"
contains bad-sub-hint "$tmp/err" "xxgk case --help"
expect add-missing 2 "$xxgk" case add --db "$db" --body 甲局 --received 2024-09-13 --applicant natural --subject x
contains add-missing-channel "$tmp/err" "缺少 --channel"
expect add-bad-date 2 "$xxgk" case add --db "$db" --body 甲局 --received 2024-9-13 --channel 网络 --applicant natural --subject x
contains add-bad-date-msg "$tmp/err" "“2024-9-13” 不是有效日期"
expect add-bad-channel 2 "$xxgk" case add --db "$db" --body 甲局 --received 2024-09-13 --channel 飞鸽 --applicant natural --subject x
expect add-bad-option 2 "$xxgk" case add --db "$db" --body 甲局 --received 2024-09-13 --channel 网络 --applicant natural --subject x --bogus 1
contains add-bad-option-named "$tmp/err" "--bogus"
expect due-no-db 2 "$xxgk" case due --db "$tmp/none.db"
contains due-no-db-msg "$tmp/err" "数据库不存在"
[[ ! -e $tmp/none.db ]] && ok || bad "a reading command created the database"

# ---- the fixed command line -------------------------------------------------
expect add 0 "$xxgk" case add --db "$db" --body 甲县民政局 --received 2024-09-13 --channel 网络 \
  --applicant natural --subject "低保名单" --name 张三 --id-number 110101199001011234
equal add-prints-id "$(cat "$tmp/out")" "1"
expect add2 0 "$xxgk" case add --db "$db" --body 甲县民政局 --received 2024-09-13 --channel 邮寄 \
  --applicant business --subject "救助资金"
equal add2-id "$(cat "$tmp/out")" "2"
expect reply-group 1 "$xxgk" case reply 1 --db "$db" --date 2024-10-10 --outcome denied
contains reply-group-msg "$tmp/err" "（三）不予公开须写明具体理由"
contains reply-group-form "$tmp/err" "xxgk: $db: 申请 1："
expect reply-before 1 "$xxgk" case reply 1 --db "$db" --date 2024-09-12 --outcome granted
contains reply-before-msg "$tmp/err" "早于收到申请日期"
expect reply-missing-case 2 "$xxgk" case reply 99 --db "$db" --date 2024-10-10 --outcome granted
contains reply-missing-msg "$tmp/err" "没有编号为 99 的申请"
expect reply-no-outcome 2 "$xxgk" case reply 1 --db "$db" --date 2024-10-10
expect reply 0 "$xxgk" case reply 1 --db "$db" --date 2024-10-10 --outcome granted --by 李科长
contains reply-says "$tmp/out" "申请 1（〔2024〕第0001号）：已答复"
expect correct-notice 0 "$xxgk" case correct 2 --db "$db" --notice 2024-09-18
contains correct-state "$tmp/out" "待补正"
expect correct-both 2 "$xxgk" case correct 2 --db "$db" --notice 2024-09-18 --received 2024-09-20
expect correct-received 0 "$xxgk" case correct 2 --db "$db" --received 2024-09-20
# From 9/20: 9/23–27 = 5, 9/29 = 6, 9/30 = 7, 10/8–11 = 11, 10/12 = 12,
# 10/14–18 = 17, 10/21–23 = 20.
contains correct-restarts "$tmp/out" "答复期限 2024-10-23"
expect extend-late 1 "$xxgk" case extend 2 --db "$db" --date 2024-10-24 --approver 王主任
contains extend-late-msg "$tmp/err" "原答复期限（2024-10-23）"
expect extend-no-approver 2 "$xxgk" case extend 2 --db "$db" --date 2024-10-21
expect extend 0 "$xxgk" case extend 2 --db "$db" --date 2024-10-21 --approver 王主任
expect extend-twice 1 "$xxgk" case extend 2 --db "$db" --date 2024-10-22 --approver 王主任
contains extend-twice-msg "$tmp/err" "只能延长一次"
expect consult 0 "$xxgk" case consult 2 --db "$db" --party third --sent 2024-10-22
contains consult-state "$tmp/out" "征求意见中"
expect consult-bad-party 2 "$xxgk" case consult 2 --db "$db" --party neighbour --sent 2024-10-22
expect consult-answer 0 "$xxgk" case consult 2 --db "$db" --party third --answered 2024-10-25
contains consult-answered "$tmp/out" "办理中"

# ---- reading ------------------------------------------------------------------
expect explain 0 "$xxgk" case explain 1 --db "$db"
contains explain-makeup "$tmp/out" "2024-09-14 周六  第  1 日  调休上班"
contains explain-holiday "$tmp/out" "2024-09-15 周日  不计      法定节假日：中秋节"
contains explain-weekend "$tmp/out" "2024-09-21 周六  不计      周末"
contains explain-due "$tmp/out" "2024-10-17 周四  第 20 日  工作日  ← 期限届满"
expect explain-pause 0 "$xxgk" case explain 2 --db "$db"
contains explain-correction "$tmp/out" "暂停计算：补正前的日子不计"
contains explain-consult "$tmp/out" "暂停计算：征求第三方意见期间"
expect show 0 "$xxgk" case show 1 --db "$db"
contains show-masked "$tmp/out" "110***********1234"
lacks show-no-id "$tmp/out" "110101199001011234"
contains show-rule "$tmp/out" "第三十一条第（三）项"
expect history 0 "$xxgk" case history 1 --db "$db"
contains history-who "$tmp/out" "李科长  答复 2024-10-10"
contains history-after "$tmp/out" '"state":"replied"'
contains history-actor "$tmp/out" "测试员  收到申请"
expect history-json 0 "$xxgk" case history 1 --db "$db" --format json
contains history-json-kind "$tmp/out" '"kind":"reply"'
expect list 0 "$xxgk" case list --db "$db" --body 甲县民政局
contains list-serial "$tmp/out" "〔2024〕第0002号"
expect due 1 "$xxgk" case due --db "$db"    # case 2 is long overdue
contains due-case2 "$tmp/out" "〔2024〕第0002号"
lacks due-not-closed "$tmp/out" "〔2024〕第0001号"
expect due-on 0 "$xxgk" case due --db "$db" --on 2024-10-28 --within 100 --format json
contains due-json "$tmp/out" '"id":2'
contains due-json-status "$tmp/out" '"status":"open"'
expect due-within 0 "$xxgk" case due --db "$db" --on 2024-10-28 --within 1
lacks due-within-none "$tmp/out" "〔2024〕第0002号"

# ---- tables, checked end to end --------------------------------------------------
expect tables 0 "$xxgk" case tables --db "$db" --body 甲县民政局 --year 2024
cp "$tmp/out" "$tmp/t.json"
contains tables-new "$tmp/t.json" '"t3.new.total":2'
contains tables-granted "$tmp/t.json" '"t3.granted.natural":1'
contains tables-out "$tmp/t.json" '"t3.carried_out.business":1'
contains tables-format "$tmp/t.json" '"format":"2021"'
expect tables-no-year 2 "$xxgk" case tables --db "$db" --body 甲县民政局
expect render 0 "$xxgk" render "$tmp/t.json" --to txt -o "$tmp/t.txt" --force
"$xxgk" check --format json "$tmp/t.txt" >"$tmp/findings.json" 2>/dev/null
for rule in t3-row-total t3-outcome-total t3-balance t4-group-total; do
  lacks "check-$rule" "$tmp/findings.json" "\"$rule\""
done
expect new-from-register 0 "$xxgk" new --year 2024 --body 甲县民政局 --from-register --db "$db"
contains new-cells "$tmp/out" '"t3.new.total": 2'
contains new-placeholder "$tmp/out" "【待填写】"
contains new-blank-t2 "$tmp/out" '"t2.rules.made": null'

# ---- export, ics ---------------------------------------------------------------------
expect add-formula 0 "$xxgk" case add --db "$db" --body 丙局 --received 2024-09-13 --channel 网络 \
  --applicant natural --subject '=HYPERLINK("http://x","点击")'
expect export 0 "$xxgk" case export --db "$db" --to csv
contains export-no-formula "$tmp/out" "\"'=HYPERLINK(\"\"http"
equal export-bom "$(head -c 3 "$tmp/out" | od -An -tx1 | tr -d ' \n')" "efbbbf"
contains export-masked "$tmp/out" "110***********1234"
lacks export-no-id "$tmp/out" "110101199001011234"
expect export-xlsx 0 "$xxgk" case export --db "$db" --to xlsx -o "$tmp/r.xlsx"
[[ -s $tmp/r.xlsx ]] && ok || bad "no xlsx written"
expect export-xlsx-exists 2 "$xxgk" case export --db "$db" --to xlsx -o "$tmp/r.xlsx"
contains export-exists-msg "$tmp/err" "文件已存在"
expect export-xlsx-force 0 "$xxgk" case export --db "$db" --to xlsx -o "$tmp/r.xlsx" -f
expect ics 0 "$xxgk" case ics --db "$db" -o "$tmp/due.ics"
contains ics-begin "$tmp/due.ics" "BEGIN:VCALENDAR"
contains ics-event "$tmp/due.ics" "UID:case-2-"
equal ics-crlf "$(head -1 "$tmp/due.ics" | od -An -c | tr -d ' \n' | tail -c 4)" '\r\n'

# ---- voids ---------------------------------------------------------------------------
expect void-no-reason 2 "$xxgk" case void 1 --db "$db" --event 2
expect void-event 0 "$xxgk" case void 1 --db "$db" --event 2 --reason 答复结果登记错误
contains void-reopens "$tmp/out" "已收到"
expect history-voided 0 "$xxgk" case history 1 --db "$db"
contains history-voided-mark "$tmp/out" "〔已作废：答复结果登记错误〕"
equal nothing-deleted "$(q "SELECT count(*) FROM reg_event WHERE object = 'case' AND object_id = 1")" "3"

# ---- the calendar ------------------------------------------------------------------
expect holidays-help 0 "$xxgk" holidays --help
expect holidays-list 0 "$xxgk" holidays list --year 2024
contains holidays-makeup "$tmp/out" "2024-09-14 workday  # 调休上班 (周六)"
contains holidays-number "$tmp/out" "国办发明电〔2023〕7号"
expect holidays-unknown 2 "$xxgk" holidays list --year 2027
contains holidays-unknown-msg "$tmp/err" "没有2027年的放假安排"
printf '2027-01-01 holiday  # 元旦 (周五)\n2027-01-05 workday  # 调休上班 (周二)\n' >"$tmp/bad2027.txt"
expect holidays-bad 2 "$xxgk" holidays import "$tmp/bad2027.txt" --db "$db"
contains holidays-bad-line "$tmp/err" "bad2027.txt:2:"
# A case whose count runs into 2027: not computed until the notice is in.
expect add-late 0 "$xxgk" case add --db "$db" --body 甲县民政局 --received 2026-12-04 --channel 当面 \
  --applicant natural --subject 年底的申请
contains add-late-warning "$tmp/err" "2027年的放假安排"
late=$(cat "$tmp/out")
printf '## 2027\n2027-01-01 holiday  # 元旦 (周五)\n2027-01-02 holiday  # 元旦 (周六)\n2027-01-03 holiday  # 元旦 (周日)\n' >"$tmp/y2027.txt"
expect holidays-import 0 "$xxgk" holidays import "$tmp/y2027.txt" --db "$db"
contains holidays-import-msg "$tmp/out" "2027年"
# 12/7–11 = 5, 14–18 = 10, 21–25 = 15, 28–31 = 19, 1/4 = 20.
expect due-2027 1 "$xxgk" case due --db "$db" --format json
contains due-2027-date "$tmp/out" "\"id\":$late,"
contains due-2027-computed "$tmp/out" '"due":"2027-01-04"'
expect holidays-db 0 "$xxgk" holidays list --db "$db" --year 2027
contains holidays-db-source "$tmp/out" "来源：$tmp/y2027.txt"

# ---- ledgers ------------------------------------------------------------------------
ledger=$tmp/ledger.csv
printf '编号,收到日期,申请方式,申请人类型,申请内容,答复日期,办理结果\n' >"$ledger"
printf 'A1,2024-05-06,当面,自然人,某文件,2024-05-20,予以公开\n' >>"$ledger"
printf 'A2,2024-05-07,网络,外星人,某文件,,\n' >>"$ledger"
printf 'A3,2024-05-08,网络,商业企业,某文件,,\n' >>"$ledger"
before=$(dump | md5sum)
expect import-dry 1 "$xxgk" case import "$ledger" --db "$db" --body 乙县教育局 --dry-run
contains import-dry-summary "$tmp/out" "3 行：新登记 2，已导入过 0，出错 1（试运行，未写入）"
contains import-dry-row "$tmp/err" "ledger.csv: 第 3 行：申请人类型“外星人”无法识别"
equal dry-run-unchanged "$(dump | md5sum)" "$before"
[[ $(dump | wc -l) -gt 20 ]] && ok || bad "the dump is empty"
expect import-dry-new 1 "$xxgk" case import "$ledger" --db "$tmp/never.db" --body 乙县教育局 --dry-run --map applicant=#4 --map ref=编号
[[ ! -e $tmp/never.db ]] && ok || bad "a dry run created the database"
expect import 1 "$xxgk" case import "$ledger" --db "$db" --body 乙县教育局
contains import-summary "$tmp/out" "新登记 2"
equal import-stored "$(q "SELECT count(*) FROM reg_case WHERE body = '乙县教育局'")" "2"
expect import-again 1 "$xxgk" case import "$ledger" --db "$db" --body 乙县教育局
contains import-again-summary "$tmp/out" "新登记 0，已导入过 2，出错 1"
expect import-bad-map 2 "$xxgk" case import "$ledger" --db "$db" --body 乙县教育局 --map received
expect import-no-body 2 "$xxgk" case import "$ledger" --db "$db"
contains import-no-body-msg "$tmp/err" "导入台账须写明机关名称"

# ---- the proactive register ----------------------------------------------------------
expect doc-add 0 "$xxgk" case doc add --db "$db" --body 甲县民政局 --kind normative --title 某办法 \
  --number "甲民规〔2024〕1号" --made 2024-03-01 --published 2024-03-05
doc=$(cat "$tmp/out")
expect doc-add-late 0 "$xxgk" case doc add --db "$db" --body 甲县民政局 --kind normative --title 迟公开的办法 --made 2024-09-13
expect doc-publish 0 "$xxgk" case doc publish 2 --db "$db" --date 2024-10-18
expect doc-list 1 "$xxgk" case doc list --db "$db" --year 2024     # one published late
contains doc-list-late "$tmp/out" "应于 2024-10-17 前公开：逾期完成"
expect doc-repeal 0 "$xxgk" case doc repeal "$doc" --db "$db" --date 2024-12-01
expect count 0 "$xxgk" case count --db "$db" --body 甲县民政局 --kind licensing --period 2024-Q1 --value 12
expect count2 0 "$xxgk" case count --db "$db" --body 甲县民政局 --kind licensing --period 2024-04 --value 3
expect count-overlap 1 "$xxgk" case count --db "$db" --body 甲县民政局 --kind licensing --period 2024-03 --value 3
contains count-overlap-msg "$tmp/err" "重叠"
expect count-fees 0 "$xxgk" case count --db "$db" --body 甲县民政局 --kind fees --period 2024 --value 1.25
expect tables-t2 0 "$xxgk" case tables --db "$db" --body 甲县民政局 --year 2024
contains t2-made "$tmp/out" '"t2.normative.made":2'
contains t2-repealed "$tmp/out" '"t2.normative.repealed":1'
contains t2-in-force "$tmp/out" '"t2.normative.in_force":1'
contains t2-licensing "$tmp/out" '"t2.licensing.decisions":15'
contains t2-fees "$tmp/out" '"t2.fees.amount":1.25'
lacks t2-rules-absent "$tmp/out" '"t2.rules.made"'

# ---- the report store in the same file is unharmed -----------------------------------
expect db-list 0 "$xxgk" db --db "$db" list
equal register-version "$(q "SELECT version FROM register_schema")" "1"

echo "register CLI: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
