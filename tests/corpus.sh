#!/usr/bin/env bash
# The HTML pages of the shared corpus are read as tests/corpus.expected
# says: every cell placed, the tables' arithmetic as published. Skipped
# (exit 77) when the corpus is not there.
set -u
xxgk=$1
here=$(cd "$(dirname "$0")/.." && pwd)
out=$("$here/scripts/corpus.sh" "$xxgk")
rc=$?
[[ $rc -eq 77 ]] && exit 77
[[ $rc -ne 0 ]] && { echo "scripts/corpus.sh exited $rc" >&2; exit 1; }
diff -u --label expected --label actual \
  <(grep -v '^#' "$here/tests/corpus.expected") \
  <(awk 'NR > 1 && $2 == "html" { print $1 "\t" $5 "\t" $6 "\t" $7 }' <<<"$out")
