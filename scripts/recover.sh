#!/usr/bin/env bash
# recover.sh — what xxgk makes of the crawler text dumps in the corpus
# (issue 7): per file, the rows whose cells lost their separators, how
# many cells were recovered (one split fits), cut by spaces, left
# ambiguous (several fit) or unsolved (none fits), and whether the tables
# holding recovered cells satisfy every identity afterwards, as judged by
# `xxgk check`. When MANIFEST.tsv names the original web page of a dump
# (the same report, with real table cells), the cells read from the dump
# are compared with the page's: "page" says how many agree. Files that
# are no report in a supported format (the 2018 one) are listed with the
# reason.
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
# The page of each dump: the MANIFEST row of an html file whose path in
# the crawled repository has the same directory.
manifest=$corpus/../MANIFEST.tsv
page_check() {
  local txt=$1 dir page
  [[ -f $manifest ]] || { echo "-"; return; }
  dir=$(awk -F'\t' -v f="raw/$(basename "$txt")" '$1 == f { sub(/\/[^\/]*$/, "", $3); print $3 }' "$manifest")
  page=$(awk -F'\t' -v d="$dir" '$8 == "html" { p = $3; sub(/\/[^\/]*$/, "", p); if (p == d) print $1 }' "$manifest")
  if [[ -z $dir || -z $page || ! -f $corpus/../$page ]]; then echo "-"; return; fi
  "$xxgk" parse --format cells "$txt" 2>/dev/null | grep -v '^meta' | sort >"$tmp/a"
  "$xxgk" parse --format cells "$corpus/../$page" 2>/dev/null | grep -v '^meta' | sort >"$tmp/b"
  local all same
  all=$(wc -l <"$tmp/a")
  same=$(join -t $'\t' "$tmp/a" "$tmp/b" | awk -F'\t' '$2 == $3' | wc -l)
  echo "$same/$all=$(basename "$page")"
}
: >"$tmp/pages"
for f in "${files[@]}"; do echo -e "$f\t$(page_check "$f")" >>"$tmp/pages"; done
awk -F'\t' '
  FNR == NR { page[$1] = $2; next }
  FNR == 1 { printf "%-18s %5s %9s %6s %9s %8s  %-26s %s\n", "file", "rows", "recovered", "spaced",
             "ambiguous", "unsolved", "identities after recovery", "cells equal to the page"; next }
  {
    n = split($1, p, "/"); name = p[n]
    pg = page[$1]; sub(/=.*/, "", pg)
    printf "%-18s %5d %9d %6d %9d %8d  %-26s %s\n", name, $2, $3, $4, $5, $6, $7, pg
    rows += $2; rec += $3; sp += $4; amb += $5; uns += $6; files++
    if ($7 == "ok") ok++
    if (split(pg, q, "/") == 2) { eq += q[1]; tot += q[2] }
  }
  END {
    printf "%-18s %5d %9d %6d %9d %8d  %-26s %s\n", "total", rows, rec, sp, amb, uns,
           ok " of " files " files hold", tot ? eq "/" tot : "-"
  }' "$tmp/pages" "$tmp/out"
# Unreadable files (the pre-2019 report): the reason, without the path.
sed -E 's|^xxgk: .*/([^/:]+): |\1: not read: |' "$tmp/err"
