#!/usr/bin/env bash
# xxgk serve, whole flows over HTTP with curl (issue 16). A server on a
# loopback port of its own: users made with `xxgk user add` and the admin
# page; a clerk registers, corrects, extends (refused: only the head
# approves), and answers cases; builds the report from the register;
# a total the checker flags is fixed; the DOCX is downloaded and read
# back; the head submits; the supervisor's desk shows the status change.
# Then what must be refused: another body's cases (403), a POST without
# its CSRF token (403), logins beyond the rate limit (429); the security
# headers; upload limits; idle sessions; the audit trail.
set -uo pipefail
XXGK=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
[[ -n ${KEEP:-} ]] && echo "work: $WORK"
trap 'kill $SERVER_PID 2>/dev/null; [[ -n ${KEEP:-} ]] || rm -rf "$WORK"' EXIT
. "$ROOT/tests/serve_lib.sh"
command -v curl >/dev/null || { echo "skip: curl is not installed"; exit 77; }
DB=$WORK/x.db
A=$WORK/admin.jar C=$WORK/clerk.jar H=$WORK/head.jar S=$WORK/sup.jar C2=$WORK/clerk2.jar

# ---- users: the command line, then the admin page --------------------------
printf 'admin-pass-1\n' | "$XXGK" user add admin --role admin --password-stdin --db "$DB" || fail "user add admin"
printf 'clerk-pass-1\n' | "$XXGK" user add clerk1 --role clerk --body 某县民政局 --password-stdin --db "$DB" || fail "user add clerk"
printf 'head-pass-01\n' | "$XXGK" user add head1 --role head --body 某县民政局 --password-stdin --db "$DB" || fail "user add head"
printf 'short\n' | "$XXGK" user add x --role clerk --body 某局 --password-stdin --db "$DB" 2>"$WORK/e"
expect "a short password is refused (exit 1)" 1 $?
grep -q "密码至少 8 个字符" "$WORK/e" || fail "short password message: $(cat "$WORK/e")"
printf 'sup-pass-001\n' | "$XXGK" user add sup --role supervisor --password-stdin --db "$DB" 2>/dev/null
expect "a supervisor without --region is refused" 1 $?
printf 'sup-pass-001\n' | "$XXGK" user add sup --role supervisor --region 某县 --password-stdin --db "$DB" || fail "user add sup"
# the stored hash is argon2id, never the password
h=$("$XXGK" db query "SELECT hash FROM app_user WHERE name = 'clerk1'" --db "$DB" 2>/dev/null | tail -1)
[[ $h == '$argon2id$'* && $h != *clerk-pass-1* ]] || fail "the password hash: $h"
pass "passwords stored as argon2id hashes"

start_server "$DB"
# the roster: two bodies of 某县
printf '名称,上级,类别\n某县民政局,某县,县级部门\n某县教育局,某县,县级部门\n' >"$WORK/roster.csv"
login "$A" admin admin-pass-1
tok=$(csrf "$A" /admin)
code=$(status "$A" POST /admin -F "_csrf=$tok" -F action=roster -F "roster=@$WORK/roster.csv")
expect "admin imports the roster" 200 "$code"
body_has "名册已导入：2 个机关"
code=$(status "$A" POST /admin --data-urlencode "_csrf=$tok" -d action=add -d name=clerk2 -d role=clerk \
  --data-urlencode "body=某县教育局" -d password=clerk2-pass-1)
expect "admin adds a user on the admin page" 200 "$code"
body_has "已添加用户 clerk2"
code=$(status "$A" GET /cases)
expect "the admin has no register (403)" 403 "$code"

# ---- the supervisor's desk before anything is submitted ---------------------
login "$S" sup sup-pass-001
code=$(status "$S" GET "/desk?year=2024")
expect "the desk" 200 "$code"
grep -q '<tr class="missing"><th scope="row">某县民政局</th><td>未报送' "$WORK/body" || fail "desk: 某县民政局 should be 未报送"
pass "desk shows 某县民政局 未报送"

