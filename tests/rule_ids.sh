#!/usr/bin/env bash
# Every rule id a check function can report is in the catalogue
# (`xxgk check --list-rules`), and every catalogue rule is reported by
# some function: an unknown id or a rule without code fails the build's
# tests (issue 10). Ids are read from the calls in src/ and from the sum
# rules of the template data.
set -u
xxgk=$1
cd "$(dirname "$0")/.."
catalogue=$("$xxgk" check --list-rules | awk '{print $1}' | sort -u)
# hyphenated literals on the lines that add findings (finding_add and its
# severity argument), and the ids of the sum rules
used=$( { grep -hE 'finding_add|SEV_DEFAULT' src/check*.c |
            grep -oE '"[a-z][a-z0-9]*(-[a-z0-9]+)+"' | tr -d '"'
          grep -ohE '^\s+\{"[a-z0-9]+-[a-z0-9-]+", SUM_EACH' src/template_data.c |
            grep -oE '"[^"]+"' | tr -d '"'
        } | sort -u)
status=0
unknown=$(comm -13 <(echo "$catalogue") <(echo "$used"))
if [[ -n $unknown ]]; then
  echo "rule ids used in src/ but not in the catalogue (src/rules.c):" >&2
  echo "$unknown" >&2
  status=1
fi
missing=$(comm -23 <(echo "$catalogue") <(echo "$used"))
if [[ -n $missing ]]; then
  echo "rules in the catalogue that no check reports:" >&2
  echo "$missing" >&2
  status=1
fi
exit $status
