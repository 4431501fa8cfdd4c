#!/usr/bin/env bash
# Runs the benchmarks (`make bench`), one section per part of xxgk, each
# on one core (taskset, when there is one).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
one_core=()
command -v taskset >/dev/null && one_core=(taskset -c 0)

# ---- store: 10,000 reports imported on every core; rollup and stats ------
# (not on one core: the import is parallel by design; bench/store.sh)
bench/store.sh "$build"
