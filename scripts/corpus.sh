#!/usr/bin/env bash
# corpus.sh — how well xxgk reads the real reports of the shared corpus
# (../shared/corpus/raw, described by its MANIFEST.tsv).
#
# For every file: its type; whether it was read; the three tables found
# (a table is found when at least one of its cells was placed); the cells
# placed against the cells its format has; whether the tables' own
# arithmetic holds (no t3-/t4- finding from `xxgk check`: a misread cell
# usually breaks a sum, though some reports publish wrong sums). Then a
# summary per type. The structural findings of `xxgk check` about missing
# rows and tables are shown beside, to tell a cell the report does not
# have from one the reader missed.
#
# Usage: scripts/corpus.sh [XXGK [CORPUS]]
#   XXGK    the xxgk binary (default build/xxgk)
#   CORPUS  the corpus folder (default: $XXGK_CORPUS, else ../shared/corpus
#           beside the repository)
# Exits 77 (a skipped test for CTest) when the corpus is not there.
# tests/corpus.sh compares its table with tests/corpus.expected.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
xxgk=${1:-$here/build/xxgk}
corpus=${2:-${XXGK_CORPUS:-$here/../shared/corpus}}

if [[ ! -d "$corpus/raw" ]]; then
  echo "corpus.sh: no corpus at $corpus/raw — skipped" >&2
  exit 77
fi
if [[ ! -x "$xxgk" ]]; then
  echo "corpus.sh: $xxgk is not built (run make build)" >&2
  exit 2
fi

# Cells of each format, from the template registry (docs/model.md):
# 2019: table 二 22 + table 三 23×7 + table 四 15; 2021: 10 + 25×7 + 15.
# tests/unit/test_html.c checks these against xxgk_format_has_cell.
declare -A cells_of=([2019]=198 [2021]=200)

declare -A files=() full=() arith=()
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '%-22s %-5s %-6s %-8s %-9s %-5s %s\n' file type format tables cells read arithmetic
for f in "$corpus"/raw/*; do
  [[ -f "$f" ]] || continue
  name=$(basename "$f")
  type=${name##*.}
  files[$type]=$((${files[$type]:-0} + 1))
  if ! "$xxgk" parse --format cells "$f" >"$tmp/cells" 2>"$tmp/err"; then
    printf '%-22s %-5s %-6s %-8s %-9s %-5s %s\n' "$name" "$type" - - - no \
      "($(head -1 "$tmp/err" | sed 's/^xxgk: [^:]*: //'))"
    continue
  fi
  format=$(awk -F'\t' '$1 == "meta.format" { print $2 }' "$tmp/cells")
  placed=$(grep -c '^t[234]\.' "$tmp/cells")
  tables=""
  for t in 2 3 4; do
    if grep -q "^t$t\." "$tmp/cells"; then tables+="$t"; else tables+="-"; fi
  done
  want=${cells_of[$format]:-0}
  # A 2021 report that prints the 2019 single （六）其他处理 row (corpus
  # 001/002) has 7 cells where the format has 3 × 7: it is read whole when
  # those 7 are.
  if [[ $format == 2021 ]] && grep -q '^t3\.other\.' "$tmp/cells"; then
    want=$((want - 14))
  fi
  read=partial
  if [[ "$tables" == 234 && "$placed" -eq "$want" ]]; then
    read=yes
    full[$type]=$((${full[$type]:-0} + 1))
  fi
  "$xxgk" check --format json "$f" >"$tmp/check" 2>/dev/null
  sums=$(grep -o '"rule":"t[34]-[a-z-]*"' "$tmp/check" | sed 's/"rule":"//; s/"//' |
         sort | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep = " " }')
  if [[ -z "$sums" ]]; then
    arith[$type]=$((${arith[$type]:-0} + 1))
    sums=ok
  fi
  shape=$(grep -o '"rule":"\(table-missing\|row-missing\|row-shape\|format-row\)"' "$tmp/check" |
          sed 's/"rule":"//; s/"//' | sort | uniq -c | awk '{ printf " %s×%s", $2, $1 }')
  [[ -n "$shape" ]] && shape="  (report:$shape)"
  printf '%-22s %-5s %-6s %-8s %-9s %-5s %s%s\n' "$name" "$type" "${format:--}" "$tables" \
    "$placed/$want" "$read" "$sums" "$shape"
done

echo
printf '%-6s %6s %11s %14s\n' type files "fully read" "arithmetic ok"
for type in $(printf '%s\n' "${!files[@]}" | sort); do
  printf '%-6s %6d %11d %14d\n' "$type" "${files[$type]}" "${full[$type]:-0}" "${arith[$type]:-0}"
done
