#!/usr/bin/env bash
# The clerk's path through the fill-in workbook (issue 12):
#  - `new -o x.xlsx` (inputs 0); values typed into every input cell
#    of table 三 by editing the sheet XML, the formulas' cached results
#    removed (as a generator that does not calculate saves them);
#  - `parse` reads every typed cell exactly and the totals are computed
#    from the template's sums and said so (total-computed), matching the
#    sums this script makes of what it typed;
#  - `render x.xlsx -o x.docx` works once the placeholders are gone;
#  - a plain workbook holding only the official tables (fixture) reads
#    exactly the cells of the same report as text;
#  - with LibreOffice: re-saved by Calc, the workbook reads the same with
#    the totals from Calc's own results, and Calc's CSV of 表三 shows the
#    same totals; `render -o x.pdf` gives a PDF; without LibreOffice those
#    parts are skipped with a message.
# Usage: workbook.sh XXGK SOURCE_DIR
set -u
xxgk=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*" >&2; }
check() { if [[ "$2" == "$3" ]]; then ok; else bad "$1: got '$2', expected '$3'"; fi; }

"$xxgk" new --year 2024 --body 青山镇人民政府 --date 2025-01-20 -o "$tmp/x.xlsx" \
  || { echo "FAIL new -o x.xlsx" >&2; exit 1; }
"$xxgk" new --year 2024 --body 青山镇人民政府 -o "$tmp/x.xlsx" 2>"$tmp/err"
check "new refuses to overwrite" "$?" 2
grep -q '^xxgk: .*x.xlsx: ' "$tmp/err" && ok || bad "message form: $(cat "$tmp/err")"

# Type values: table 三's input cells (number cells without a formula
# in columns D–I), chosen so that every identity holds; the formulas
# lose their cached results. expected.tsv: key-free "row col value" of
# what the totals must be, computed here from the typed values.
mkdir "$tmp/x" && (cd "$tmp/x" && unzip -q ../x.xlsx) || { bad unzip; exit 1; }
python3 - "$tmp/x" "$tmp/expected.tsv" <<'PY' || bad "typing values"
import re, sys
d, out = sys.argv[1], sys.argv[2]
strings = re.findall(r"<si>(.*?)</si>", open(f"{d}/xl/sharedStrings.xml", encoding="utf-8").read(), re.S)
strings = [re.sub(r"<[^>]+>", "", s) for s in strings]
path = f"{d}/xl/worksheets/sheet3.xml"
xml = open(path, encoding="utf-8").read()
# the label of each row (columns A–C), the input and formula cells
labels, inputs, formulas = {}, {}, {}
for row, body in re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', xml, re.S):
    row = int(row)
    for ref, attrs, inner in re.findall(r'<c r="([A-Z]+)\d+"([^>]*?)(?:/>|>(.*?)</c>)', body, re.S):
        if ref in "ABC" and 't="s"' in attrs:
            labels[row] = strings[int(re.search(r"<v>(\d+)</v>", inner).group(1))]
        elif ref in "DEFGHI" and "<f>SUM" in (inner or ""):
            formulas[(row, ref)] = True
        elif ref in "DEFGHI" and 't=' not in attrs and "<v>" in (inner or ""):
            inputs[(row, ref)] = True
rows = sorted(r for r in labels if any((r, c) in inputs or (r, c) in formulas for c in "DEFGHI"))
first = next(r for r in rows if labels[r].startswith("（一）"))
total = next(r for r in rows if labels[r].startswith("（七）"))
new, carried_in, carried_out = rows[0], rows[1], rows[-1]
values = {}
for (row, col) in inputs:
    if first <= row < total:
        values[(row, col)] = (row * 3 + ord(col)) % 4
for col in "DEFGHI":
    outcome = sum(values.get((r, col), 0) for r in range(first, total))
    values[(carried_in, col)] = ord(col) % 2
    values[(carried_out, col)] = (ord(col) + 1) % 3
    values[(new, col)] = outcome + values[(carried_out, col)] - values[(carried_in, col)]
def typed(m):
    ref, row, attrs = m.group(1), int(m.group(2)), m.group(3)
    v = values.get((row, ref))
    return m.group(0) if v is None else f'<c r="{ref}{row}"{attrs}><v>{v}</v></c>'
