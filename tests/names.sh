#!/usr/bin/env bash
# File names as the file system has them (issue 15, item 9): a name that
# is not UTF-8 keeps JSON output valid (its bad bytes become U+FFFD,
# docs/model.md), and a newline or escape character in a name never
# splits a line of human or tab-separated output (written \n, \xHH).
# Run from the source directory.
set -u
xxgk=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"
# valid_json NAME FILE: every line is JSON, in valid UTF-8
valid_json() {
  if ! iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1; then
    bad "$1: output is not valid UTF-8"; return
  fi
  if command -v python3 >/dev/null; then
    if python3 -c 'import json, sys
for line in open(sys.argv[1], "rb"):
    json.loads(line.decode("utf-8"))' "$2" 2>/dev/null; then ok; else bad "$1: not valid JSON"; fi
  elif command -v jq >/dev/null; then
    if jq -e . "$2" >/dev/null 2>&1; then ok; else bad "$1: not valid JSON"; fi
  else
    echo "names.sh: neither python3 nor jq: JSON syntax not checked" >&2
  fi
}

clean=examples/002_5008492d97724081.txt     # no error findings
with_errors=examples/000_1500d81ea7d6f017.txt  # error findings, on lines

# ---- not UTF-8: Latin-1 é and a lone 0xFF in the name ------------------------
latin=$tmp/$'rapport-\xe9t\xe9-\xff.txt'
cp "$with_errors" "$latin"
expect parse-latin-name 0 "$xxgk" parse "$latin"
valid_json parse-latin-json "$tmp/out"
contains parse-latin-replaced "$tmp/out" '"file":"'"$tmp"'/rapport-�t�-�.txt"'
expect check-latin-name 1 "$xxgk" check --format json "$latin"
valid_json check-latin-json "$tmp/out"
expect check-latin-human 1 "$xxgk" check --brief "$latin"
contains check-latin-human-escaped "$tmp/out" "$tmp/rapport-\\xE9t\\xE9-\\xFF.txt:"
db=$tmp/names.db
expect import-latin 1 "$xxgk" db --db "$db" import -q "$latin"
expect show-latin-json 1 "$xxgk" db --db "$db" show --format json
valid_json show-latin-json-valid "$tmp/out"
expect show-latin-findings 1 "$xxgk" db --db "$db" show --format findings
valid_json show-latin-findings-valid "$tmp/out"

# ---- a newline and an escape character in the name --------------------------
nl=$tmp/$'two\nlines\e[31m.txt'
# Another body's report (the store counts one per body and year), one
# line longer: not the same content as $latin.
{ sed 's/荷湖乡/荷花乡/g' "$with_errors"; echo; } >"$nl"
expect check-newline 1 "$xxgk" check --brief "$nl"
n=$(grep -c -v '^ ' "$tmp/out")   # the lines of findings ("  = …" lines follow some)
m=$(grep -c "^$tmp/two\\\\nlines\\\\x1B\\[31m.txt:[0-9]*:* " "$tmp/out")
if [[ $n -gt 0 && $n -eq $m ]]; then ok; else bad "check-newline: $m of $n lines start with the escaped name"; sed 's/^/  | /' "$tmp/out" | head -4 >&2; fi
if grep -q $'\e' "$tmp/out"; then bad "check-newline: an escape character reached the output"; else ok; fi
expect check-newline-json 1 "$xxgk" check --format json "$nl"
valid_json check-newline-json-valid "$tmp/out"
lines check-newline-json-one-line "$tmp/out" 1
# Several files: the cells' FILE<TAB> prefix stays one field of one line.
expect parse-cells-newline 0 "$xxgk" parse --format cells "$nl" "$clean"
bad_lines=$(awk -F'\t' 'NF != 3' "$tmp/out" | wc -l)
if [[ $bad_lines -eq 0 ]]; then ok; else bad "parse-cells-newline: $bad_lines lines without three fields"; fi
contains parse-cells-newline-prefix "$tmp/out" "$tmp/two\\nlines\\x1B[31m.txt"$'\tmeta.year\t2020'
# Messages about such a file are one line.
expect missing-newline 2 "$xxgk" parse "$tmp/$'no\nsuch'.txt"
lines missing-newline-one-line "$tmp/err" 1
expect import-newline 1 "$xxgk" db --db "$db" import -q "$nl"
expect list-newline 0 "$xxgk" db --db "$db" list
lines list-newline-rows "$tmp/out" 3

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
