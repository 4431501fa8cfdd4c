#!/usr/bin/env bash
# The main job on the bundled sample reports: read each one, show what was
# found, then check them all against the format and the 条例.
set -u
xxgk=${1:-build/xxgk}
cd "$(dirname "$0")/.."
if [[ ! -f $xxgk || ! -x $xxgk ]]; then
  echo "demo: $xxgk is not built; run make demo" >&2
  exit 2
fi
echo "== xxgk parse: the five bundled sample reports (examples/)"
for f in examples/*.txt; do
  "$xxgk" parse --format cells "$f" | awk -F'\t' -v f="$f" '
    /^meta\./ { m[$1] = $2; next }
    { n++; if ($2 == "") blank++ }
    END { printf "%-34s %s年 %s格式 %-22s %3d 栏（空白 %d）\n", f, m["meta.year"],
          m["meta.format"], m["meta.body"], n, blank + 0 }'
done
echo
echo "== xxgk check --severity warning: what is wrong in them, and where"
"$xxgk" check --severity warning examples/*.txt
status=$?
echo
echo "(xxgk check exits $status: 1 means some report has errors, as four of the five do.)"

echo
echo "== xxgk db: the five reports in a store, what went wrong across them"
store=$(mktemp -d)/demo.db
"$xxgk" db --db "$store" import examples/
"$xxgk" db --db "$store" stats | sed -n '/问题/,$p' | head -20
rm -rf "$(dirname "$store")"
exit 0
