#!/usr/bin/env bash
# Where output goes (issue 15, items 1, 2 and 10): render, new and db
# export never replace what is not a regular file (FIFOs and devices are
# written in place, symbolic links followed), never overwrite without -f,
# write atomically, name the file and the reason when writing fails, and
# leave no temporary file behind, not even when interrupted. Run from the
# source directory.
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
is() { if test "${@:2}"; then ok; else bad "$1: test ${*:2} is false ($(ls -ld "${@: -1}" 2>&1))"; fi; }
# no_temporary NAME DIR: no hidden temporary file (".NAME.XXXXXX") left in DIR
no_temporary() {
  local left
  left=$(find "$2" -maxdepth 1 -name '.*.??????' | head -3)
  if [[ -z $left ]]; then ok; else bad "$1: temporary files left: $left"; fi
}

sample=examples/002_5008492d97724081.txt
body=姚集镇人民政府   # the issuing body named in the sample

# ---- item 1: render and new into what is not a regular file ---------------

# A FIFO is written through, not replaced by a regular file.
mkfifo "$tmp/pipe"
timeout 10 cat "$tmp/pipe" >"$tmp/from-pipe" &
reader=$!
expect render-fifo 0 timeout 10 "$xxgk" render "$sample" --to txt -f -o "$tmp/pipe"
wait $reader
is render-fifo-stays-fifo -p "$tmp/pipe"
contains render-fifo-content "$tmp/from-pipe" "$body"
[[ -p $tmp/pipe ]] || rm -f "$tmp/pipe"

# `new` the same, and without -f: nothing is overwritten.
[[ -p $tmp/pipe ]] || mkfifo "$tmp/pipe"
timeout 10 cat "$tmp/pipe" >"$tmp/from-pipe" &
reader=$!
expect new-fifo 0 timeout 10 "$xxgk" new --year 2023 --body 测试镇 -o "$tmp/pipe"
wait $reader
is new-fifo-stays-fifo -p "$tmp/pipe"
contains new-fifo-content "$tmp/from-pipe" '"body": "测试镇"'

# A symbolic link is followed: its target gets the content, the link stays.
echo old >"$tmp/target.txt"
ln -s target.txt "$tmp/link.txt"
expect render-link-needs-f 2 "$xxgk" render "$sample" -o "$tmp/link.txt"
contains render-link-exists "$tmp/err" "已存在"
contains render-link-untouched "$tmp/target.txt" old
expect render-link 0 "$xxgk" render "$sample" -f -o "$tmp/link.txt"
is render-link-stays-link -L "$tmp/link.txt"
contains render-link-target "$tmp/target.txt" "$body"
no_temporary render-link-no-temp "$tmp"
# A link to a name that does not exist yet creates the file it names.
ln -s made.txt "$tmp/dangling.txt"
expect render-dangling 0 "$xxgk" render "$sample" -o "$tmp/dangling.txt"
is render-dangling-stays-link -L "$tmp/dangling.txt"
contains render-dangling-made "$tmp/made.txt" "$body"

# A character device is written to, never replaced (a copy of /dev/null
# made here, where root can; then /dev/null itself, which a broken
# binary would have replaced only if the copy test had not caught it).
if mknod "$tmp/null" c 1 3 2>/dev/null; then
  expect render-device 0 "$xxgk" render "$sample" --to txt -f -o "$tmp/null"
  is render-device-stays-device -c "$tmp/null"
  if [[ -c $tmp/null ]]; then
    expect render-dev-null 0 "$xxgk" render "$sample" --to html -f -o /dev/null
    is dev-null-stays-device -c /dev/null
    expect new-dev-null 0 "$xxgk" new --year 2023 --body 测试镇 -o /dev/null
    is dev-null-still-device -c /dev/null
  fi
else
  echo "output_targets: mknod not permitted here: device tests skipped" >&2
fi

# Standard output by name, without -f; also through a link to
# /proc/self/fd/1 (which is what /dev/stdout is).
expect render-dev-stdout 0 "$xxgk" render "$sample" --to txt -o /dev/stdout
contains render-dev-stdout-content "$tmp/out" "$body"
expect new-dev-stdout 0 "$xxgk" new --year 2023 --body 测试镇 -o /dev/stdout
contains new-dev-stdout-content "$tmp/out" '"body": "测试镇"'
ln -s /proc/self/fd/1 "$tmp/fd1"
expect render-fd-link 0 "$xxgk" render "$sample" --to md -f -o "$tmp/fd1"
is render-fd-link-stays-link -L "$tmp/fd1"
contains render-fd-link-content "$tmp/out" "$body"
expect render-dash 0 "$xxgk" render "$sample" --to txt -o -
contains render-dash-content "$tmp/out" "$body"
# A directory is refused, by name.
mkdir "$tmp/dir"
expect render-dir 2 "$xxgk" render "$sample" --to txt -f -o "$tmp/dir"
contains render-dir-named "$tmp/err" "$tmp/dir"

