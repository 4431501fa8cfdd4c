#!/usr/bin/env python3
"""text2html.py — a sample report in Word-text layout as a government web page.

Writes the HTML fixtures of tests/fixtures/html/samples/ from examples/*.txt,
so that the test suite can check that the same report read as HTML gives the
same cells as read as text (their golden files, tests/golden/samples/).

The page is made the way real ones are (shared/corpus/raw/012-022): the
article in div.article_content among a navigation bar, a search form, a
sidebar of links, scripts, a style sheet and a footer; paragraphs as <p>;
tables as real <table> markup, where a cell that Word's text export shows as
an empty cell under a label becomes part of that label's rowspan, a caption
row one cell with a colspan, cells broken over lines <br> or <p>, numbers
split across spans and padded with &nbsp;. For some samples the title sits
outside the article (corpus 014).

Usage: scripts/text2html.py [EXAMPLES_DIR [OUT_DIR]]
Also writes NAME_gbk.html (002, GB18030 bytes declared as gb2312) and
NAME_hant.html (003, in traditional characters through `opencc -c s2t.json`).
"""
import html
import os
import re
import subprocess
import sys

TITLE_OUTSIDE = {"000", "002"}
GBK = {"002"}
HANT = {"003"}


def parse_word_text(text):
    """Blocks of the Word-text layout: ('p', line) or ('table', rows), each
    row a list of cells, each cell a list of lines (read_text.c's rules)."""
    blocks, rows, row = [], None, None
    for line in text.split("\n"):
        if line.startswith("\t"):
            if rows is None:
                rows = []
                blocks.append(("table", rows))
            if row is None:
                row = []
                rows.append(row)
            row.append([line[1:]])
        elif not line.strip():
            row = None
        elif row:
            row[-1].append(line)
        else:
            rows = row = None
            blocks.append(("p", line))
    return blocks


def is_number(cell):
    return bool(re.fullmatch(r"\s*-?[0-9][0-9.,]*\s*(元|万元|个|件)?\s*", "".join(cell)))


def is_blank(cell):
    return not "".join(cell).strip()


def cell_html(cell, k):
    """A cell's content: lines as <br> or <p>, numbers split and padded."""
    lines = [html.escape(x.strip()) for x in cell]
    if len(lines) == 1 and is_number(cell) and len(lines[0]) > 1:
        v = lines[0]
        span = '<span style="font-family:仿宋_GB2312">'
        return f"&nbsp;{span}{v[0]}</span>{span}{v[1:]}</span>&nbsp;"
    if len(lines) > 1 and k % 2:
        return "".join(f"<p>{x}</p>" for x in lines)
    return "<br/>".join(lines)


def table_html(rows):
    """A table; an empty cell under a label (or under such a cell) extends
    that label's rowspan, as Word's vertically merged cells do."""
    width = max(len(r) for r in rows)
    owners = []  # per column: the <td> dict covering it from the row above
    out = ['<table border="1" cellspacing="0" style="border-collapse:collapse">']
    k = 0
    for row in rows:
        tds, next_owners = [], []
        for i, cell in enumerate(row):
            above = owners[i] if i < len(owners) else None
            if is_blank(cell) and above is not None:
                above["rowspan"] += 1
                next_owners.append(above)
                continue
            td = {"text": cell_html(cell, k), "rowspan": 1, "colspan": 1}
            k += 1
            if len(row) == 1 and width > 1:
                td["colspan"] = width
            tds.append(td)
            spannable = not is_blank(cell) and not is_number(cell)
            next_owners.append(td if spannable else None)
        owners = next_owners
        out.append(("<tr>", tds))
    lines = []
    for item in out:
        if isinstance(item, str):
            lines.append(item)
            continue
        cells = []
        for td in item[1]:
            attrs = ""
            if td["rowspan"] > 1:
                attrs += f' rowspan="{td["rowspan"]}"'
            if td["colspan"] > 1:
                attrs += f' colspan="{td["colspan"]}"'
            cells.append(f'<td{attrs} style="border:1px solid windowtext">{td["text"]}</td>')
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


CHROME_HEAD = """<!DOCTYPE html>
<html>
<head>
{meta}
<title>{title}_政府信息公开年报_某某县人民政府</title>
<style>.nav li {{ float: left; }} td {{ padding: 0 4px; }}</style>
<script>var channels = {{"一、总体情况": "<table><tr><td>99</td></tr></table>"}};</script>
</head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/nb/">政府信息公开工作年度报告</a></li></ul>
<form action="/search"><input name="q"/><select><option>全部</option><option>标题</option></select>
<button>搜索</button></form></div>
<div class="main"><div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/nb/">年报</a></div>
<div class="article">
"""

CHROME_FOOT = """</div>
<div class="side"><h3>相关报告</h3><ul><li><a href="/nb/1.html">某某县2019年政府信息公开工作年度报告</a></li>
<li><a href="/nb/2.html">某某县2018年政府信息公开工作年度报告</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：某某县人民政府办公室　地址：某某县人民路1号　电话：0000-1234567</p>
<p><a href="/map">网站地图</a> | <a href="/about">关于我们</a></p></div>
<script>document.write("三、收到和处理政府信息公开申请情况");</script>
</body>
</html>
"""


def page(text, name, meta):
    blocks = parse_word_text(text)
    title = ""
    if name[:3] in TITLE_OUTSIDE and blocks and blocks[0][0] == "p":
        title = blocks.pop(0)[1].strip()
    parts = [CHROME_HEAD.format(meta=meta, title=html.escape(title or name))]
    if title:
        parts.append(f'<div class="article_title"><h1>{html.escape(title)}</h1></div>\n'
                     '<div class="article_extend">来源：某某县人民政府　时间：2021-01-28</div>\n')
    parts.append('<div class="article_content"><div class="TRS_Editor">\n')
    for kind, value in blocks:
        if kind == "p":
            parts.append(f'<p style="text-indent:2em">{html.escape(value.strip())}</p>\n')
        else:
            parts.append(table_html(value) + "\n")
    parts.append("</div></div>\n")
    parts.append(CHROME_FOOT)
    return "".join(parts)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "examples")
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "tests/fixtures/html/samples")
    os.makedirs(dst, exist_ok=True)
    utf8_meta = '<meta charset="utf-8"/>'
    gbk_meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"/>'
    for fname in sorted(os.listdir(src)):
        if not fname.endswith(".txt"):
            continue
        name = fname[:-4]
        with open(os.path.join(src, fname), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(dst, name + ".html"), "w", encoding="utf-8") as f:
            f.write(page(text, name, utf8_meta))
        if name[:3] in GBK:
            with open(os.path.join(dst, name + "_gbk.html"), "wb") as f:
                f.write(page(text, name, gbk_meta).encode("gb18030"))
        if name[:3] in HANT:
            hant = subprocess.run(["opencc", "-c", "s2t.json"], input=text, text=True,
                                  capture_output=True, check=True).stdout
            with open(os.path.join(dst, name + "_hant.html"), "w", encoding="utf-8") as f:
                f.write(page(hant, name, utf8_meta))


if __name__ == "__main__":
    main()
