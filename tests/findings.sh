#!/usr/bin/env bash
# Findings test: `xxgk check --format json INPUT` against EXPECTED, a list
# of `LINE<TAB>SEVERITY<TAB>RULE` written by reading the report. Errors and
# warnings must match the list exactly; every listed note must be found
# (other notes are allowed: they are hints, not defects).
set -u
xxgk=$1 input=$2 expected=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$xxgk" check --format json "$input" >"$tmp/json"
rc=$?
if [[ $rc -gt 1 ]]; then echo "xxgk check exited $rc" >&2; exit 1; fi
# JSON findings → LINE<TAB>SEVERITY<TAB>RULE (the output is one object per
# line with flat finding objects, so a regular expression is enough).
grep -o '{"severity":"[a-z]*","rule":"[a-z0-9-]*"\(,"line":[0-9]*\)\?' "$tmp/json" |
  sed -E 's/\{"severity":"([a-z]+)","rule":"([a-z0-9-]+)"(,"line":([0-9]+))?/\4\t\1\t\2/' |
  awk -F'\t' '{ if ($1 == "") $1 = 0; print $1 "\t" $2 "\t" $3 }' OFS='\t' | sort -u >"$tmp/actual"
grep -v '^#' "$expected" | sort -u >"$tmp/expected"
status=0
# errors and warnings: exact
grep -vP '\tnote\t' "$tmp/expected" >"$tmp/e_strict"
grep -vP '\tnote\t' "$tmp/actual" >"$tmp/a_strict"
if ! diff -u --label "expected errors/warnings" --label "actual" "$tmp/e_strict" "$tmp/a_strict"; then
  status=1
fi
# notes: every expected one present
missing=$(grep -P '\tnote\t' "$tmp/expected" | comm -23 - "$tmp/actual")
if [[ -n "$missing" ]]; then
  echo "expected notes not reported:" >&2
  echo "$missing" >&2
  status=1
fi
# exit status per the contract: 1 when an error was found, else 0
want=0
grep -qP '\terror\t' "$tmp/expected" && want=1
if [[ $rc -ne $want ]]; then echo "exit status $rc, expected $want" >&2; status=1; fi
exit $status