# ---- item 2: db export -o FILE --------------------------------------------
db=$tmp/t.db
"$xxgk" db --db "$db" import -q examples >/dev/null 2>&1
echo keep >"$tmp/e.csv"
expect export-needs-f 2 "$xxgk" db --db "$db" export -o "$tmp/e.csv"
contains export-exists "$tmp/err" "已存在"
contains export-exists-named "$tmp/err" "$tmp/e.csv"
contains export-untouched "$tmp/e.csv" keep
expect export-f 0 "$xxgk" db --db "$db" export -f -o "$tmp/e.csv"
contains export-f-header "$tmp/e.csv" "编号,文件,SHA-256"
contains export-f-body "$tmp/e.csv" "$body"
no_temporary export-no-temp "$tmp"
# A name whose extension is neither .csv nor .xlsx is not written as CSV.
expect export-other-ext 2 "$xxgk" db --db "$db" export -o "$tmp/r.docx"
is export-other-ext-not-made ! -e "$tmp/r.docx"
expect export-ext-mismatch 2 "$xxgk" db --db "$db" export --to csv -o "$tmp/r.xlsx"
# XLSX through a FIFO (spooled, then copied) and to a new file.
mkfifo "$tmp/xpipe"
timeout 10 cat "$tmp/xpipe" >"$tmp/from-xpipe.xlsx" &
reader=$!
expect export-xlsx-fifo 0 timeout 10 "$xxgk" db --db "$db" export --to xlsx -o "$tmp/xpipe"
wait $reader
is export-xlsx-fifo-stays -p "$tmp/xpipe"
if unzip -l "$tmp/from-xpipe.xlsx" 2>/dev/null | grep -q "xl/worksheets/sheet1.xml"; then ok; else bad "xlsx through a FIFO is not a workbook"; fi
# A device that is always full: the failure names the file and the reason.
if [[ -w /dev/full ]]; then
  expect export-dev-full 2 "$xxgk" db --db "$db" export -o /dev/full
  contains export-dev-full-named "$tmp/err" "/dev/full"
  contains export-dev-full-reason "$tmp/err" "磁盘空间不足"
  is dev-full-stays-device -c /dev/full
fi

# ---- a full disk (a 4 KB tmpfs, where root can mount one) -----------------
mkdir "$tmp/small"
if mount -t tmpfs -o size=4k tmpfs "$tmp/small" 2>/dev/null; then
  mnt=$tmp/small
  expect export-disk-full 2 "$xxgk" db --db "$db" export -o "$tmp/small/out.csv"
  contains export-disk-full-named "$tmp/err" "$tmp/small/out.csv"
  contains export-disk-full-reason "$tmp/err" "磁盘空间不足"
  is export-disk-full-no-file ! -e "$tmp/small/out.csv"
  no_temporary export-disk-full-no-temp "$tmp/small"
  # XLSX: libxlsxwriter's own [ERROR] lines stay out of sight, the
  # temporary file is never named, the file asked for is.
  expect export-xlsx-disk-full 2 "$xxgk" db --db "$db" export -o "$tmp/small/out.xlsx"
  contains export-xlsx-full-named "$tmp/err" "$tmp/small/out.xlsx"
  contains export-xlsx-full-reason "$tmp/err" "No space left on device"
  lacks export-xlsx-no-lxw-lines "$tmp/err" "[ERROR]"
  lacks export-xlsx-no-temp-named "$tmp/err" "/.out.xlsx."
  lines=$(wc -l <"$tmp/err")
  if [[ $lines -eq 1 ]]; then ok; else bad "export-xlsx-disk-full: $lines lines on stderr, expected 1"; fi
  is export-xlsx-full-no-file ! -e "$tmp/small/out.xlsx"
  no_temporary export-xlsx-full-no-temp "$tmp/small"
  expect render-xlsx-disk-full 2 "$xxgk" render "$sample" -o "$tmp/small/r.xlsx"
  contains render-xlsx-full-named "$tmp/err" "$tmp/small/r.xlsx"
  lacks render-xlsx-no-lxw-lines "$tmp/err" "[ERROR]"
  lacks render-xlsx-no-temp-named "$tmp/err" "/.r.xlsx."
  no_temporary render-xlsx-full-no-temp "$tmp/small"
  expect render-docx-disk-full 2 "$xxgk" render "$sample" -o "$tmp/small/r.docx"
  contains render-docx-full-named "$tmp/err" "$tmp/small/r.docx"
  contains render-docx-full-reason "$tmp/err" "磁盘空间不足"
  is render-docx-full-no-file ! -e "$tmp/small/r.docx"
  no_temporary render-docx-full-no-temp "$tmp/small"
  umount "$tmp/small" && mnt=
else
  echo "output_targets: cannot mount a tmpfs here: disk-full tests skipped" >&2
fi

# ---- item 10: interrupted while writing ------------------------------------
# A filter that takes seconds keeps the export's temporary file open; the
# signal must remove it, and no partial output may be left.
slow="(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000000) SELECT count(*) FROM c) > 0"
for sig in TERM INT; do
  mkdir "$tmp/sig$sig"
  timeout -s $sig 2 "$xxgk" db --db "$db" export --where "$slow" -o "$tmp/sig$sig/slow.csv" >/dev/null 2>&1
  status=$?
  if [[ $status -eq 124 ]]; then ok; else bad "export-sig$sig: exit $status, expected the timeout's 124"; fi
  is export-sig$sig-no-file ! -e "$tmp/sig$sig/slow.csv"
  no_temporary export-sig$sig-no-temp "$tmp/sig$sig"
done

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
