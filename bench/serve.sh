#!/usr/bin/env bash
# Load test of xxgk serve (issue 16): 50 clients for 30 s over loopback,
# mixing reads, case updates and uploads (bench/bench_serve.c); p50/p99
# latency and requests per second. Fails on any error or lost write: the
# cases the server confirmed must all be in the store afterwards.
#   bench/serve.sh BUILD [CLIENTS] [SECONDS]
set -euo pipefail
build=${1:-build}
clients=${2:-50}
seconds=${3:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pid=
trap '[[ -n $pid ]] && kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
xxgk=$build/xxgk
printf 'bench-pass-1\n' | "$xxgk" user add bench --role clerk --body 某县民政局 --password-stdin --db "$work/x.db"
XXGK_TODAY=2024-11-15 "$xxgk" serve --db "$work/x.db" --listen 127.0.0.1:0 >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do
  url=$(sed -n 's/^xxgk serve: 正在监听 \(http:[^（]*\)（.*/\1/p' "$work/out")
  [[ -n $url ]] && break
  sleep 0.1
done
port=${url##*:}
port=${port%/}
echo "== xxgk serve: $clients clients for $seconds s (reads 60%, case updates 32%, uploads 8%)"
"$build/bench/bench_serve" 127.0.0.1 "$port" bench bench-pass-1 "$clients" "$seconds" \
  "$root/examples/001_cbab459871fbb742.txt" | tee "$work/result"
kill -TERM $pid
wait $pid
confirmed=$(awk '$1 == "confirmed_cases" { print $2 }' "$work/result")
stored=$("$xxgk" db query "SELECT count(*) FROM reg_case" --db "$work/x.db" | tail -1)
echo "  cases confirmed $confirmed, stored $stored"
[[ $confirmed == "$stored" ]] || { echo "bench/serve.sh: lost writes" >&2; exit 1; }
