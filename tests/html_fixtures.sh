#!/usr/bin/env bash
# The HTML fixtures of the samples are what scripts/text2html.py makes of
# examples/*.txt today (so that they cannot drift from the samples).
# Skipped (exit 77) without python3 or opencc, which only this check needs.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
command -v python3 >/dev/null && command -v opencc >/dev/null || {
  echo "html_fixtures.sh: python3 or opencc missing — skipped" >&2
  exit 77
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/scripts/text2html.py" "$here/examples" "$tmp" || exit 1
diff -r "$here/tests/fixtures/html/samples" "$tmp" >/dev/null || {
  echo "tests/fixtures/html/samples is out of date: run scripts/text2html.py" >&2
  exit 1
}
