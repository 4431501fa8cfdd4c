#!/usr/bin/env bash
# recover.sh — what xxgk makes of the crawler text dumps in the corpus
# (issue 7): per file, the rows whose cells lost their separators, how
# many cells were recovered (one split fits), cut by spaces, left
# ambiguous (several fit) or unsolved (none fits), and whether the tables
# holding recovered cells satisfy every identity afterwards, as judged by
# `xxgk check`. Files that are no report in a supported format (the 2018
# one) are listed with the reason.
#
# Usage: scripts/recover.sh [BUILD_DIR] [CORPUS_RAW_DIR]
#   (defaults: build, ../shared/corpus/raw beside the repository)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
corpus=${2:-$root/../shared/corpus/raw}
xxgk=$build/xxgk
if [[ ! -x $xxgk ]]; then
  echo "recover.sh: $xxgk not found; run make build first" >&2
  exit 2
fi
if [[ ! -d $corpus ]]; then
  echo "recover.sh: corpus not found at $corpus: nothing to measure" >&2
  exit 0
fi
# Crawler dumps are recognised by their header, not by their name.
files=()
for f in "$corpus"/*.txt; do
  [[ -f $f ]] && head -c 16 "$f" | grep -q '^标题' && files+=("$f")
done
if [[ ${#files[@]} -eq 0 ]]; then
  echo "recover.sh: no crawler text dumps in $corpus" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$xxgk" recover --summary "${files[@]}" >"$tmp/out" 2>"$tmp/err"
awk -F'\t' '
  NR == 1 { printf "%-22s %5s %9s %6s %9s %8s  %s\n", "file", "rows", "recovered", "spaced",
            "ambiguous", "unsolved", "identities after recovery"; next }
  {
    n = split($1, p, "/"); name = p[n]
    printf "%-22s %5d %9d %6d %9d %8d  %s\n", name, $2, $3, $4, $5, $6, $7
    rows += $2; rec += $3; sp += $4; amb += $5; uns += $6; files++
    if ($7 == "ok") ok++
  }
  END {
    printf "%-22s %5d %9d %6d %9d %8d  %d of %d files: every identity holds\n", "total",
           rows, rec, sp, amb, uns, ok, files
  }' "$tmp/out"
# Unreadable files (the pre-2019 report): the reason, without the path.
sed -E 's|^xxgk: .*/([^/:]+): |\1: not read: |' "$tmp/err"
