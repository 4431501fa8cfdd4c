#!/usr/bin/env bash
# `make bench`: every benchmark, one section per area. Each section is a
# script of its own under bench/; add yours below.
#   scripts/bench.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."

# ---- store (xxgk db): import, rollup, stats at 10,000 reports ----
bench/store.sh "$build"
