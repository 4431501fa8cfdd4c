#!/usr/bin/env bash
# Memory per input (issue 15, item 5): text just under the 64 MB input
# limit must not need more than a small multiple of itself, whatever its
# shape. Before the limits on lines, blocks and cells, 60 MB of one-digit
# lines took 9 GB and half a minute before being refused; a line of table
# cells, rows of them, short paragraphs and a crawler dump did the same in
# their own ways.
#
# Each input is made here (about 60 MB, one at a time), read by `xxgk
# parse` and `xxgk check` under /usr/bin/time, and held to:
#   - the exit status and message expected of it (refused as no report, or
#     read: a real report padded out to 60 MB is still a report);
#   - peak resident memory at most BOUND_FACTOR times the input plus 64 MB
#     (the program itself, its libraries, the template index).
# Under the sanitizers the allocator's shadow and quarantine add their
# own multiple: the bound is then 16 times plus 512 MB, still far below
# what the inputs took before.
#   tests/memory_bound.sh XXGK [sanitized]    (run from the source directory)
set -u
xxgk=$1
sanitized=${2:-0}
[[ $sanitized == 1 ]] || sanitized=0
if [[ ! -x /usr/bin/time ]]; then
  echo "SKIP: /usr/bin/time (GNU time) is not installed; apt-get install time"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*" >&2; }

if ((sanitized)); then factor=16 base=$((512 * 1024)); else factor=6 base=$((64 * 1024)); fi

# run NAME FILE WANT_STATUS MESSAGE: parse and check FILE, each within the
# bound, with status WANT_STATUS ("0or1": read, errors or not) and, when
# MESSAGE is not empty, that text in the error output.
run() {
  local name=$1 file=$2 want=$3 message=$4
  local size_kb=$(($(stat -c %s "$file") / 1024))
  local bound=$((factor * size_kb + base))
  for cmd in parse check; do
    /usr/bin/time -f '%M' -o "$tmp/rss" "$xxgk" "$cmd" "$file" >/dev/null 2>"$tmp/err"
    local got=$? rss
    rss=$(tail -1 "$tmp/rss")
    if [[ $want == 0or1 ]]; then
      if ((got == 0 || got == 1)); then ok; else bad "$name $cmd: exit $got, expected 0 or 1"; fi
    elif ((got == want)); then ok; else bad "$name $cmd: exit $got, expected $want"; fi
    if [[ -n $message ]]; then
      if grep -qF -- "$message" "$tmp/err"; then ok; else
        bad "$name $cmd: no '$message' in"; head -3 "$tmp/err" | sed 's/^/  | /' >&2
      fi
    fi
    if [[ $rss =~ ^[0-9]+$ ]] && ((rss <= bound)); then ok; else
      bad "$name $cmd: peak memory $rss KB for $size_kb KB of input (bound $bound KB)"
    fi
    printf '  %-22s %-5s %7d KB input  %8s KB peak  (%s)\n' "$name" "$cmd" "$size_kb" "$rss" \
      "$(head -1 "$tmp/err" | cut -c1-80)"
  done
  rm -f "$file"
}

f=$tmp/in.txt
# The issue's case: 60 MB of lines holding one digit.
yes 7 | head -c 60000000 >"$f"
run digit-lines "$f" 2 "行数过多"

# One line of 30 million table cells.
{ yes '|1' | head -n 30000000 | tr -d '\n'; echo '|'; } >"$f"
run one-line-of-cells "$f" 2 "表格单元格过多"

# Rows of 149 cells, under the line limit: the cell limit stops them.
awk 'BEGIN { l = "|"; for (i = 0; i < 149; i++) l = l "1|"; for (j = 0; j < 199000; j++) print l }' >"$f"
run rows-of-cells "$f" 2 "表格单元格过多"

# Short paragraphs, under the line limit: read through, no report.
awk 'BEGIN { p = ""; for (i = 0; i < 16; i++) p = p "政府信息公开"; p = p "。"
             for (j = 0; j < 199000; j++) print p }' >"$f"
run paragraphs "$f" 2 "不是政府信息公开工作年度报告"

# A real report (sample 001) with every line padded to 300 bytes and the
# whole repeated to 60 MB, under the line limit: it is read.
awk '{ l[n++] = $0 } END { for (j = 0; j < 199000; j++) { s = l[j % n]
        while (length(s) < 300) s = s " "; print s } }' examples/001_cbab459871fbb742.txt >"$f"
run padded-report "$f" 0or1 ""

# A crawler dump whose body is repeated to 60 MB (one long line of body).
awk 'NR <= 5 { print; next } { body = body $0 " " }
     END { n = int(60000000 / length(body)); for (i = 0; i < n; i++) printf "%s", body; print "" }' \
  tests/fixtures/crawl/crawl_2019.txt >"$f"
run crawler-dump "$f" 0or1 ""

echo "memory_bound: $pass passed, $fail failed"
((fail == 0))
