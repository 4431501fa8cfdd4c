# tests/serve_lib.sh — what the tests of xxgk serve share (sourced):
# starting a server on a loopback port the system picks, logging in with
# a cookie jar, the CSRF token of a page, assertions.
# Needs: XXGK (the command), WORK (a scratch directory).

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# start_server DB [ARGS...]: starts `xxgk serve` on 127.0.0.1:0, waits
# for its first line and sets URL and SERVER_PID.
start_server() {
  local db=$1
  shift
  local out=$WORK/server.$$.$RANDOM.out
  XXGK_TODAY=${XXGK_TODAY:-2024-11-15} "$XXGK" serve --db "$db" --listen 127.0.0.1:0 "$@" \
    >"$out" 2>>"$WORK/server.err" &
  SERVER_PID=$!
  for _ in $(seq 100); do
    URL=$(sed -n 's/^xxgk serve: 正在监听 \(http:[^（]*\)（.*/\1/p' "$out")
    [[ -n $URL ]] && break
    kill -0 $SERVER_PID 2>/dev/null || fail "the server did not start: $(cat "$WORK/server.err")"
    sleep 0.1
  done
  [[ -n $URL ]] || fail "the server printed no address"
  URL=${URL%/}
}

# stop_server: SIGTERM, and the server must exit 0.
stop_server() {
  kill -TERM $SERVER_PID
  local rc=0
  wait $SERVER_PID || rc=$?
  [[ $rc -eq 0 ]] || fail "the server exited $rc on SIGTERM: $(tail -5 "$WORK/server.err")"
}

# login JAR NAME PASSWORD: a new cookie jar logged in (fails otherwise).
login() {
  rm -f "$1"
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" \
    --data-urlencode "name=$2" --data-urlencode "password=$3" "$URL/login")
  [[ $code == 303 ]] || fail "login of $2: HTTP $code"
}

# csrf JAR [PATH]: the CSRF token of a page (the home page by default).
csrf() {
  curl -s -b "$1" "$URL${2:-/}" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1
}

# status JAR METHOD PATH [curl args...]: the HTTP status of a request.
status() {
  local jar=$1 method=$2 path=$3
  shift 3
  curl -s -o "$WORK/body" -w '%{http_code}' -b "$jar" -c "$jar" -X "$method" "$@" "$URL$path"
}

# expect WHAT EXPECTED ACTUAL
expect() {
  [[ "$2" == "$3" ]] || fail "$1: expected '$2', got '$3'"
  pass "$1"
}

# body_has TEXT: the last response body contains TEXT.
body_has() {
  grep -qF -- "$1" "$WORK/body" || fail "the page lacks '$1' ($(head -c 300 "$WORK/body"))"
}
