#!/usr/bin/env bash
# The main job on the bundled sample reports: read each one and show what
# was found. (Issue by issue this grows: check, render, store.)
set -u
xxgk=${1:-build/xxgk}
cd "$(dirname "$0")/.."
echo "== xxgk parse: the five bundled sample reports (examples/)"
for f in examples/*.txt; do
  "$xxgk" parse --format cells "$f" | awk -F'\t' -v f="$f" '
    /^meta\./ { m[$1] = $2; next }
    { n++; if ($2 == "") blank++ }
    END { printf "%-34s %s年 %s格式 %-22s %3d 栏（空白 %d）\n", f, m["meta.year"],
          m["meta.format"], m["meta.body"], n, blank }'
done