# ---- the clerk's register -------------------------------------------------------
login "$C" clerk1 clerk-pass-1
tok=$(csrf "$C")
new_case() { # received subject → the case id (from the redirect)
  curl -s -o /dev/null -w '%{redirect_url}' -b "$C" -X POST "$URL/cases/new" --data-urlencode "_csrf=$tok" \
    -d "received=$1" --data-urlencode "channel=网络" -d applicant=natural --data-urlencode "subject=$2" \
    -d id_number=110101199001011234 | sed 's|.*/cases/||'
}
c1=$(new_case 2024-09-13 低保名单)
c2=$(new_case 2024-10-08 救助资金)
[[ $c1 =~ ^[0-9]+$ && $c2 =~ ^[0-9]+$ ]] || fail "case ids: '$c1' '$c2'"
pass "the clerk registers two cases ($c1, $c2)"
code=$(status "$C" GET "/cases/$c1")
expect "the case page" 200 "$code"
body_has "〔2024〕第0001号"
body_has "<dt>证件号码</dt><dd>110101199001011234</dd>"
pass "the case page shows the body's staff the full ID number"
# 2024-09-13 + 20 working days: 中秋 (9-15..17) and 国庆 (10-1..7) skipped,
# 9-14 and 10-12 make-up Saturdays counted: due 2024-10-17 (docs/register.md)
body_has "2024-10-17"
body_has "调休上班，计入"
body_has "法定节假日，不计"
act() { # case action fields... → HTTP status
  local id=$1 a=$2 jar=${JAR:-$C} t=${TOK:-$tok}
  shift 2
  status "$jar" POST "/cases/$id/$a" --data-urlencode "_csrf=$t" "$@"
}
expect "a 补正 notice" 303 "$(act "$c1" correction_notice -d notice=2024-09-18)"
expect "a second 补正 notice is refused by the register's guard (422)" 422 "$(act "$c1" correction_notice -d notice=2024-09-19)"
body_has "第三十条"
expect "the corrected application" 303 "$(act "$c1" corrected -d received=2024-09-25)"
expect "a correction of the record" 303 "$(act "$c1" edit --data-urlencode "subject=2024年低保名单")"
expect "a clerk may not extend (403)" 403 "$(act "$c1" extend -d date=2024-10-20)"
login "$H" head1 head-pass-01
htok=$(csrf "$H")
expect "the head extends" 303 "$(JAR=$H TOK=$htok act "$c1" extend -d date=2024-10-20)"
expect "the answer" 303 "$(act "$c1" reply -d date=2024-10-30 -d outcome=granted)"
expect "the second answer" 303 "$(act "$c2" reply -d date=2024-10-21 -d outcome=partial)"
status "$C" GET "/cases/$c1" >/dev/null
body_has "已答复"
body_has "<dt>延期批准人</dt><dd>head1</dd>"
body_has "2024年低保名单"
body_has "收到补正申请"
# the case list: nothing open now, and no ID number
code=$(status "$C" GET "/cases?year=2024")
body_has "未办结的申请（0 件"
grep -q "110101199001011234" "$WORK/body" && fail "the ID number in the case list"
pass "the case list"

# ---- another body's cases: 403 ------------------------------------------------
login "$C2" clerk2 clerk2-pass-1
tok2=$(csrf "$C2")
c3=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$C2" -X POST "$URL/cases/new" --data-urlencode "_csrf=$tok2" \
  -d received=2024-11-01 --data-urlencode "channel=当面" -d applicant=business --data-urlencode "subject=招生计划" | sed 's|.*/cases/||')
[[ $c3 =~ ^[0-9]+$ ]] || fail "clerk2's case: '$c3'"
expect "a clerk cannot read another body's case (403)" 403 "$(status "$C" GET "/cases/$c3")"
expect "nor record a fact on it (403)" 403 "$(act "$c3" reply -d date=2024-11-05 -d outcome=granted)"
expect "nor list its cases: the own body is shown" 200 "$(status "$C" GET "/cases?body=某县教育局")"
grep -q "招生计划" "$WORK/body" && fail "clerk1 sees clerk2's case in a list"
expect "the supervisor reads a case of the region" 200 "$(status "$S" GET "/cases/$c3")"
expect "the supervisor reads clerk1's case" 200 "$(status "$S" GET "/cases/$c1")"
body_has "<dt>证件号码</dt><dd>110***********1234</dd>"
grep -q "110101199001011234" "$WORK/body" && fail "the supervisor sees the ID number unmasked"
pass "the supervisor sees the ID number masked, in the details and the history"
expect "the supervisor may not record facts (403)" 403 "$(JAR=$S TOK=$(csrf "$S") act "$c3" reply -d date=2024-11-05 -d outcome=granted)"

