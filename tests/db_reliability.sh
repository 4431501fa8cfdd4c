#!/usr/bin/env bash
# The store under trying conditions (issue 15, items 3, 6, 7 and 10): two
# imports started together on a new store, queries that would never end,
# BLOBs, what import passes over, exit statuses that do not depend on what
# the store held, a store on a read-only file system, ids out of range.
# Run from the source directory.
set -u
xxgk=$1
tmp=$(mktemp -d)
mnt=
cleanup() {
  [[ -n $mnt ]] && umount "$mnt" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

# Samples 002 and 003 have no error-severity finding (tests/golden/samples),
# 000 has errors.
clean1=examples/002_5008492d97724081.txt
clean2=examples/003_67fd554f9e32afcc.txt
with_errors=examples/000_1500d81ea7d6f017.txt

# ---- item 3: two imports started together on a store that does not exist --
for round in 1 2 3 4 5; do
  db=$tmp/race$round.db
  "$xxgk" db --db "$db" import -q "$clean1" >"$tmp/o1" 2>"$tmp/e1" &
  first=$!
  "$xxgk" db --db "$db" import -q "$clean2" >"$tmp/o2" 2>"$tmp/e2"
  s2=$?
  wait $first
  s1=$?
  equal "race$round-statuses" "$s1 $s2" "0 0"
  cat "$tmp/e1" "$tmp/e2" >"$tmp/race-err"
  lacks "race$round-no-not-an-error" "$tmp/race-err" "not an error"
  n=$("$xxgk" db --db "$db" query "SELECT count(*) FROM report" 2>/dev/null | tail -1)
  equal "race$round-both-stored" "$n" 2
done

# ---- item 4: sums over the store never wrap ---------------------------------
# Two reports of 2023 whose 本年新收 总计 is 9e18 each (the pipe layout
# golden file, that row changed; the second also in its prose, so that it
# is a different file), and one with -9e18. Each is another body's: the
# store counts one report per body and year.
layout=tests/golden/layouts/pipe_2021.txt
row='一、本年新收政府信息公开申请数量|23|6|0|1|2|0|32件'
sed "s/$row/一、本年新收政府信息公开申请数量|23|6|0|1|2|0|9000000000000000000件/" "$layout" >"$tmp/huge1.txt"
sed -e "s/$row/一、本年新收政府信息公开申请数量|23|6|0|1|2|0|9000000000000000000件/" \
    -e 's/所有申请均在法定期限内答复/所有申请均按时答复/' \
    -e 's/云溪县市场监督管理局/云溪县自然资源局/g' "$layout" >"$tmp/huge2.txt"
sed -e "s/$row/一、本年新收政府信息公开申请数量|23|6|0|1|2|0|-9000000000000000000件/" \
    -e 's/云溪县市场监督管理局/云溪县交通运输局/g' "$layout" >"$tmp/minus.txt"
db=$tmp/huge.db
expect huge-import 1 "$xxgk" db --db "$db" import -q "$tmp/huge1.txt" "$tmp/huge2.txt" "$tmp/minus.txt"
id1=$("$xxgk" db --db "$db" query "SELECT id FROM report WHERE path LIKE '%huge1.txt'" | tail -1)
id2=$("$xxgk" db --db "$db" query "SELECT id FROM report WHERE path LIKE '%huge2.txt'" | tail -1)
id3=$("$xxgk" db --db "$db" query "SELECT id FROM report WHERE path LIKE '%minus.txt'" | tail -1)
expect huge-implausible 0 "$xxgk" db --db "$db" list --rule cell-implausible
lines huge-implausible-three "$tmp/out" 4
# stats: a wrapped, negative total was printed; now the sum is refused,
# naming the report and the cell, and excluding that report works.
expect huge-stats 2 "$xxgk" db --db "$db" stats --where "report.id <> $id3"
contains huge-stats-reason "$tmp/err" "超出可表示的范围"
contains huge-stats-cell "$tmp/err" "t3.new.total"
lacks huge-stats-not-negative "$tmp/out" $'2023\t2\t-'
expect huge-stats-excluded 0 "$xxgk" db --db "$db" stats --where "report.id NOT IN ($id2, $id3)"
contains huge-stats-excluded-total "$tmp/out" $'2023\t1\t9000000000000000000\t2'
expect huge-rollup 2 "$xxgk" db --db "$db" rollup --year 2023 --where "report.id <> $id3"
contains huge-rollup-cell "$tmp/err" "t3.new.total"
contains huge-rollup-report "$tmp/err" "报告 $id2"
# diff: 9e18 − (−9e18) does not fit in 64 bits.
expect huge-diff 0 "$xxgk" db --db "$db" diff "$id3" "$id1"
contains huge-diff-range "$tmp/out" $'t3.new.total\t-9000000000000000000\t9000000000000000000\t（超出可计算的范围）'

# ---- item 6: queries that would never end; BLOBs ---------------------------
db=$tmp/race1.db
forever="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
start=$SECONDS
expect query-forever 2 timeout 20 "$xxgk" db --db "$db" query --timeout 1 "$forever SELECT count(*) FROM c"
contains query-forever-says "$tmp/err" "时间限制"
contains query-forever-names-db "$tmp/err" "$db"
expect query-endless-rows 2 timeout 20 "$xxgk" db --db "$db" query --timeout 1 "$forever SELECT x FROM c"
contains query-endless-rows-says "$tmp/err" "时间限制"
expect where-forever 2 timeout 20 "$xxgk" db --db "$db" list --timeout 1 --where "($forever SELECT count(*) FROM c) > 0"
contains where-forever-says "$tmp/err" "时间限制"
expect stats-where-forever 2 timeout 20 "$xxgk" db --db "$db" stats --timeout 1 --where "($forever SELECT count(*) FROM c) > 0"
contains stats-where-forever-says "$tmp/err" "时间限制"
(( SECONDS - start < 15 )) && ok || bad "the time-limited queries took $((SECONDS - start)) s"
expect timeout-usage 2 "$xxgk" db --db "$db" query --timeout soon "SELECT 1"
# A finite query is not cut short, and --timeout 0 lifts the limit.
expect query-finite 0 "$xxgk" db --db "$db" query --timeout 0 "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) SELECT count(*) FROM c"
equal query-finite-count "$(tail -1 "$tmp/out")" 100000
# BLOBs as hex; control characters escaped.
expect query-blob 0 "$xxgk" db --db "$db" query "SELECT x'00ff41' AS b, 'a' || char(27) || '[31m' || char(92) AS t"
equal query-blob-hex "$(tail -1 "$tmp/out")" "X'00FF41'	a\x1B[31m\\\\"

# ---- item 7: FIFOs do not block; what import passes over it says -----------
mkdir -p "$tmp/mixed/sub"
cp "$clean1" "$tmp/mixed/report.txt"
cp "$clean2" "$tmp/mixed/sub/report2.txt"
mkfifo "$tmp/mixed/pipe.txt"
echo notes >"$tmp/mixed/notes.xyz"
echo image >"$tmp/mixed/sub/scan.jpg"
echo hidden >"$tmp/mixed/.draft.txt"
ln -s "$PWD/examples" "$tmp/mixed/linked"
ln -s nowhere.txt "$tmp/mixed/dangling.txt"
db=$tmp/mixed.db
expect import-mixed 0 timeout 20 "$xxgk" db --db "$db" import "$tmp/mixed"
contains import-mixed-two "$tmp/out" "新增 2"
contains import-skip-fifo "$tmp/err" "$tmp/mixed/pipe.txt: 跳过：不是普通文件"
contains import-skip-linked-dir "$tmp/err" "$tmp/mixed/linked: 跳过：指向目录的符号链接"
contains import-skip-dangling "$tmp/err" "$tmp/mixed/dangling.txt: 跳过：符号链接"
contains import-skip-extensions "$tmp/err" "跳过 2 个扩展名不是报告的文件（.xyz 1 个，.jpg 1 个）和 1 个隐藏文件"
lines import-skip-lines "$tmp/err" 4
# A FIFO named on the command line: refused at once, not waited on.
expect import-fifo-named 2 timeout 20 "$xxgk" db --db "$db" import "$tmp/mixed/pipe.txt" "$clean1"
contains import-fifo-named-why "$tmp/err" "命名管道"
contains import-fifo-named-others "$tmp/out" "未变 1"
# check: a FIFO nobody writes to does not block the run; the other file
# is checked; a device is refused; a pipe with a writer (<(…)) is read.
expect check-fifo 2 timeout 20 "$xxgk" check "$tmp/mixed/pipe.txt" "$clean1"
contains check-fifo-why "$tmp/err" "$tmp/mixed/pipe.txt: 是命名管道（FIFO），没有读到数据"
contains check-fifo-others "$tmp/err" "共检查 1 份报告"
expect check-device 2 timeout 20 "$xxgk" check /dev/zero
contains check-device-why "$tmp/err" "字符设备"
expect check-process-substitution 0 timeout 20 "$xxgk" check <(cat "$clean1")
contains check-process-substitution-read "$tmp/err" "共检查 1 份报告"

# ---- item 10: exit statuses, read-only media, ids out of range -------------
# The same files give the same status, whatever the store held.
db=$tmp/again.db
for round in first second third; do
  expect import-errors-$round 1 "$xxgk" db --db "$db" import -q "$with_errors"
  expect import-clean-$round 0 "$xxgk" db --db "$db" import -q "$clean1"
done
expect import-both-again 1 "$xxgk" db --db "$db" import -q "$clean1" "$with_errors"

# A store on a read-only file system (a tmpfs remounted read-only, where
# root can mount one) is listed, shown and queried; never "not an SQLite
# database". A file that is not SQLite at all is called so.
mkdir "$tmp/ro"
if mount -t tmpfs -o size=16m tmpfs "$tmp/ro" 2>/dev/null; then
  mnt=$tmp/ro
  "$xxgk" db --db "$tmp/ro/r.db" import -q examples >/dev/null 2>&1
  if mount -o remount,ro "$tmp/ro" 2>/dev/null; then
    expect ro-list 0 "$xxgk" db --db "$tmp/ro/r.db" list
    lines ro-list-rows "$tmp/out" 6
    lacks ro-list-not-called-junk "$tmp/err" "不是 SQLite"
    expect ro-query 0 "$xxgk" db --db "$tmp/ro/r.db" query "SELECT count(*) FROM current_report"
    equal ro-query-count "$(tail -1 "$tmp/out")" 5
    expect ro-show 0 "$xxgk" db --db "$tmp/ro/r.db" show --format cells 3
    expect ro-export 0 "$xxgk" db --db "$tmp/ro/r.db" export --to csv
    lines ro-export-rows "$tmp/out" 6
    expect ro-import 2 "$xxgk" db --db "$tmp/ro/r.db" import -q "$clean1"
    contains ro-import-why "$tmp/err" "不可写"
    lacks ro-import-not-called-junk "$tmp/err" "不是 SQLite"
  else
    echo "db_reliability: cannot remount read-only: read-only store tests skipped" >&2
  fi
  umount "$tmp/ro" && mnt=
else
  echo "db_reliability: cannot mount a tmpfs here: read-only store tests skipped" >&2
fi
echo "this is text, not a database" >"$tmp/junk.db"
expect junk-store 2 "$xxgk" db --db "$tmp/junk.db" list
contains junk-store-says "$tmp/err" "不是 SQLite 数据库"

# An id beyond 64 bits is refused, not clamped to 9223372036854775807.
expect show-huge-id 2 "$xxgk" db --db "$tmp/again.db" show 99999999999999999999
contains show-huge-id-range "$tmp/err" "超出报告编号的范围"
lacks show-huge-id-not-clamped "$tmp/err" "9223372036854775807"
expect show-max-id 2 "$xxgk" db --db "$tmp/again.db" show 9223372036854775807
contains show-max-id-none "$tmp/err" "9223372036854775807"

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
