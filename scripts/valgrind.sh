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
echo "valgrind: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