# ---- the report from the register; a total the checker flags, fixed -------------
model() { curl -s -b "$C" "$URL/write/download?year=2024&format=json" >"$WORK/model.json"; }
cell() { python3 -c "import json,sys; print(json.load(open('$WORK/model.json'))['cells'].get('$1'))"; }
texts=(-d date=2025-01-20)
for n in 0 1 2 3 4 5; do texts+=(--data-urlencode "s$n=本部分依照《中华人民共和国政府信息公开条例》编写，内容属实。"); done
texts+=(--data-urlencode "s6=本年度未收取信息处理费。")
code=$(status "$C" POST "/write?year=2024" --data-urlencode "_csrf=$tok" -d action=fill "${texts[@]}")
expect "the report filled from the register" 303 "$code"
model
expect "t3.new.total from the register" 2 "$(cell t3.new.total)"
expect "t3.granted.natural from the register" 1 "$(cell t3.granted.natural)"
expect "t3.partial.total from the register" 1 "$(cell t3.partial.total)"
expect "t3.total.total from the register" 2 "$(cell t3.total.total)"
# the clerk types a wrong total: saved, and the checker flags that cell
form=$(python3 "$ROOT/tests/serve_form.py" "$WORK/model.json" "_csrf=$tok" action=save c.t3.new.total=5)
code=$(status "$C" POST "/write?year=2024" --data "$form")
expect "a draft with a wrong total is saved" 303 "$code"
status "$C" GET "/write?year=2024" >/dev/null
grep -q 'id="m-t3.new.total"><a class="mark error"' "$WORK/body" || fail "no error mark at t3.new.total"
pass "the wrong total is flagged at its cell"
# the live check (the editor's script) says the same as JSON
code=$(status "$C" POST "/write/check?year=2024" -H 'Accept: application/json' --data "$form")
expect "the live check" 200 "$code"
python3 - "$WORK/body" <<'PY' || fail "live check JSON"
import json, sys
r = json.load(open(sys.argv[1]))
assert any(f["cell"] == "t3.new.total" and f["severity"] == "error" for f in r["findings"]), r
PY
pass "the live check reports the cell"
# a blank total is computed on the server
form=$(python3 "$ROOT/tests/serve_form.py" "$WORK/model.json" "_csrf=$tok" action=save c.t3.new.total=)
expect "the fixed draft is saved" 303 "$(status "$C" POST "/write?year=2024" --data "$form")"
model
expect "the blank total computed on the server" 2 "$(cell t3.new.total)"
status "$C" GET "/write?year=2024" >/dev/null
grep -q 'id="m-t3.new.total"><a' "$WORK/body" && fail "t3.new.total still flagged"
body_has "第 3 版"
pass "the fix clears the finding; three versions kept"
# text that is not a number is shown back, not saved
form=$(python3 "$ROOT/tests/serve_form.py" "$WORK/model.json" "_csrf=$tok" action=save c.t3.new.natural=两)
expect "a cell that is not a number (422)" 422 "$(status "$C" POST "/write?year=2024" --data "$form")"
body_has 'value="两"'
# the DOCX, read back by xxgk parse
code=$(curl -s -o "$WORK/r.docx" -w '%{http_code} %{content_type}' -b "$C" "$URL/write/download?year=2024&format=docx")
expect "the DOCX download" "200 application/vnd.openxmlformats-officedocument.wordprocessingml.document" "$code"
got=$("$XXGK" parse --format cells "$WORK/r.docx" | awk -F'\t' '$1 == "t3.new.total" { print $2 }')
expect "the DOCX reads back with t3.new.total" 2 "$got"
hdr=$(curl -s -D - -o /dev/null -b "$C" "$URL/write/download?year=2024&format=docx" | tr -d '\r' | grep -i '^content-disposition')
[[ $hdr == *attachment* ]] || fail "the download is not an attachment: $hdr"
pass "downloads are attachments"

# ---- the head submits; the desk shows it ----------------------------------------
expect "a clerk may not submit (403)" 403 "$(status "$C" POST "/write?year=2024" --data-urlencode "_csrf=$tok" -d action=submit)"
code=$(status "$H" POST "/write?year=2024" --data-urlencode "_csrf=$htok" -d action=submit)
[[ $code == 303 ]] || { status "$C" GET "/write?year=2024" >/dev/null; grep -o '<tr id="finding[^$]*</tr>' "$WORK/body" | head -5; fail "submit: HTTP $code $(grep -o 'notice error[^<]*<' "$WORK/body")"; }
pass "the head submits the report"
status "$S" GET "/desk?year=2024" >/dev/null
grep -q '<tr class="submitted"><th scope="row">某县民政局</th><td>已报送' "$WORK/body" || fail "desk: 某县民政局 should be 已报送"
grep -q '<tr class="missing"><th scope="row">某县教育局</th>' "$WORK/body" || fail "desk: 某县教育局 should be missing"
pass "the supervisor sees 某县民政局 已报送"
code=$(curl -s -o "$WORK/sum.xlsx" -w '%{http_code}' -b "$S" "$URL/desk/summary.xlsx?year=2024")
expect "the summary sheet" 200 "$code"
[[ $(head -c 2 "$WORK/sum.xlsx") == PK ]] || fail "the summary sheet is no XLSX"
expect "a chart" 200 "$(status "$S" GET "/desk/chart-findings-by-rule.svg?year=2024")"
body_has "<svg"
expect "a clerk has no desk (403)" 403 "$(status "$C" GET "/desk?year=2024")"

