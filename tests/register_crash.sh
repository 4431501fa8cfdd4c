#!/usr/bin/env bash
# A ledger import killed in the middle (SIGKILL while it records rows)
# leaves nothing half-done: the whole import is one transaction, so the
# register holds no case and no event of it, the database passes
# SQLite's integrity check, and a second run imports every row. The kill
# is timed by watching the import's own progress lines (--verbose), not
# by sleeping; if the import wins the race the test retries with more
# rows.
set -u
xxgk=$1
# Dates up to the end of 2026 are in the past, whatever the clock.
export XXGK_TODAY=2026-12-07
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { fail=$((fail + 1)); echo "FAIL $*" >&2; }
q() { "$xxgk" db --db "$db" query "$1" 2>/dev/null | tail -n +2; }

# N rows of a valid ledger: received in 2024, half of them replied.
make_ledger() {
  awk -v n="$1" 'BEGIN {
    print "编号,收到日期,申请方式,申请人类型,申请内容,答复日期,办理结果"
    for (i = 1; i <= n; i++) {
      m = 1 + i % 10; d = 1 + i % 28
      reply = (i % 2) ? sprintf("2024-%02d-%02d,予以公开", m + 1, d) : ","
      printf "R%d,2024-%02d-%02d,网络,自然人,申请%d,%s\n", i, m, d, i, reply
    }
  }' >"$2"
}

n=4000 attempt=0 killed=0
while [[ $attempt -lt 4 && $killed -eq 0 ]]; do
  attempt=$((attempt + 1))
  db=$tmp/crash.db
  rm -f "$db" "$db-wal" "$db-shm" "$tmp/progress"
  make_ledger $n "$tmp/ledger.csv"
  "$xxgk" case import "$tmp/ledger.csv" --db "$db" --body 某局 --verbose >"$tmp/progress" 2>&1 &
  pid=$!
  while kill -0 $pid 2>/dev/null; do
    if grep -q "^第 200 行" "$tmp/progress" 2>/dev/null; then
      kill -9 $pid 2>/dev/null
      break
    fi
    sleep 0.01
  done
  wait $pid 2>/dev/null
  status=$?
  if [[ $status -eq 137 ]] && ! grep -q "新登记" "$tmp/progress"; then
    killed=1
  else
    n=$((n * 2))
  fi
done
if [[ $killed -eq 0 ]]; then
  bad "could not kill the import in the middle after $attempt attempts"
  exit 1
fi
rows=$(grep -c "^第 .* 行：申请" "$tmp/progress")
echo "killed after $rows of $n rows had been recorded in the transaction (attempt $attempt)"

[[ "$(q 'PRAGMA integrity_check')" == "ok" ]] || bad "integrity_check after the kill"
[[ "$(q 'SELECT count(*) FROM reg_case')" == "0" ]] || bad "cases of the killed import were kept"
[[ "$(q "SELECT count(*) FROM reg_event WHERE object = 'case'")" == "0" ]] ||
  bad "events of the killed import were kept"

out=$("$xxgk" case import "$tmp/ledger.csv" --db "$db" --body 某局 2>&1)
st=$?
[[ $st -eq 0 ]] || bad "re-run exit status $st: $out"
[[ "$out" == *"新登记 $n，已导入过 0，出错 0"* ]] || bad "re-run: '$out'"
[[ "$(q 'SELECT count(*) FROM reg_case')" == "$n" ]] || bad "re-run did not import every row"
[[ "$(q 'PRAGMA integrity_check')" == "ok" ]] || bad "integrity_check after the re-run"

if [[ $fail -eq 0 ]]; then echo "register crash test passed"; fi
[[ $fail -eq 0 ]]