xml = re.sub(r'<c r="([D-I])(\d+)"([^>t]*?)><v>[^<]*</v></c>', typed, xml)
xml = re.sub(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1", xml)
open(path, "w", encoding="utf-8").write(xml)
with open(out, "w") as f:
    for row in (new, carried_in, first, carried_out):
        f.write(f"{labels[row]}\t总计\t{sum(values.get((row, c), 0) for c in 'DEFGHI')}\n")
    grand = sum(values.get((r, c), 0) for r in range(first, total) for c in "DEFGHI")
    f.write(f"{labels[total]}\t总计\t{grand}\n")
    for i, col in enumerate("DEFGHI"):
        f.write(f"{labels[total]}\t{i}\t{sum(values.get((r, col), 0) for r in range(first, total))}\n")
# the placeholders away, so that render may write it
s = open(f"{d}/xl/sharedStrings.xml", encoding="utf-8").read().replace("【待填写】", "")
open(f"{d}/xl/sharedStrings.xml", "w", encoding="utf-8").write(s)
PY
(cd "$tmp/x" && rm -f ../y.xlsx && zip -q -r -X ../y.xlsx '[Content_Types].xml' _rels docProps xl) \
  || bad "zip"

# Every typed cell and every total, read back.
"$xxgk" parse --format cells "$tmp/y.xlsx" > "$tmp/y.cells" || bad "parse y.xlsx"
cell() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$2"; }
exp() { awk -F'\t' -v r="$1" -v c="$2" '$1 == r && $2 == c {print $3}' "$tmp/expected.tsv"; }
check "t3.new.total" "$(cell t3.new.total "$tmp/y.cells")" "$(exp 一、本年新收政府信息公开申请数量 总计)"
check "t3.carried_in.total" "$(cell t3.carried_in.total "$tmp/y.cells")" \
  "$(exp 二、上年结转政府信息公开申请数量 总计)"
check "t3.granted.total" "$(cell t3.granted.total "$tmp/y.cells")" "$(exp （一）予以公开 总计)"
check "t3.total.total" "$(cell t3.total.total "$tmp/y.cells")" "$(exp （七）总计 总计)"
check "t3.carried_out.total" "$(cell t3.carried_out.total "$tmp/y.cells")" \
  "$(exp 四、结转下年度继续办理 总计)"
i=0
for key in natural business research nonprofit legal other_org; do
  check "t3.total.$key" "$(cell "t3.total.$key" "$tmp/y.cells")" "$(exp （七）总计 $i)"
  i=$((i + 1))
done
check "no blank in table 三" "$(grep -c $'^t3\\.[a-z_]*\\.[a-z_]*\t$' "$tmp/y.cells")" 0
check "meta.date" "$(cell meta.date "$tmp/y.cells")" 2025-01-20
check "meta.body" "$(cell meta.body "$tmp/y.cells")" 青山镇人民政府
"$xxgk" check "$tmp/y.xlsx" > "$tmp/check.out" 2>&1
check "check y.xlsx exit" "$?" 0
grep -q '提示\[total-computed\]: 表三“（七）总计”行“总计”栏没有填写，已按各部分相加算出' "$tmp/check.out" \
  && ok || bad "total-computed not said: $(head -3 "$tmp/check.out")"
grep -q '工作表“表三”第[0-9]*行第J列' "$tmp/check.out" && ok || bad "sheet locator not worded"
"$xxgk" render "$tmp/y.xlsx" -o "$tmp/y.docx" 2>"$tmp/err" && [[ -s $tmp/y.docx ]] \
  && ok || bad "render y.xlsx -o y.docx: $(cat "$tmp/err")"
"$xxgk" parse --format cells "$tmp/y.docx" | grep '^t3' > "$tmp/docx.cells"
diff <(grep '^t3' "$tmp/y.cells") "$tmp/docx.cells" >/dev/null && ok || bad "the DOCX has other cells"

# A workbook holding only the official tables reads exactly (the same
# report as text, sample 002).
"$xxgk" parse --format cells "$src/tests/fixtures/xlsx/plain-tables.xlsx" | grep '^t' > "$tmp/plain.cells"
"$xxgk" parse --format cells "$src/examples/002_5008492d97724081.txt" | grep '^t' > "$tmp/text.cells"
diff "$tmp/text.cells" "$tmp/plain.cells" >/dev/null && ok || bad "plain-tables.xlsx differs from the text"
check "plain: procurement amount" "$(cell t2.procurement.amount "$tmp/plain.cells")" 1306.14
check "plain: new natural" "$(cell t3.new.natural "$tmp/plain.cells")" 2

soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -z $soffice ]]; then
  echo "workbook: LibreOffice parts skipped: soffice is not installed (scripts/install-deps.sh)"
