#!/usr/bin/env bash
# A DOCX rendered from each sample report opens in LibreOffice headless
# and converts to PDF: the document is well-formed enough for a real word
# processor (a repair prompt would stop a headless conversion), and the
# PDF holds the report's title, the tables' labels and its numbers, with
# table 三 on at most two pages.
# Skipped (exit 77) when LibreOffice is not installed.
# Usage: roundtrip_lo.sh XXGK SOURCE_DIR
set -u
xxgk=$1 src=$2
soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -z $soffice ]]; then
  echo "roundtrip_lo: skipped: LibreOffice (soffice) is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*" >&2; }

docs=()
for sample in "$src"/examples/*.txt; do
  name=$(basename "$sample" .txt)
  # --force: some samples have arithmetic errors; the layout is the point.
  if "$xxgk" render --force "$sample" -o "$tmp/$name.docx" 2>/dev/null; then
    docs+=("$tmp/$name.docx")
  else
    bad "render $name"
  fi
done
# One LibreOffice run for all, with its own profile (runs may overlap).
timeout 300 "$soffice" -env:UserInstallation="file://$tmp/profile" --headless \
  --convert-to pdf --outdir "$tmp/pdf" "${docs[@]}" >"$tmp/log" 2>&1
for docx in "${docs[@]}"; do
  name=$(basename "$docx" .docx)
  pdf=$tmp/pdf/$name.pdf
  if [[ ! -s $pdf ]]; then
    bad "$name: LibreOffice made no PDF"; sed 's/^/  | /' "$tmp/log" >&2; continue
  fi
  ok
  if command -v pdftotext >/dev/null; then
    pdftotext "$pdf" "$tmp/$name.txt"
    title=$("$xxgk" parse --format cells "$src/examples/$name.txt" | sed -n 's/^meta.title\t//p')
    # PDF text may break the title over lines: compare without white space.
    tr -d ' \n' <"$tmp/$name.txt" >"$tmp/$name.flat"
    for want in "$title" "六、其他需要报告的事项" "申请人情况" "四、结转下年度继续办理" "第二十条第（八）项"; do
      if grep -qF -- "$want" "$tmp/$name.flat"; then ok; else bad "$name: PDF lacks '$want'"; fi
    done
    pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    if [[ ${pages:-0} -ge 3 ]]; then ok; else bad "$name: PDF has ${pages:-0} pages"; fi
    # Table 三 takes at most two pages, as in published reports (issue
    # 12): from the page of its first row to that of its last, by page.
    first=0 last=0
    for ((p = 1; p <= ${pages:-0}; p++)); do
      text=$(pdftotext -f $p -l $p "$pdf" - 2>/dev/null | tr -d ' \n')
      [[ $first -eq 0 && $text == *本年新收政府信息公开申请数量* ]] && first=$p
      [[ $text == *结转下年度继续办理* ]] && last=$p
    done
    if [[ $first -gt 0 && $last -ge $first && $((last - first + 1)) -le 2 ]]; then ok
    else bad "$name: table 三 runs from page $first to page $last"; fi
  fi
done
echo "roundtrip_lo: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
