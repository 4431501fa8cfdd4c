#!/usr/bin/env bash
# Command-line tests: exit statuses (shared/spec/model.md), messages on
# stderr naming the file, standard input, and that one bad file does not
# stop the others.
set -u
xxgk=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# expect NAME STATUS COMMAND...: runs COMMAND, keeps stdout/stderr in
# $tmp/out and $tmp/err, checks the exit status.
expect() {
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -eq $want ]]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: exit $got, expected $want" >&2
    sed 's/^/  stderr: /' "$tmp/err" | head -5 >&2
  fi
}
# contains NAME FILE TEXT
contains() {
  if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: $2 lacks '$3'" >&2; sed 's/^/  | /' "$2" | head -5 >&2
  fi
}
lines() {
  local n; n=$(wc -l <"$2")
  if [[ $n -eq $3 ]]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: $n lines, expected $3" >&2; fi
}

sample=examples/002_5008492d97724081.txt

expect help 0 "$xxgk" --help
for c in parse check new render db recover case holidays serve user; do
  contains "help-lists-$c" "$tmp/out" "  $c "
done
expect parse-help 0 "$xxgk" parse --help
contains parse-help-text "$tmp/out" "--format"
expect version 0 "$xxgk" --version
expect no-command 2 "$xxgk"
expect unknown-command 2 "$xxgk" frobnicate
contains unknown-command-msg "$tmp/err" "frobnicate"
expect bad-option 2 "$xxgk" parse --bogus "$sample"
contains bad-option-hint "$tmp/err" "--help"
expect bad-format 2 "$xxgk" parse --format xml "$sample"
expect no-files 2 "$xxgk" parse

expect json 0 "$xxgk" parse "$sample"
lines json-one-line "$tmp/out" 1
contains json-meta "$tmp/out" '"meta":{"year":2020,"format":"2019"'
contains json-cell "$tmp/out" '"t2.procurement.amount":1306.14'
contains json-date "$tmp/out" '"date":"2021-01-28"'

expect blank-null 0 "$xxgk" parse examples/001_cbab459871fbb742.txt
contains blank-is-null "$tmp/out" '"t3.new.business":null'

expect stdin 0 sh -c "\"$xxgk\" parse --format cells - < $sample"
contains stdin-cells "$tmp/out" $'t3.new.natural\t2'

# Bad inputs: one line on stderr naming the file, exit 2, others still read.
: >"$tmp/empty.txt"
printf 'abc\0\001\002binary' >"$tmp/binary.bin"
printf 'caf\xe9 \xff\x80 text' >"$tmp/latin1.txt"
printf '这是一篇普通的文章。\n今天天气很好。\n' >"$tmp/prose.txt"
head -c 2000 "$sample" | head -c 1999 >"$tmp/cut.txt"
sed -n '1,130p' "$sample" >"$tmp/truncated.txt"
for f in empty.txt binary.bin latin1.txt prose.txt truncated.txt missing.txt; do
  expect "bad-$f" 2 "$xxgk" parse "$tmp/$f"
  contains "bad-$f-names-file" "$tmp/err" "$tmp/$f"
  lines "bad-$f-one-line" "$tmp/err" 1
done
expect mixed 2 "$xxgk" parse --format cells "$tmp/empty.txt" "$sample" "$tmp/binary.bin" examples/000_1500d81ea7d6f017.txt
contains mixed-first-good "$tmp/out" "$sample"$'\tmeta.year\t2020'
contains mixed-second-good "$tmp/out" $'examples/000_1500d81ea7d6f017.txt\tmeta.body\t荷湖乡'
lines mixed-two-errors "$tmp/err" 2

# A GB18030 copy of a sample reads the same as the UTF-8 original.
iconv -f UTF-8 -t GB18030 "$sample" >"$tmp/gb.txt"
"$xxgk" parse --format cells "$sample" >"$tmp/a"
expect gb18030 0 "$xxgk" parse --format cells "$tmp/gb.txt"
if cmp -s "$tmp/a" "$tmp/out"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL gb18030 differs" >&2; fi

# A byte that is neither UTF-8 nor GB18030 is an encoding error, not "an
# empty file"; UTF-16 (Notepad's "Unicode", BOM or not) is read as text.
printf '\xff' >"$tmp/ff.txt"
expect lone-ff 2 "$xxgk" parse "$tmp/ff.txt"
contains lone-ff-encoding "$tmp/err" "编码无法识别"
if grep -qF "文件为空" "$tmp/err"; then fail=$((fail + 1)); echo "FAIL lone-ff called empty" >&2; else pass=$((pass + 1)); fi
for enc in UTF-16 UTF-16LE UTF-16BE; do
  iconv -f UTF-8 -t $enc "$sample" >"$tmp/$enc.txt"
  expect utf16-$enc 0 "$xxgk" parse --format cells "$tmp/$enc.txt"
  if cmp -s "$tmp/a" "$tmp/out"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $enc cells differ" >&2; fi
done

# Writing to a full device is an error, not silent data loss.
if [[ -w /dev/full ]]; then
  expect stdout-full 2 sh -c "\"$xxgk\" parse $sample > /dev/full"
  # render to a full standard output: the message says where, and why
  for to in txt docx xlsx; do
    expect render-stdout-full-$to 2 sh -c "\"$xxgk\" render $sample --to $to > /dev/full"
    contains render-stdout-full-$to-where "$tmp/err" "标准输出"
    contains render-stdout-full-$to-why "$tmp/err" "磁盘空间不足"
    lines render-stdout-full-$to-one-line "$tmp/err" 1
  done
fi

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
