#!/usr/bin/env python3
"""Writes a ledger (台账) of N generated applications as CSV, for the
register benchmark (scripts/bench.sh): 20 bodies, received 2019-01-02 …
2026-10-31, about 90 % replied within 60 days with an outcome of every
format, 5 % corrected after a 补正 notice, the rest still open.

    bench/gen_ledger.py N > ledger.csv
"""
import datetime
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
rnd = random.Random(14)
first = datetime.date(2019, 1, 2)
span = (datetime.date(2026, 10, 31) - first).days
last_reply = datetime.date(2026, 11, 30)
channels = ["当面", "邮寄", "平邮", "网络", "传真", "电子邮件"]
applicants = ["自然人"] * 6 + ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
outcomes = ["予以公开", "部分公开", "属于国家秘密", "过程性信息", "本机关不掌握相关政府信息",
            "没有现成信息需要另行制作", "重复申请", "信访举报投诉类申请", "要求提供公开出版物"]
out = sys.stdout
out.write("编号,机关,收到日期,申请方式,申请人类型,申请内容,补正告知日期,收到补正日期,答复日期,办理结果\n")
for i in range(1, n + 1):
    received = first + datetime.timedelta(days=rnd.randrange(span))
    notice = corrected = reply = ""
    start = received
    if rnd.random() < 0.05:
        t = received + datetime.timedelta(days=rnd.randint(1, 4))
        c = t + datetime.timedelta(days=rnd.randint(2, 10))
        notice, corrected, start = t.isoformat(), c.isoformat(), c
    outcome = ""
    if rnd.random() < 0.9:
        r = start + datetime.timedelta(days=rnd.randint(1, 60))
        if r <= last_reply:
            reply, outcome = r.isoformat(), rnd.choice(outcomes)
    out.write(f"B{i},某县局{i % 20},{received.isoformat()},{rnd.choice(channels)},"
              f"{rnd.choice(applicants)},申请{i},{notice},{corrected},{reply},{outcome}\n")
