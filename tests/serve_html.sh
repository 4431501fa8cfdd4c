#!/usr/bin/env bash
# Every page of xxgk serve through an HTML checker (tidy -errors): no
# error and no warning, on a store with cases, a draft, a roster and a
# submitted report; error pages included. Also: every input, select and
# textarea has a label (a <label for> or aria-label), every table header
# cell a scope.
set -uo pipefail
XXGK=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'kill $SERVER_PID 2>/dev/null; rm -rf "$WORK"' EXIT
. "$ROOT/tests/serve_lib.sh"
command -v tidy >/dev/null || { echo "skip: tidy is not installed (scripts/install-deps.sh)"; exit 77; }
DB=$WORK/x.db
printf 'admin-pass-1\n' | "$XXGK" user add admin --role admin --password-stdin --db "$DB" >/dev/null
printf 'clerk-pass-1\n' | "$XXGK" user add clerk1 --role clerk --body 某县民政局 --password-stdin --db "$DB"
printf 'head-pass-01\n' | "$XXGK" user add head1 --role head --body 某县民政局 --password-stdin --db "$DB"
printf 'sup-pass-001\n' | "$XXGK" user add sup --role supervisor --region 某县 --password-stdin --db "$DB"
start_server "$DB"
A=$WORK/a.jar C=$WORK/c.jar H=$WORK/h.jar S=$WORK/s.jar
login "$A" admin admin-pass-1
printf '名称,上级,类别\n某县民政局,某县,县级部门\n某县教育局,某县,县级部门\n' >"$WORK/roster.csv"
status "$A" POST /admin -F "_csrf=$(csrf "$A")" -F action=roster -F "roster=@$WORK/roster.csv" >/dev/null
login "$C" clerk1 clerk-pass-1
login "$H" head1 head-pass-01
login "$S" sup sup-pass-001
tok=$(csrf "$C")
status "$C" POST /cases/new --data-urlencode "_csrf=$tok" -d received=2024-09-13 --data-urlencode "channel=网络" \
  -d applicant=natural --data-urlencode "subject=低保名单<&>" -d id_number=110101199001011234 >/dev/null
status "$C" POST /cases/1/correction_notice --data-urlencode "_csrf=$tok" -d notice=2024-09-18 >/dev/null
status "$C" POST /cases/new --data-urlencode "_csrf=$tok" -d received=2024-11-08 --data-urlencode "channel=当面" \
  -d applicant=business --data-urlencode "subject=救助资金" >/dev/null
texts=(-d date=2025-01-20)
for n in 0 1 2 3 4 5; do texts+=(--data-urlencode "s$n=本部分内容属实。"); done
status "$C" POST "/write?year=2024" --data-urlencode "_csrf=$tok" -d action=fill "${texts[@]}" \
  --data-urlencode "s6=本年度未收取信息处理费。" >/dev/null
status "$H" POST "/write?year=2024" --data-urlencode "_csrf=$(csrf "$H")" -d action=submit >/dev/null
cp "$ROOT/examples/001_cbab459871fbb742.txt" "$WORK/r.txt"

