#!/usr/bin/env bash
# xxgk serve in a real browser: Debian's chromium driven by puppeteer-core
# (tests/browser; scripts/install-deps.sh installs chromium, node and the
# npm packages). Screenshots of every page go to SHOTS (the build's
# screenshots/ directory). Skipped (77) when chromium or the packages are
# missing.
set -uo pipefail
XXGK=$(realpath "$1")
SHOTS=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'kill $SERVER_PID 2>/dev/null; rm -rf "$WORK"' EXIT
. "$ROOT/tests/serve_lib.sh"
CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
[[ -x $CHROMIUM ]] || { echo "skip: chromium is not installed (scripts/install-deps.sh)"; exit 77; }
command -v node >/dev/null || { echo "skip: node is not installed"; exit 77; }
[[ -d $ROOT/tests/browser/node_modules/puppeteer-core ]] || \
  { echo "skip: run scripts/install-deps.sh (npm ci in tests/browser)"; exit 77; }
mkdir -p "$SHOTS"
DB=$WORK/x.db
printf 'admin-pass-1\n' | "$XXGK" user add admin --role admin --password-stdin --db "$DB" >/dev/null
printf 'clerk-pass-1\n' | "$XXGK" user add clerk1 --role clerk --body 某县民政局 --password-stdin --db "$DB"
printf 'sup-pass-001\n' | "$XXGK" user add sup --role supervisor --region 某县 --password-stdin --db "$DB"
start_server "$DB"
login "$WORK/a.jar" admin admin-pass-1
# the desk has something to show: the five samples (2020) in the store,
# their bodies in the roster of 某县
"$XXGK" db import "$ROOT/examples" --db "$DB" >/dev/null
{ printf '名称,上级,类别\n某县民政局,某县,县级部门\n某县教育局,某县,县级部门\n'
  for b in 荷湖乡 杭州市富阳区上官乡人民政府 姚集镇人民政府 张家坡镇 南港镇 丰收镇; do printf '%s,某县,乡镇\n' "$b"; done
} >"$WORK/roster.csv"
status "$WORK/a.jar" POST /admin -F "_csrf=$(csrf "$WORK/a.jar" /admin)" -F action=roster \
  -F "roster=@$WORK/roster.csv" >/dev/null
cp "$ROOT/examples/001_cbab459871fbb742.txt" "$WORK/report.txt"
HOME=$WORK CHROMIUM=$CHROMIUM timeout 240 node "$ROOT/tests/browser/run.js" "$URL" "$SHOTS" "$WORK/report.txt" \
  || fail "the browser test"
stop_server
echo "serve.browser: all passed; screenshots in $SHOTS"
