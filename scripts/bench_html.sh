#!/usr/bin/env bash
# bench_html.sh — how fast xxgk reads web pages, and in how much memory.
#
# Reads the HTML pages of the shared corpus (or, without it, the sample
# pages of tests/fixtures/html) ROUNDS times over in one process, so that
# start-up is not what is measured, and reports CPU time per page, input
# throughput and peak memory; then the same pages through
# `pandoc -f html -t plain` (one process per page, as it is used) when
# pandoc is installed (scripts/install-deps.sh --bench).
#
# Usage: scripts/bench_html.sh [BUILD_DIR [ROUNDS]]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
rounds=${2:-40}
xxgk=$build/xxgk
corpus=${XXGK_CORPUS:-$here/../shared/corpus}

pages=("$corpus"/raw/*.html)
[[ -f "${pages[0]}" ]] || pages=("$here"/tests/fixtures/html/samples/*.html)
bytes=$(cat "${pages[@]}" | wc -c)
args=()
for ((i = 0; i < rounds; i++)); do args+=("${pages[@]}"); done
n=${#args[@]}

# GNU time: user and system seconds, peak resident set in KB.
read -r user sys rss < <(/usr/bin/time -f "%U %S %M" "$xxgk" parse --format cells "${args[@]}" \
                           2>&1 >/dev/null | tail -1)
awk -v u="$user" -v s="$sys" -v n="$n" -v b="$bytes" -v r="$rounds" -v m="$rss" -v p="${#pages[@]}" 'BEGIN {
  cpu = u + s
  printf "xxgk parse:   %d pages (%.0f KB each on average), %d rounds\n", p, b / p / 1024, r
  printf "              %.2f ms CPU per page, %.0f MB/s of HTML, peak memory %.1f MB\n",
         cpu * 1000 / n, b * r / cpu / 1e6, m / 1024
}'

if command -v pandoc >/dev/null; then
  start=$(date +%s.%N)
  for p in "${pages[@]}"; do pandoc -f html -t plain "$p" >/dev/null; done
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v p="${#pages[@]}" -v u="$user" -v t="$sys" -v n="$n" 'BEGIN {
    per = (e - s) * 1000 / p
    printf "pandoc plain: %.0f ms per page (wall, one process per page): xxgk %.0f× faster\n",
           per, per / ((u + t) * 1000 / n)
  }'
fi
