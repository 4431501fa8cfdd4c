#!/usr/bin/env bash
# xxgk serve killed with SIGKILL while clients write: every change whose
# response came back (a 303 after the case or draft was stored) is there
# after a restart, and the store is intact. The store commits each change
# in a transaction of its own in WAL mode, so a killed process loses only
# what it had not answered yet.
set -uo pipefail
XXGK=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'kill -9 $SERVER_PID 2>/dev/null; rm -rf "$WORK"' EXIT
. "$ROOT/tests/serve_lib.sh"
command -v curl >/dev/null || { echo "skip: curl is not installed"; exit 77; }
DB=$WORK/x.db
printf 'clerk-pass-1\n' | "$XXGK" user add clerk1 --role clerk --body 某县民政局 --password-stdin --db "$DB" || fail "user add"
start_server "$DB"
login "$WORK/c.jar" clerk1 clerk-pass-1
tok=$(csrf "$WORK/c.jar")
# writers: each registers cases one after another and notes the id of
# every case the server confirmed
writer() {
  local n=$1
  for i in $(seq 200); do
    loc=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$WORK/c.jar" -X POST "$URL/cases/new" \
      --data-urlencode "_csrf=$tok" -d received=2024-10-08 --data-urlencode "channel=当面" \
      -d applicant=natural --data-urlencode "subject=写入$n-$i" 2>/dev/null)
    [[ $loc == 303\ * ]] && echo "${loc##*/} 写入$n-$i" >>"$WORK/confirmed.$n"
  done
}
for n in 1 2 3 4; do writer $n & done
sleep 2
kill -9 $SERVER_PID
wait $SERVER_PID 2>/dev/null
wait
cat "$WORK"/confirmed.* >"$WORK/confirmed" 2>/dev/null
confirmed=$(wc -l <"$WORK/confirmed")
[[ $confirmed -gt 0 ]] || fail "no write was confirmed before the kill"
pass "$confirmed cases confirmed before kill -9"
# the store after the kill: intact, every confirmed case in it
ok=$("$XXGK" db query "PRAGMA integrity_check" --db "$DB" 2>&1 | tail -1)
expect "the store is intact after kill -9" ok "$ok"
start_server "$DB"
login "$WORK/c.jar" clerk1 clerk-pass-1
lost=0
while read -r id subject; do
  code=$(status "$WORK/c.jar" GET "/cases/$id")
  if [[ $code != 200 ]] || ! grep -qF "$subject" "$WORK/body"; then
    lost=$((lost + 1))
    echo "lost: case $id ($subject): HTTP $code" >&2
  fi
done <"$WORK/confirmed"
expect "no confirmed case lost" 0 "$lost"
# and the server goes on writing
tok=$(csrf "$WORK/c.jar")
code=$(status "$WORK/c.jar" POST /cases/new --data-urlencode "_csrf=$tok" -d received=2024-10-09 \
  --data-urlencode "channel=当面" -d applicant=natural --data-urlencode "subject=重启后")
expect "writes go on after the restart" 303 "$code"
stop_server
echo "serve.crash: all passed"
