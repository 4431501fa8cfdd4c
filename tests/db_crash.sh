#!/usr/bin/env bash
# A crash in the middle of `xxgk db import`: the importer is killed with
# SIGKILL while it stores reports. The database must open, pass SQLite's
# integrity check, hold only whole reports (each with its row of cells,
# every cell counted at import present, every finding counted present),
# and a second run must complete the import. The kill is timed by
# watching the store fill up, not by sleeping; if the import finishes
# before the kill lands, the test retries with more files.
set -u
xxgk=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { fail=$((fail + 1)); echo "FAIL $*" >&2; }

# N distinct reports: copies of the samples, each made unique by a note
# in its first sentence (so each has its own hash).
make_reports() {
  local n=$1 dir=$2 i=0
  rm -rf "$dir" && mkdir -p "$dir"
  while [[ $i -lt $n ]]; do
    for s in examples/*.txt; do
      [[ $i -lt $n ]] || break
      sed "0,/。/s//。（副本 $i）/" "$s" >"$dir/$(printf '%05d' $i).txt"
      i=$((i + 1))
    done
  done
}

q() { "$xxgk" db --db "$db" query "$1" 2>/dev/null | tail -n +2; }

n=300 attempt=0 killed=0
while [[ $attempt -lt 4 && $killed -eq 0 ]]; do
  attempt=$((attempt + 1))
  db=$tmp/crash.db
  rm -f "$db" "$db-wal" "$db-shm"
  make_reports $n "$tmp/in"
  "$xxgk" db --db "$db" import --quiet "$tmp/in" >/dev/null 2>&1 &
  pid=$!
  # Wait until some reports are stored, then kill.
  while kill -0 $pid 2>/dev/null; do
    c=$(q "SELECT count(*) FROM report")
    if [[ -n "$c" && "$c" -gt 0 ]]; then
      kill -9 $pid 2>/dev/null
      break
    fi
    sleep 0.01
  done
  wait $pid 2>/dev/null
  status=$?
  stored=$(q "SELECT count(*) FROM report")
  if [[ $status -eq 137 && -n "$stored" && "$stored" -lt $n ]]; then
    killed=1
  else
    n=$((n * 2)) # the import won the race: more files, longer import
  fi
done
if [[ $killed -eq 0 ]]; then
  bad "could not kill the import in the middle after $attempt attempts"
  exit 1
fi
echo "killed after $stored of $n reports (attempt $attempt)"

[[ "$(q 'PRAGMA integrity_check')" == "ok" ]] || bad "integrity_check after the kill"
# Every report has its cells; the cells present are those counted when
# it was stored; its findings are all there.
present=$("$xxgk" db --db "$db" query "SELECT key FROM cell_key" | tail -n +2 |
  awk '{ printf "%s(cells.\"%s\" IS NOT NULL)", (NR > 1 ? " + " : ""), $0 }')
[[ "$(q "SELECT count(*) FROM report LEFT JOIN cells ON cells.report_id = report.id
          WHERE cells.report_id IS NULL")" == "0" ]] || bad "a report without its cells"
[[ "$(q "SELECT count(*) FROM report JOIN cells ON cells.report_id = report.id
          WHERE report.cells != $present")" == "0" ]] || bad "a report with missing cells"
[[ "$(q "SELECT count(*) FROM report WHERE errors + warnings + notes !=
          (SELECT count(*) FROM finding WHERE finding.report_id = report.id)")" == "0" ]] ||
  bad "a report with missing findings"
[[ "$(q "SELECT count(*) FROM report WHERE cells < 72")" == "0" ]] ||
  bad "a report with fewer cells than any sample has"

# A second run completes the import: the stored ones are unchanged.
out=$("$xxgk" db --db "$db" import "$tmp/in" 2>&1)
st=$?
[[ $st -eq 0 || $st -eq 1 ]] || bad "re-run exit status $st"
[[ "$out" == *"未变 $stored，"* ]] || bad "re-run: '$out', expected $stored unchanged"
[[ "$(q "SELECT count(*) FROM report")" == "$n" ]] || bad "re-run did not complete the import"
[[ "$(q 'PRAGMA integrity_check')" == "ok" ]] || bad "integrity_check after the re-run"

if [[ $fail -eq 0 ]]; then echo "crash test passed"; fi
[[ $fail -eq 0 ]]
