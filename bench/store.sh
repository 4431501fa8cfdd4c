#!/usr/bin/env bash
# The store benchmark (issue 6): generates BENCH_REPORTS synthetic reports
# (default 10,000: bench/gen_reports.c), imports them into a new store
# and reports reports/s, CPU time and memory; then times rollup, stats,
# list and export at that size (median of 5 runs), and a second import of
# the same files (all unchanged).
#   bench/store.sh BUILD_DIR
# Environment: BENCH_REPORTS (10000), BENCH_DIR (BUILD_DIR/bench-store),
# BENCH_JOBS (import threads; default: one per core).
set -euo pipefail
build=${1:-build}
xxgk=$build/xxgk
gen=$build/bench/gen_reports
n=${BENCH_REPORTS:-10000}
dir=${BENCH_DIR:-$build/bench-store}
db=$dir/bench.db
jobs=()
[[ -n "${BENCH_JOBS:-}" ]] && jobs=(--jobs "$BENCH_JOBS")

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }
calc() { awk "BEGIN { print $1 }"; }
# median of 5 runs of a command, in seconds
median5() {
  local t=()
  for _ in 1 2 3 4 5; do
    local a; a=$(now)
    "$@" >/dev/null 2>&1 || true
    t+=("$(secs "$a" "$(now)")")
  done
  printf '%s\n' "${t[@]}" | sort -g | sed -n 3p
}

rm -rf "$dir" && mkdir -p "$dir"
echo "== store: $n generated reports (years 2019–2025, pipe and tab layouts)"
a=$(now)
"$gen" "$dir/reports" "$n" --verify 200 --samples examples
printf '   generated in %.1f s; %s of text\n' "$(secs "$a" "$(now)")" "$(du -sh "$dir/reports" | cut -f1)"

timed=()
[[ -x /usr/bin/time ]] && timed=(/usr/bin/time -f '%e %U %S %M' -o "$dir/time")
a=$(now)
"${timed[@]}" "$xxgk" db --db "$db" import --quiet "${jobs[@]}" "$dir/reports" || true
wall=$(secs "$a" "$(now)")
printf '   import:   %.2f s  %.0f reports/s' "$wall" "$(calc "$n / $wall")"
if [[ -s "$dir/time" ]]; then
  read -r _ user sys rss < <(tail -1 "$dir/time")
  printf '  (CPU %.1f s = %.2f ms/report; peak memory %d MB)' "$(calc "$user + $sys")" \
    "$(calc "($user + $sys) * 1000 / $n")" "$((rss / 1024))"
fi
echo
stored=$("$xxgk" db --db "$db" query "SELECT count(*) FROM report" | tail -1)
printf '   stored %s reports; database %s\n' "$stored" "$(du -h "$db" | cut -f1)"
a=$(now)
"$xxgk" db --db "$db" import --quiet "${jobs[@]}" "$dir/reports" || true
printf '   re-import (all unchanged): %.2f s\n' "$(secs "$a" "$(now)")"
printf '   rollup --year 2023:   %.3f s (median of 5)\n' \
  "$(median5 "$xxgk" db --db "$db" rollup --year 2023)"
printf '   rollup --year 2023 --where "t3.new.total > 10": %.3f s\n' \
  "$(median5 "$xxgk" db --db "$db" rollup --year 2023 --where '"t3.new.total" > 10')"
printf '   stats:                %.3f s\n' "$(median5 "$xxgk" db --db "$db" stats)"
printf '   list --errors:        %.3f s\n' "$(median5 "$xxgk" db --db "$db" list --errors)"
a=$(now)
"$xxgk" db --db "$db" export --to csv -o "$dir/all.csv"
printf '   export --to csv:      %.3f s (%s)\n' "$(secs "$a" "$(now)")" "$(du -h "$dir/all.csv" | cut -f1)"

# ---- at 10× the size: rollup and stats over 100,000 stored reports -------
# Importing 100,000 files takes minutes; the question here is whether the
# schema and indexes keep the queries interactive at that size, so the
# stored reports are copied nine more times in SQL (each copy another
# body and file), which needs the sqlite3 shell.
if [[ "${BENCH_SCALE:-1}" != 0 ]] && command -v sqlite3 >/dev/null; then
  big=$dir/big.db
  cp "$db" "$big"
  cols=$("$xxgk" db --db "$db" query "SELECT group_concat('\"' || key || '\"', ',') FROM cell_key" | tail -1)
  max=$("$xxgk" db --db "$db" query "SELECT max(id) FROM report" | tail -1)
  # Each copy is another file and body: the columns of the schema as it
  # is, those that identify a report or its body changed, the rest kept.
  copy_of() { # TABLE: "columns|expressions"
    local names exprs c e
    for c in $("$xxgk" db --db "$db" query "SELECT name FROM pragma_table_info('$1')" | tail -n +2); do
      case $c in
        id | report_id | superseded_by) e="$c + x * $max" ;;
        path) e="path || '#' || x" ;;
        sha256) e="sha256 || '-' || x" ;;
        body | body_key) e="$c || '第' || x || '分局'" ;;
        *) e=$c ;;
      esac
      names+=${names:+,}$c exprs+=${exprs:+,}$e
    done
    echo "$names|$exprs"
  }
  r=$(copy_of report) f=$(copy_of finding)
  report_cols=${r%%|*} report_copy=${r#*|} finding_cols=${f%%|*} finding_copy=${f#*|}
  a=$(now)
  sqlite3 "$big" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
CREATE TEMP TABLE k(x INTEGER);
INSERT INTO k VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9);
INSERT INTO report($report_cols) SELECT $report_copy FROM report, k WHERE id <= $max;
INSERT INTO cells(report_id, $cols) SELECT report_id + x * $max, $cols FROM cells, k
  WHERE report_id <= $max;
INSERT INTO finding($finding_cols) SELECT $finding_copy FROM finding, k WHERE report_id <= $max;
COMMIT;
PRAGMA optimize;
SQL
  big_n=$("$xxgk" db --db "$big" query "SELECT count(*) FROM report" | tail -1)
  printf '   copied to %s reports in %.1f s; database %s\n' "$big_n" "$(secs "$a" "$(now)")" \
    "$(du -h "$big" | cut -f1)"
  printf '   rollup --year 2023:   %.3f s (median of 5)\n' \
    "$(median5 "$xxgk" db --db "$big" rollup --year 2023)"
  printf '   rollup --year 2023 --body 人民政府: %.3f s\n' \
    "$(median5 "$xxgk" db --db "$big" rollup --year 2023 --body 人民政府)"
  printf '   stats:                %.3f s\n' "$(median5 "$xxgk" db --db "$big" stats)"
  printf '   stats --year 2023:    %.3f s\n' "$(median5 "$xxgk" db --db "$big" stats --year 2023)"
  printf '   list --rule t3-balance: %.3f s\n' \
    "$(median5 "$xxgk" db --db "$big" list --rule t3-balance)"
  rm -f "$big" "$big-wal" "$big-shm"
elif [[ "${BENCH_SCALE:-1}" != 0 ]]; then
  echo "   (100,000-report timings skipped: no sqlite3 shell; apt-get install sqlite3)"
fi