else
  lo() { HOME=$tmp timeout 180 "$soffice" --headless -env:UserInstallation=file://$tmp/lo "$@" \
           >/dev/null 2>&1; }
  mkdir -p "$tmp/re"
  lo --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/re" "$tmp/y.xlsx" || bad "Calc re-save"
  "$xxgk" parse --format cells "$tmp/re/y.xlsx" > "$tmp/re.cells" || bad "parse re-saved"
  diff <(grep '^t' "$tmp/y.cells") <(grep '^t' "$tmp/re.cells") >/dev/null \
    && ok || bad "the re-saved workbook reads differently"
  "$xxgk" check "$tmp/re/y.xlsx" | grep -q 'total-computed' && bad "Calc's results not used" || ok
  # Calc's own results of the formulas: 表三 (the third sheet) as CSV
  lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3' \
     --outdir "$tmp/re" "$tmp/y.xlsx" || bad "CSV"
  csv=$(ls "$tmp"/re/*.csv 2>/dev/null | head -1)
  row() { grep -F "$1" "$csv" | head -1 | awk -F, '{print $(NF-2)}'; }
  check "Calc: 一 总计" "$(grep -F 一、本年新收 "$csv" | head -1 | awk -F, '{print $10}')" \
    "$(exp 一、本年新收政府信息公开申请数量 总计)"
  check "Calc: （七）总计" "$(grep -F （七）总计 "$csv" | head -1 | awk -F, '{print $10}')" \
    "$(exp （七）总计 总计)"
  check "Calc: （七）自然人" "$(grep -F （七）总计 "$csv" | head -1 | awk -F, '{print $4}')" \
    "$(exp （七）总计 0)"
  grep -q '✗' "$csv" && bad "a check cell is red in Calc" || ok
  "$xxgk" render "$tmp/y.xlsx" -o "$tmp/y.pdf" 2>"$tmp/err" && head -c 5 "$tmp/y.pdf" | grep -q '%PDF' \
    && ok || bad "render -o y.pdf: $(cat "$tmp/err")"
fi
# render refuses a report without 成文日期 unless --force; placeholders
# are reported by check (placeholder-left) and refused by render.
"$xxgk" new --year 2024 --body 青山镇人民政府 -o "$tmp/nodate.json" || bad "new json"
"$xxgk" check "$tmp/nodate.json" > "$tmp/check.out" 2>&1
check "check a skeleton exit" "$?" 1
check "placeholders reported" "$(grep -c 'placeholder-left' "$tmp/check.out")" 6
grep -q 'fee-statement-contradiction' "$tmp/check.out" && bad "the placeholder fires the fee rule" || ok
sed 's/【待填写】//g' "$tmp/nodate.json" > "$tmp/nodate2.json"
"$xxgk" render "$tmp/nodate2.json" -o "$tmp/nodate.docx" 2>"$tmp/err"
check "render without a date" "$?" 1
grep -q '^xxgk: .*nodate2.json: 报告没有成文日期' "$tmp/err" && ok || bad "date message: $(cat "$tmp/err")"
[[ -e $tmp/nodate.docx ]] && bad "written without a date" || ok
"$xxgk" render --force "$tmp/nodate2.json" -o "$tmp/nodate.docx" 2>/dev/null
check "render --force without a date" "$?" 0

XXGK_SOFFICE=/nonexistent "$xxgk" render "$tmp/y.xlsx" -o "$tmp/z.pdf" 2>"$tmp/err"
check "render pdf without LibreOffice" "$?" 2
grep -q 'libreoffice-writer-nogui' "$tmp/err" && ok || bad "package not named: $(cat "$tmp/err")"

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
