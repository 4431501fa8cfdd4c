#!/usr/bin/env bash
# Round trip against the hand-written golden files: renders the model
# tests/fixtures/models/NAME.json (made from golden NAME.cells) in FORMAT
# and expects `xxgk parse --format cells` of the result to be the golden
# file exactly. Usage: roundtrip_golden.sh XXGK MODEL GOLDEN FORMAT
set -u
xxgk=$1 model=$2 golden=$3 format=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out="$tmp/report.$format"
# --force: some goldens are real reports with arithmetic errors, which
# must come back as they are.
if ! "$xxgk" render --force "$model" -o "$out" 2>"$tmp/err"; then
  echo "xxgk render failed on $model:" >&2
  cat "$tmp/err" >&2
  exit 1
fi
if ! "$xxgk" parse --format cells "$out" >"$tmp/actual"; then
  echo "xxgk parse failed on the rendered $format of $model" >&2
  exit 1
fi
diff -u --label "expected $golden" --label "parse(render($model, $format))" "$golden" "$tmp/actual"