checked=0
check_page() { # NAME FILE
  local out
  out=$(tidy -errors -q "$2" 2>&1)
  [[ -z $out ]] || fail "$1: tidy: $(echo "$out" | head -5)"
  # labels: every control's id has a <label for>, or it has aria-label
  python3 - "$2" <<'PY' || fail "$1: an unlabelled control or a header cell without scope"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
fors = set(re.findall(r'<label for="([^"]+)"', html))
for m in re.finditer(r'<(input|select|textarea)\b([^>]*)>', html):
    attrs = m.group(2)
    if 'type="hidden"' in attrs or 'aria-label=' in attrs:
        continue
    i = re.search(r'\bid="([^"]+)"', attrs)
    if not i or i.group(1) not in fors:
        sys.exit("unlabelled: " + m.group(0)[:120])
for m in re.finditer(r'<th\b([^>]*)>', html):
    if 'scope=' not in m.group(1):
        sys.exit("th without scope: " + m.group(0))
PY
  checked=$((checked + 1))
}
page() { # JAR PATH NAME [EXPECTED_STATUS]
  local code
  code=$(curl -s -o "$WORK/p.html" -w '%{http_code}' -b "$1" "$URL$2")
  [[ $code == "${4:-200}" ]] || fail "$3 ($2): HTTP $code"
  check_page "$3" "$WORK/p.html"
}
page "$WORK/none.jar" /login "login"
page "$C" / "home (clerk)"
page "$S" / "home (supervisor)"
page "$A" / "home (admin)"
page "$C" /check "check form"
page "$C" /rules "rules"
page "$C" "/write?year=2024" "editor"
page "$C" "/write?year=2023" "editor without a draft"
page "$C" /cases "cases"
page "$C" "/cases?year=2024" "cases of 2024"
page "$C" /cases/new "new case"
page "$C" /cases/1 "a case"
page "$C" /cases/2 "another case"
page "$C" "/cases/tables?year=2024" "the year's tables"
page "$S" "/desk?year=2024" "desk"
page "$S" "/cases?body=某县民政局" "cases (supervisor)"
page "$A" /admin "admin"
page "$A" /admin/audit "audit"
page "$C" /admin "forbidden" 403
page "$C" /nothing "not found" 404
# a report checked in each form it is published in: the finding at its
# cell and in the list, the page valid
"$XXGK" render "$WORK/r.txt" --force -o "$WORK/r.xlsx" >/dev/null 2>&1
# FILE CELL SEVERITY RULE: the finding expected at a cell, read from the
# sample (its （七）总计 says 4 where the outcomes add up to 0); the
# workbook's totals are formulas, so there the blank cells are what stands
t3ok="t3.total.natural error t3-outcome-total"
while read -r f cellkey severity rule; do
  [[ -f $f ]] || fail "no fixture $f"
  code=$(curl -s -o "$WORK/p.html" -w '%{http_code}' -b "$C" -F "_csrf=$tok" -F "report=@$f" "$URL/check")
  [[ $code == 200 ]] || fail "check of ${f##*.}: HTTP $code $(grep -o 'notice error[^<]*' "$WORK/p.html")"
  grep -q "id=\"m-$cellkey\"><a class=\"mark $severity\"" "$WORK/p.html" || fail "check of ${f##*.}: no $severity mark at $cellkey"
  grep -q ">$rule</a>" "$WORK/p.html" || fail "check of ${f##*.}: $rule not listed"
  check_page "check result (${f##*.})" "$WORK/p.html"
done <<LIST
$WORK/r.txt $t3ok
$ROOT/tests/fixtures/html/samples/001_cbab459871fbb742.html $t3ok
$ROOT/tests/fixtures/docx/001_cbab459871fbb742.docx $t3ok
$ROOT/tests/fixtures/pdf/001_cbab459871fbb742.pdf $t3ok
$WORK/r.xlsx t3.new.business warning cell-blank
LIST
grep -q '<td>第[0-9]*页' <(curl -s -b "$C" -F "_csrf=$tok" \
  -F "report=@$ROOT/tests/fixtures/pdf/001_cbab459871fbb742.pdf" "$URL/check") || fail "a PDF's findings without their page"
form=$(curl -s -b "$C" "$URL/write/download?year=2024&format=json" >"$WORK/m.json"; \
  python3 "$ROOT/tests/serve_form.py" "$WORK/m.json" "_csrf=$tok" action=save c.t3.new.natural=两)
curl -s -o "$WORK/p.html" -b "$C" --data "$form" "$URL/write?year=2024"
check_page "editor with a typing error" "$WORK/p.html"
stop_server
echo "serve.html: $checked pages passed tidy -errors"
