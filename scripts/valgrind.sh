#!/usr/bin/env bash
# Runs the unit test programs, and the command on the samples, under
# valgrind: any invalid access, use of uninitialised memory or leak fails.
set -u
build=${1:-build}
cd "$(dirname "$0")/.."
vg=(valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=3)
pass=0 fail=0
# run ALLOWED_STATUS COMMAND...: the command's own exit status must be
# ALLOWED_STATUS (check exits 1 on reports with errors); valgrind's is 3.
run() {
  local allowed=$1
  shift
  "${vg[@]}" "$@" >/dev/null 2>"$build/valgrind.log"
  local rc=$?
  if [[ $rc -eq $allowed ]]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL under valgrind: $*" >&2
    head -30 "$build/valgrind.log" >&2
  fi
}
for t in "$build"/tests/test_*; do
  [[ -x $t ]] && run 0 "$t"
done
run 0 "$build/xxgk" parse examples/*.txt tests/golden/layouts/*.txt
run 1 "$build/xxgk" check examples/*.txt tests/golden/layouts/*.txt
# The register: a case recorded, explained, listed, tabled (a fresh store).
reg=$(mktemp -d)
run 0 "$build/xxgk" holidays list --year 2024
run 0 "$build/xxgk" case add --db "$reg/r.db" --by vg --body 某局 --received 2024-09-13 \
  --channel 网络 --applicant natural --subject 某文件 --id-number 110101199001011234
run 0 "$build/xxgk" case consult 1 --db "$reg/r.db" --by vg --party third --sent 2024-09-18 --answered 2024-09-25
run 0 "$build/xxgk" case reply 1 --db "$reg/r.db" --by vg --date 2024-10-20 --outcome partial
run 0 "$build/xxgk" case explain 1 --db "$reg/r.db"
run 0 "$build/xxgk" case history 1 --db "$reg/r.db"
run 0 "$build/xxgk" case tables --db "$reg/r.db" --body 某局 --year 2024
rm -rf "$reg"
# xxgk serve under valgrind: a login, the editor, a check upload, a case
# registered and shown, then SIGTERM; valgrind's verdict is its exit status.
serve_under_valgrind() {
  local dir url=
  dir=$(mktemp -d)
  printf 'clerk-pass-1\n' | "$build/xxgk" user add c --role clerk --body 某局 --password-stdin --db "$dir/x.db" >/dev/null
  XXGK_TODAY=2024-11-15 "${vg[@]}" "$build/xxgk" serve --db "$dir/x.db" --listen 127.0.0.1:0 \
    >"$dir/out" 2>"$build/valgrind.log" &
  local vpid=$!
  for _ in $(seq 300); do
    url=$(sed -n 's/^xxgk serve: 正在监听 \(http:[^（]*\)（.*/\1/p' "$dir/out")
    [[ -n $url ]] && break
    sleep 0.1
  done
  if [[ -n $url ]]; then
    curl -s -c "$dir/j" -b "$dir/j" -d 'name=c&password=clerk-pass-1' "${url}login" >/dev/null
    local tok
    tok=$(curl -s -b "$dir/j" "$url" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -s -b "$dir/j" "${url}write?year=2024" >/dev/null
    curl -s -b "$dir/j" -F "_csrf=$tok" -F "report=@examples/001_cbab459871fbb742.txt" "${url}check" >/dev/null
    curl -s -b "$dir/j" --data-urlencode "_csrf=$tok" -d received=2024-09-13 -d applicant=natural \
      --data-urlencode "subject=某文件" "${url}cases/new" >/dev/null
    curl -s -b "$dir/j" "${url}cases/1" >/dev/null
  fi
  kill -TERM $vpid 2>/dev/null
  local rc=0
  wait $vpid || rc=$?
  if [[ -n $url && $rc -eq 0 ]]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL under valgrind: xxgk serve (exit $rc)" >&2
    head -40 "$build/valgrind.log" >&2
  fi
  rm -rf "$dir"
}
command -v curl >/dev/null && serve_under_valgrind
echo "valgrind: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
