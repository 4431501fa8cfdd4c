#!/usr/bin/env bash
# The desk benchmark (issue 13): `db status` and `db similar` at 10,000
# and at 200,000 stored reports.
#   bench/desk.sh BUILD_DIR
# 10,000 reports are generated (bench/gen_reports.c: 1,429 bodies × the
# years 2019–2025) and imported; a roster of 20 bodies is made of bodies
# with a 2023 report. The store is then copied in SQL to 200,000 reports
# (each copy other bodies, other files, and nine in ten of its sentences
# made its own, so that sentences are shared about as much as in real
# reports: bench/desk_copies.c); this needs the sqlite3 shell. Timings
# are the median of 5.
# Environment: BENCH_DIR (BUILD_DIR/bench-desk), BENCH_SCALE=0 skips the
# 200,000-report copy.
set -euo pipefail
build=${1:-build}
xxgk=$build/xxgk
gen=$build/bench/gen_reports
dir=${BENCH_DIR:-$build/bench-desk}
db=$dir/desk.db

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }
median5() {
  local t=()
  for _ in 1 2 3 4 5; do
    local a; a=$(now)
    "$@" >/dev/null 2>&1 || true
    t+=("$(secs "$a" "$(now)")")
  done
  printf '%s\n' "${t[@]}" | sort -g | sed -n 3p
}
timings() {
  local store=$1
  printf '   status --year 2023 (20 bodies):   %.3f s (median of 5)\n' \
    "$(median5 "$xxgk" db --db "$store" status --year 2023)"
  printf '   similar --year 2023 (whole year): %.3f s\n' \
    "$(median5 "$xxgk" db --db "$store" similar --year 2023)"
  printf '   similar --year 2023 --body B:     %.3f s\n' \
    "$(median5 "$xxgk" db --db "$store" similar --year 2023 --body "$body")"
}

rm -rf "$dir" && mkdir -p "$dir"
echo "== desk: status and copied text (issue 13)"
a=$(now)
"$gen" "$dir/reports" 10000 --samples examples >/dev/null
"$xxgk" db --db "$db" import --quiet "$dir/reports" || true
printf '   10,000 reports generated and imported in %.1f s; database %s\n' \
  "$(secs "$a" "$(now)")" "$(du -h "$db" | cut -f1)"
{
  echo "名称,上级,类别"
  "$xxgk" db --db "$db" query \
    "SELECT DISTINCT body FROM report WHERE year = 2023 ORDER BY body LIMIT 20" |
    tail -n +2 | sed 's/$/,云溪县,县级部门/'
} >"$dir/roster.csv"
"$xxgk" db --db "$db" bodies import "$dir/roster.csv" >/dev/null 2>&1
body=$(sed -n 2p "$dir/roster.csv" | cut -d, -f1)
echo "   at 10,000 stored reports:"
timings "$db"

if [[ "${BENCH_SCALE:-1}" != 0 ]] && command -v sqlite3 >/dev/null; then
  big=$dir/big.db
  cp "$db" "$big"
  cols=$("$xxgk" db --db "$db" query "SELECT group_concat('\"' || key || '\"', ',') FROM cell_key" | tail -1)
  max=$("$xxgk" db --db "$db" query "SELECT max(id) FROM report" | tail -1)
  a=$(now)
  sqlite3 "$big" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
CREATE TEMP TABLE k(x INTEGER);
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 19)
INSERT INTO k SELECT x FROM n;
INSERT INTO report SELECT id + x * $max, path || '#' || x, sha256 || '-' || x, size, version,
  current, imported, year, format, title, body || '第' || x || '分局', date, period_from,
  period_to, cells, errors, warnings, notes,
  'n:' || substr(body_key, 3) || '第' || x || '分局', current_since + x * $max,
  superseded_by + x * $max FROM report, k WHERE id <= $max;
INSERT INTO cells(report_id, $cols) SELECT report_id + x * $max, $cols FROM cells, k
  WHERE report_id <= $max;
INSERT INTO finding SELECT report_id + x * $max, seq, severity, rule, line, col, len, message,
  expected, cells, against + x * $max FROM finding, k WHERE report_id <= $max;
COMMIT;
PRAGMA journal_mode=DELETE;
SQL
  # the copies' sentence sets, nine in ten sentences their own (desk_copies.c)
  "$build/bench/desk_copies" "$big" "$max" 19
  sqlite3 "$big" "PRAGMA optimize" >/dev/null
  n=$("$xxgk" db --db "$big" query "SELECT count(*) FROM report" | tail -1)
  printf '   copied to %s reports in %.1f s; database %s\n' "$n" "$(secs "$a" "$(now)")" \
    "$(du -h "$big" | cut -f1)"
  echo "   at $n stored reports:"
  timings "$big"
  rm -f "$big" "$big-wal" "$big-shm"
elif [[ "${BENCH_SCALE:-1}" != 0 ]]; then
  echo "   (200,000-report timings skipped: no sqlite3 shell; apt-get install sqlite3)"
fi
