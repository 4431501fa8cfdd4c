#!/usr/bin/env bash
# Runs the libFuzzer harnesses of fuzz/ one after another, each for
# SECONDS (default 60), niced, seeded with the samples, the test fixtures
# and the corpus (../shared/corpus/raw, when present). The corpus each
# harness grows is kept in BUILD/fuzz-corpus/NAME between runs; a finding
# is written to BUILD/fuzz-artifacts/ and stops the run with status 1.
#   scripts/fuzz.sh BUILD_DIR [SECONDS] [HARNESS...]
set -uo pipefail
build=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS] [HARNESS...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
root=$(cd "$(dirname "$0")/.." && pwd)
corpus_raw=${XXGK_CORPUS:-$root/../shared/corpus/raw}
harnesses=("$@")
[[ ${#harnesses[@]} -eq 0 ]] && harnesses=(fuzz_text fuzz_html fuzz_docx fuzz_docx_xml fuzz_xlsx fuzz_pdf fuzz_pdf_fast fuzz_pdf_layout fuzz_serve_parse)

# Undefined behaviour is a finding too, not a line in the log.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1

seed_dir=$build/fuzz-seeds
mkdir -p "$seed_dir" "$build/fuzz-artifacts"

# Seeds: files of the kind each harness reads.
seeds() {
  local name=$1 dir=$seed_dir/$1
  rm -rf "$dir"
  mkdir -p "$dir"
  case $name in
    fuzz_text)
      cp "$root"/examples/*.txt "$root"/tests/golden/layouts/*.txt "$root"/tests/golden/layouts/*.md "$dir"/
      # converted text of every layout (crawler dumps, HTML tables in Markdown)
      cp "$root"/tests/fixtures/layouts11/*.md "$dir"/
      [[ -d $corpus_raw ]] && cp "$corpus_raw"/*.txt "$dir"/ 2>/dev/null ;;
    fuzz_html)
      [[ -d $corpus_raw ]] && cp "$corpus_raw"/*.html "$dir"/ 2>/dev/null
      cp "$root"/tests/fixtures/html/*.html "$dir"/ 2>/dev/null
      cp "$root"/tests/fixtures/tree/*.html "$dir"/ 2>/dev/null ;;
    fuzz_docx|fuzz_docx_xml)
      for txt in "$root"/examples/*.txt; do
        "$build/tests/make_docx" "$txt" "$dir/$(basename "${txt%.txt}").docx" || continue
      done
      for docx in "$root"/tests/fixtures/docx/*.docx; do
        cp "$docx" "$dir/lo-$(basename "$docx")"
      done
      if [[ $name == fuzz_docx_xml ]]; then
        for docx in "$dir"/*.docx; do
          unzip -p "$docx" word/document.xml > "${docx%.docx}.xml" && rm "$docx"
        done
      fi ;;
    fuzz_xlsx)
      # the sheets of fill-in workbooks of both formats, and a plain one
      local book=$dir/book.xlsx year
      for year in 2020 2024; do
        "$build/xxgk" new --year $year --body 青山镇人民政府 --date $((year + 1))-01-20 \
          -o "$book" -f >/dev/null 2>&1 || continue
        for part in sheet1 sheet2 sheet3 sheet4; do
          unzip -p "$book" "xl/worksheets/$part.xml" > "$dir/$year-$part.xml" 2>/dev/null
        done
        unzip -p "$book" xl/sharedStrings.xml > "$dir/$year-strings.xml" 2>/dev/null
      done
      rm -f "$book"
      for x in "$root"/tests/fixtures/xlsx/*.xlsx; do
        [[ -f $x ]] && unzip -p "$x" xl/worksheets/sheet1.xml > "$dir/fixture-$(basename "$x" .xlsx).xml"
      done ;;
    fuzz_pdf|fuzz_pdf_fast)
      cp "$root"/tests/fixtures/pdf/*.pdf "$dir"/
      [[ -d $corpus_raw ]] && cp "$corpus_raw"/*.pdf "$dir"/ 2>/dev/null ;;
    fuzz_pdf_layout) ;; # structured bytes, grown from nothing
    fuzz_serve_parse) ;; # the seeds of fuzz/seeds/
  esac
  cp "$root"/fuzz/seeds/"$name"-* "$dir"/ 2>/dev/null
  true
}

status=0
for name in "${harnesses[@]}"; do
  exe=$build/fuzz/$name
  [[ -x $exe ]] || { echo "fuzz.sh: $exe not built (make fuzz)" >&2; exit 2; }
  seeds "$name"
  work=$build/fuzz-corpus/$name
  mkdir -p "$work"
  max_len=65536
  [[ $name == fuzz_pdf || $name == fuzz_pdf_fast ]] && max_len=600000
  echo "== $name: $seconds s" >&2
  if ! nice -n 10 "$exe" -max_total_time="$seconds" -max_len="$max_len" -timeout=20 \
       -rss_limit_mb=3072 -print_final_stats=1 \
       -artifact_prefix="$build/fuzz-artifacts/$name-" "$work" "$seed_dir/$name" \
       2> "$build/fuzz-artifacts/$name.log"; then
    echo "fuzz.sh: $name found a problem; see $build/fuzz-artifacts/$name.log" >&2
    status=1
  fi
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)" \
    "$build/fuzz-artifacts/$name.log" >&2 || true
done
exit $status
