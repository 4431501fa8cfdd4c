#!/usr/bin/env bash
# Runs the benchmarks (`make bench`), one section per part of xxgk, each
# on one core (taskset, when there is one).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
one_core=()
command -v taskset >/dev/null && one_core=(taskset -c 0)

# ---- writers: rendering 1,000 reports (goal: DOCX in under 10 s) ---------
echo "== rendering (bench/bench_render.c), the five sample reports in turn"
"${one_core[@]}" "$build/bench/bench_render" -n 1000 examples/*.txt
