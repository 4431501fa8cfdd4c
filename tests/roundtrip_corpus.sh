#!/usr/bin/env bash
# Round trip on the real reports of the shared corpus: every report xxgk
# reads is rendered in each FORMAT and read back; every cell and meta
# field must come back as it was read. A cell the reader could not place
# (absent) comes back blank — a rendered table prints it empty — and the
# other format's table 二 rows are not rendered; everything else must be
# identical. (The cells of a format are those `xxgk new` writes.) Skipped (exit 77) when the corpus is not there.
# Usage: roundtrip_corpus.sh XXGK FORMAT...  (corpus: $XXGK_CORPUS, else
# ../shared/corpus beside the repository)
set -u
xxgk=$1
shift
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${XXGK_CORPUS:-$here/../shared/corpus}
if [[ ! -d "$corpus/raw" ]]; then
  echo "roundtrip_corpus: skipped: no corpus at $corpus/raw"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
reports=0 unread=0 trips=0 cells=0 bad=0
for year in 2019 2021; do
  "$xxgk" new --year $year --body x | sed -n 's/^ *"\(t[234]\.[a-z_.]*\)": .*/\1/p' >"$tmp/keys.$year"
done
for file in "$corpus"/raw/*; do
  name=$(basename "$file")
  if ! "$xxgk" parse --format cells "$file" >"$tmp/orig" 2>/dev/null; then
    unread=$((unread + 1)) # a reader's matter, not the writers'
    continue
  fi
  reports=$((reports + 1))
  for format in "$@"; do
    out=$tmp/$name.$format
    if ! "$xxgk" render --force "$file" -o "$out" 2>"$tmp/err" ||
       ! "$xxgk" parse --format cells "$out" >"$tmp/got" 2>>"$tmp/err"; then
      bad=$((bad + 1)); echo "FAIL $name through $format:" >&2; head -3 "$tmp/err" >&2
      continue
    fi
    trips=$((trips + 1))
    # Differences that are not the two rules above.
    format=$(sed -n 's/^meta.format\t//p' "$tmp/orig")
    diffs=$(awk -F'\t' '
      FILENAME == ARGV[1] { own[$1] = 1; next }
      FILENAME == ARGV[2] { orig[$1] = $0; next }
      { got[$1] = $0; n++
        if (!($1 in orig) && $2 != "") print "extra  " $0
        else if (($1 in orig) && orig[$1] != $0) print "changed " orig[$1] " -> " $2 }
      END { for (k in orig) if (!(k in got) && (k in own || k ~ /^meta/)) print "lost   " orig[k] }
    ' "$tmp/keys.${format:-2021}" "$tmp/orig" "$tmp/got")
    cells=$((cells + $(wc -l <"$tmp/got")))
    if [[ -n $diffs ]]; then
      bad=$((bad + 1)); echo "FAIL $name through $format:" >&2; head -5 <<<"$diffs" >&2
    fi
  done
done
echo "roundtrip_corpus: $reports reports read ($unread not read), $trips round trips" \
     "($*), $cells values compared, $bad failed"
[[ $bad -eq 0 ]]