# ---- CSRF, headers, uploads -------------------------------------------------------
expect "a POST without its CSRF token is refused" 403 "$(status "$C" POST /cases/new -d received=2024-11-01 -d subject=x)"
expect "a POST with another session's token is refused" 403 "$(status "$C" POST /cases/new --data-urlencode "_csrf=$htok" -d received=2024-11-01 -d subject=x)"
for path in / /login /static/style.css /nothing; do
  curl -s -D "$WORK/h" -o /dev/null -b "$C" "$URL$path"
  for h in "Content-Security-Policy: default-src 'none'; script-src 'self'" "frame-ancestors 'none'" \
           "X-Content-Type-Options: nosniff" "Referrer-Policy: no-referrer"; do
    grep -qiF "$h" "$WORK/h" || fail "$path lacks $h"
  done
  grep -qi "unsafe-inline" "$WORK/h" && fail "$path allows inline script"
done
pass "security headers on pages, static files and errors"
grep -qi '<script>' "$WORK/body" && fail "an inline script"
expect "no file system behind /static/" 404 "$(status "$C" GET "/static/../../etc/passwd" --path-as-is)"
cp "$ROOT/examples/001_cbab459871fbb742.txt" "$WORK/r.txt"
code=$(status "$C" POST /check -F "_csrf=$tok" -F "report=@$WORK/r.txt")
expect "a report checked" 200 "$code"
body_has 'id="m-t3.total.natural"><a class="mark error"'
body_has "t3-outcome-total"
code=$(status "$C" POST /check -H 'Accept: application/json' -F "_csrf=$tok" -F "report=@$WORK/r.txt")
expect "the check as JSON" 200 "$code"
python3 -c "import json,sys; d=json.load(open('$WORK/body')); assert any(f['rule']=='t3-outcome-total' for f in d['findings'])" \
  || fail "check JSON lacks t3-outcome-total"
head -c 1024 /bin/ls >"$WORK/bin"
expect "a binary upload is refused (415)" 415 "$(status "$C" POST /check -F "_csrf=$tok" -F "report=@$WORK/bin")"
head -c $((21 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$WORK/big.txt"
expect "an upload over 20 MB is refused (413)" 413 "$(status "$C" POST /check -F "_csrf=$tok" -F "report=@$WORK/big.txt")"
expect "an urlencoded form over 1 MB is refused (413)" 413 "$(status "$C" POST /cases/new --data-binary "@$WORK/big.txt")"
expect "the server still answers" 200 "$(status "$C" GET /)"

# ---- sessions: a new id at login, logout ends it, the rate limit -----------------
old=$(awk '$6 == "xxgk_session" { print $7 }' "$C")
login "$WORK/again.jar" clerk1 clerk-pass-1
new=$(awk '$6 == "xxgk_session" { print $7 }' "$WORK/again.jar")
[[ -n $old && -n $new && $old != "$new" ]] || fail "a login made no new session id"
grep -q "HttpOnly" <(curl -s -D - -o /dev/null --data 'name=clerk1&password=clerk-pass-1' "$URL/login") || fail "cookie not HttpOnly"
curl -s -D - -o /dev/null --data 'name=clerk1&password=clerk-pass-1' "$URL/login" | grep -qi "SameSite=Strict" || fail "cookie not SameSite=Strict"
pass "a new session id at every login, HttpOnly, SameSite=Strict"
expect "logout" 303 "$(status "$WORK/again.jar" POST /logout --data-urlencode "_csrf=$(csrf "$WORK/again.jar")")"
expect "the ended session is gone" 303 "$(status "$WORK/again.jar" GET /)"
for i in 1 2 3 4 5; do
  code=$(status "$WORK/x.jar" POST /login -d name=head1 -d password=wrong$i)
  [[ $code == 401 ]] || fail "failed login $i: $code"
done
expect "the sixth attempt is refused, even with the right password (429)" 429 \
  "$(status "$WORK/x.jar" POST /login -d name=head1 -d password=head-pass-01)"
login "$WORK/y.jar" clerk1 clerk-pass-1
pass "another user logs in from the same address"
code=$(status "$A" GET /admin/audit)
for a in login.failed login.locked login case.add case.extend case.reply draft.save draft.submit roster.import user.add case.refused; do
  grep -q "<td>$a</td>" "$WORK/body" || fail "the audit trail lacks $a"
done
pass "the audit trail has logins, failures and every change"
stop_server

# ---- an idle session expires; the Secure cookie ----------------------------
start_server "$DB" --idle 1 --secure-cookie
curl -s -D - -o /dev/null --data 'name=clerk1&password=clerk-pass-1' "$URL/login" | grep -qi "SameSite=Strict; Secure" \
  || fail "--secure-cookie: no Secure"
login "$WORK/idle.jar" clerk1 clerk-pass-1
expect "a fresh session" 200 "$(status "$WORK/idle.jar" GET /)"
sleep 2.5
expect "an idle session has expired" 303 "$(status "$WORK/idle.jar" GET /)"
stop_server
echo "serve.flow: all passed"
