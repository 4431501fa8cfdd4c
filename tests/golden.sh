#!/usr/bin/env bash
# Golden test: `xxgk parse --format cells INPUT` must print EXPECTED
# exactly. On a difference, shows the unified diff (expected → actual).
set -u
xxgk=$1 input=$2 expected=$3
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$xxgk" parse --format cells "$input" >"$actual"
rc=$?
if [[ $rc -ne 0 ]]; then
  echo "xxgk parse exited $rc on $input" >&2
  exit 1
fi
if ! diff -u --label "expected $expected" --label "actual" "$expected" "$actual"; then
  exit 1
fi
