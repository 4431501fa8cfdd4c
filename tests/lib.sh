# Shared by the command-line test scripts (sourced after they set $tmp):
# counts passes and failures, and says what failed and why on stderr.
#   expect NAME STATUS COMMAND...   runs it: stdout in $tmp/out, stderr in
#                                   $tmp/err; the exit status must be STATUS
#   contains NAME FILE TEXT / lacks NAME FILE TEXT / lines NAME FILE N
#   equal NAME GOT WANT
# The script ends with `finish` (prints the counts, fails if any failed).
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*" >&2; }
expect() {
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -eq $want ]]; then ok; else
    bad "$name: exit $got, expected $want"; sed 's/^/  stderr: /' "$tmp/err" | head -20 >&2
  fi
}
contains() { if grep -qF -- "$3" "$2"; then ok; else bad "$1: $2 lacks '$3'"; head -5 "$2" | sed 's/^/  | /' >&2; fi; }
lacks() { if grep -qF -- "$3" "$2"; then bad "$1: $2 has '$3'"; grep -F -- "$3" "$2" | head -3 | sed 's/^/  | /' >&2; else ok; fi; }
lines() { local n; n=$(wc -l <"$2"); if [[ $n -eq $3 ]]; then ok; else bad "$1: $n lines, expected $3"; sed 's/^/  | /' "$2" | head -8 >&2; fi; }
equal() { if [[ "$2" == "$3" ]]; then ok; else bad "$1: '$2', expected '$3'"; fi; }
