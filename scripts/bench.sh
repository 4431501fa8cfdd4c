#!/usr/bin/env bash
# Benchmarks. Each section measures one thing and prints its figures.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
data=$build/bench-data
mkdir -p "$data"

# ---- parse and check throughput (issue 2, 3) ------------------------------
# ≥ 50 MB of report text: the samples and layout reports repeated with the
# issuing body varied, so no two files are the same.
if [[ ! -f $data/.parse-ready ]]; then
  echo "generating the parse corpus in $data/parse …"
  mkdir -p "$data/parse"
  i=0
  while [[ $(du -sb "$data/parse" | cut -f1) -lt 52000000 ]]; do
    for f in examples/*.txt tests/golden/layouts/*.txt tests/golden/layouts/*.md; do
      i=$((i + 1))
      sed "s/镇/镇${i}/; s/乡/乡${i}/" "$f" >"$data/parse/$i.txt"
    done
  done
  touch "$data/.parse-ready"
fi
echo "== parse and check: libxxgk in one process, one core"
find "$data/parse" -name '*.txt' | sort | "$build/bench/bench_parse" -
echo "== xxgk parse (the command, JSON to /dev/null) over the same files"
files=$(find "$data/parse" -name '*.txt' | wc -l)
/usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS (per xargs batch)" \
  sh -c "find '$data/parse' -name '*.txt' -print0 | xargs -0 '$build/xxgk' parse >/dev/null"
echo "($files files)"

# ---- store (xxgk db, issue 6): 10,000 reports imported; rollup and stats ---
# Generated reports, the import on every core, the queries at 10,000 and
# at 100,000 stored reports (bench/store.sh).
bench/store.sh "$build"

# ---- rows that lost their cell separators (issue 7) ------------------------
# Milliseconds per report to read a crawler dump, split its glued rows and
# check it: the fixtures, the corpus dumps when present, and a worst case
# where 21 rows of table 三 fit two splits each.
echo "== split solver: crawler text, read + split + check per report"
crawl=(tests/fixtures/crawl/crawl_2019.txt tests/fixtures/crawl/crawl_2021.txt)
for f in ../shared/corpus/raw/*_txt.txt; do [[ -f $f ]] && crawl+=("$f"); done
"$build/bench/bench_split" -n 200 "${crawl[@]}"

# ---- writers: rendering 1,000 reports (issue 5; goal: DOCX under 10 s) -----
one_core=()
command -v taskset >/dev/null && one_core=(taskset -c 0)
echo "== rendering (bench/bench_render.c), one core, the five sample reports in turn"
"${one_core[@]}" "$build/bench/bench_render" -n 1000 examples/*.txt
