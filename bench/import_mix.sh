#!/usr/bin/env bash
# The import benchmark of issue 15: `xxgk db import` of a mix like the
# shared corpus (HTML pages, crawler text dumps, text PDFs), each file
# varied so that none repeats (bench/gen_mix.sh), into a new store, with
# one parsing thread per core.
#
# The machine's two cores are shared with other work, so besides the
# wall time the figures say what the CPU time (user + system) allows:
# reports/s on two free cores = files / (CPU seconds / 2). Each size is
# imported twice, the faster kept. Then the same at twice the files, for
# how memory grows with their number; and the mix without its PDFs, for
# what the rest costs (PDF reading is measured on its own in bench.sh).
#   bench/import_mix.sh BUILD_DIR
# Environment: BENCH_MIX (files, default 2100), XXGK_CORPUS (the corpus).
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${XXGK_CORPUS:-$root/../shared/corpus/raw}
n=${BENCH_MIX:-2100}
dir=$build/bench-mix
xxgk=$build/xxgk
if [[ ! -d $corpus ]]; then
  echo "== import of the corpus mix: skipped ($corpus not found; set XXGK_CORPUS)"
  exit 0
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "== import of the corpus mix: skipped (GNU time not installed: apt-get install time)"
  exit 0
fi
mkdir -p "$dir"
make_mix() { # NAME FILES [SOURCE_DIR]
  # made again when an earlier run made it of another size or source
  local made="$2 ${3:-$corpus}"
  [[ -f $dir/$1/.ready && $(cat "$dir/$1/.ready") == "$made" ]] && return
  rm -rf "$dir/$1"
  "$root/bench/gen_mix.sh" "${3:-$corpus}" "$dir/$1" "$2"
  echo "$made" >"$dir/$1/.ready"
}
make_mix mix "$n"
make_mix mix2 $((2 * n))
mkdir -p "$dir/nopdf-src"
for f in "$corpus"/*; do
  [[ $f == *.pdf ]] || ln -sf "$f" "$dir/nopdf-src/"
done
make_mix nopdf "$n" "$dir/nopdf-src"

# import NAME: "wall cpu peak_kb" of the faster of two imports into a new store
import() {
  local best= t
  for _ in 1 2; do
    rm -f "$dir/store.db" "$dir/store.db-wal" "$dir/store.db-shm"
    /usr/bin/time -f '%e %U %S %M' -o "$dir/time" "$xxgk" db --db "$dir/store.db" import --quiet \
      "$dir/$1" >/dev/null 2>&1 || true
    t=$(tail -1 "$dir/time" | awk '{ printf "%s %.2f %s", $1, $2 + $3, $4 }')
    if [[ -z $best ]] || awk -v a="${t#* }" -v b="${best#* }" 'BEGIN { exit !(a + 0 < b + 0) }'; then
      best=$t
    fi
  done
  echo "$best"
}

report() { # LABEL FILES "wall cpu peak"
  awk -v l="$1" -v n="$2" -v w="${3%% *}" -v rest="${3#* }" 'BEGIN {
    split(rest, a, " "); c = a[1]; m = a[2]
    printf "   %-28s %5d files  %6.2f s wall (%4.0f/s)  CPU %6.2f s: %4.0f reports/s on two free cores; peak %5.1f MB\n",
           l, n, w, n / w, c, n / (c / 2), m / 1024 }'
}

echo "== db import of the corpus mix ($corpus: HTML, crawler text, PDF; every file varied)"
one=$(import mix)
report "mix" "$n" "$one"
two=$(import mix2)
report "mix, twice the files" $((2 * n)) "$two"
awk -v n="$n" -v a="${one##* }" -v b="${two##* }" 'BEGIN {
  printf "   memory: %+.2f KB per file more from %d to %d files\n", (b - a) / n, n, 2 * n }'
report "mix without its PDFs" "$n" "$(import nopdf)"
echo "   store: $(du -h "$dir/store.db" | cut -f1) for the last"
