#!/usr/bin/env python3
"""tests/serve_form.py MODEL.json [key=value ...]: the editor's form
fields (urlencoded, on stdout) for a model as /write/download?format=json
gives it: c.<key> for every cell (blank for null), s0–s6, title, date;
then each key=value given replaces or adds a field (c.t3.new.total=5)."""
import json
import sys
import urllib.parse

model = json.load(open(sys.argv[1], encoding="utf-8"))
fields = {}
for key, value in model.get("cells", {}).items():
    fields["c." + key] = "" if value is None else str(value)
for n, text in model.get("sections", {}).items():
    fields["s" + n] = text
meta = model.get("meta", {})
fields["title"] = meta.get("title", "")
fields["date"] = meta.get("date", "")
for extra in sys.argv[2:]:
    k, _, v = extra.partition("=")
    fields[k] = v
sys.stdout.write(urllib.parse.urlencode(fields))
