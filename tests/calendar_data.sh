#!/usr/bin/env bash
# The shipped calendar is what scripts/gen_calendar.sh makes of
# docs/spec/holidays.md, and that copy is the shared spec's (when the
# shared folder is there).
set -u
cd "$(dirname "$0")/.."
fail=0
if ! scripts/gen_calendar.sh docs/spec/holidays.md | diff -u src/calendar_data.c -; then
  echo "FAIL src/calendar_data.c is not generated from docs/spec/holidays.md:" \
       "run scripts/gen_calendar.sh > src/calendar_data.c" >&2
  fail=1
fi
shared=../shared/spec/holidays.md
if [[ -f $shared ]] && ! diff -q "$shared" docs/spec/holidays.md >/dev/null; then
  echo "FAIL docs/spec/holidays.md differs from $shared: copy it and regenerate" >&2
  fail=1
fi
[[ $fail -eq 0 ]] && echo "calendar data up to date"
exit $fail
