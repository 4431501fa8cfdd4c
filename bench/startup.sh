#!/usr/bin/env bash
# Issue 15, side by side with the named tools in the same run:
#  - reading PDFs: `xxgk parse` against `pdftotext -layout` (poppler-utils)
#    on the sample PDFs (tests/fixtures/pdf) and the corpus PDFs;
#  - start-up: `xxgk --version`, and a small DOCX against `pandoc -t plain`.
# Figures: CPU time of the whole process (user + system), best and median
# of N runs (bench/bench_cpu.c: the machine is shared, the best run is the
# least disturbed), and instructions executed (callgrind) where valgrind
# is installed. Goals: PDF at least 2× faster than pdftotext; --version
# within 2 ms; a small DOCX about 2 ms, 40× faster than pandoc.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cpu=$build/bench/bench_cpu
runs=${XXGK_BENCH_RUNS:-30}

# Instructions (millions) the command executes, or "-" without valgrind.
minstr() {
  if ! command -v valgrind >/dev/null; then
    echo "-"
    return
  fi
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected|refs:/ { gsub(",", "", $NF); printf "%.1f", $NF / 1e6; exit }'
}

echo "== start-up: the command and what it loads"
printf "  %-34s %s bytes\n" "xxgk (the command)" "$(stat -c %s "$build/xxgk")"
[[ -f $build/xxgk-pdf.so ]] &&
  printf "  %-34s %s bytes (loaded when a PDF is read)\n" "xxgk-pdf.so (the PDF module)" "$(stat -c %s "$build/xxgk-pdf.so")"
printf "  %-34s %s\n" "shared libraries at start-up" "$(ldd "$build/xxgk" | grep -c '=>\|ld-linux')"
read -r best median _ < <("$cpu" "$runs" "$build/xxgk" --version)
awk -v b="$best" -v m="$median" -v i="$(minstr "$build/xxgk" --version)" \
  'BEGIN { printf "  %-34s best %5.2f ms, median %5.2f ms, %s M instructions (goal: 2 ms)\n", "xxgk --version", b / 1000, m / 1000, i }'

echo "== a small DOCX: xxgk parse against pandoc -t plain (whole process, CPU time)"
printf "  %-28s %6s %16s %16s %8s %10s\n" file KB "xxgk best/med ms" "pandoc best/med" speedup "xxgk Minstr"
total_x=0 total_p=0
for f in "$root"/tests/fixtures/docx/*.docx; do
  read -r xb xm _ < <("$cpu" "$runs" "$build/xxgk" parse "$f")
  if command -v pandoc >/dev/null; then
    read -r pb pm _ < <("$cpu" 5 pandoc -t plain "$f" -o /dev/null)
  else
    pb=0 pm=0
  fi
  total_x=$((total_x + xb)) total_p=$((total_p + pb))
  awk -v f="$(basename "$f")" -v kb=$(($(stat -c %s "$f") / 1024)) -v xb="$xb" -v xm="$xm" \
      -v pb="$pb" -v pm="$pm" -v mi="$(minstr "$build/xxgk" parse "$f")" \
      'BEGIN { printf "  %-28s %6d %7.2f / %6.2f %7.1f / %6.1f %7.1fx %10s\n", f, kb, xb / 1000, xm / 1000, pb / 1000, pm / 1000, pb / xb, mi }'
done
awk -v x=$total_x -v p=$total_p 'BEGIN { printf "  %-28s %6s %7.2f %9s %7.1f %9s %7.1fx  (goal: about 2 ms, 40x)\n", "all (sum of best runs)", "", x / 1000, "", p / 1000, "", p / x }'

echo "== PDF: xxgk parse against pdftotext -layout (whole process, CPU time)"
files=("$root"/tests/fixtures/pdf/*.pdf)
corpus=${XXGK_CORPUS:-$root/../shared/corpus/raw}
[[ -d $corpus ]] && files+=("$corpus"/*.pdf)
if ! command -v pdftotext >/dev/null; then
  echo "  pdftotext is not installed (poppler-utils): skipped"
  exit 0
fi
printf "  %-28s %6s %16s %16s %7s %12s %12s %6s\n" file KB "xxgk best/med ms" "pdftotext b/m" speedup \
  "xxgk Minstr" "pdftotext Mi" ratio
total_x=0 total_p=0
for f in "${files[@]}"; do
  read -r xb xm _ < <("$cpu" "$runs" "$build/xxgk" parse "$f")
  read -r pb pm _ < <("$cpu" "$runs" pdftotext -layout "$f" /dev/null)
  xi=$(minstr "$build/xxgk" parse "$f")
  pi=$(minstr pdftotext -layout "$f" /dev/null)
  total_x=$((total_x + xb)) total_p=$((total_p + pb))
  awk -v f="$(basename "$f")" -v kb=$(($(stat -c %s "$f") / 1024)) -v xb="$xb" -v xm="$xm" \
      -v pb="$pb" -v pm="$pm" -v xi="$xi" -v pi="$pi" \
      'BEGIN { printf "  %-28s %6d %7.2f / %6.2f %7.2f / %6.2f %6.2fx %12s %12s %5.2fx\n", f, kb, xb / 1000, xm / 1000, pb / 1000, pm / 1000, pb / xb, xi, pi, (xi > 0 ? pi / xi : 0) }'
done
awk -v x=$total_x -v p=$total_p 'BEGIN { printf "  %-28s %6s %7.2f %9s %7.2f %9s %6.2fx  (goal: 2x)\n", "all (sum of best runs)", "", x / 1000, "", p / 1000, "", p / x }'

echo "== PDF: the library alone (bench_read, in process, no start-up)"
"$build/bench/bench_read" -n 20 "${files[@]}"
