#!/usr/bin/env python3
"""Check eval/guidance-questions.json against the cleaned corpus in bot/Guidance/Corpus.

For every question with a document, at least one expect_any substring must occur
(case-insensitive, whitespace folded) inside one section of that corpus file, i.e. in
a passage the bot can return. Also checks ids, field shape, the number of unanswerable
questions, the corpus header format and obvious personal data in the corpus.
Usage: python3 scripts/check-guidance-questions.py [questions.json]   (exit 1 on error)
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "bot", "Guidance", "Corpus")
QFILE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "eval", "guidance-questions.json")
DEV = os.path.join(os.path.dirname(ROOT), "shared", "eval", "qa-dev.json")
KEYS = ["title", "publisher", "date", "source", "municipality"]

def fold(s):
    return re.sub(r"\s+", " ", s).strip().casefold()

errors = []

def parse(path):
    text = open(path, encoding="utf-8").read()
    head, sep, body = text.partition("\n---\n")
    if not sep:
        errors.append(f"{path}: no '---' separator")
        return {}, []
    lines = head.split("\n")
    meta = {}
    for i, k in enumerate(KEYS):
        if i >= len(lines) or not lines[i].startswith(k + ":"):
            errors.append(f"{os.path.basename(path)}: header line {i+1} should be '{k}: ...'")
            continue
        meta[k] = lines[i][len(k) + 1:].strip()
    if len(lines) != len(KEYS):
        errors.append(f"{os.path.basename(path)}: header has {len(lines)} lines, expected {len(KEYS)}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{4}|odaterad", meta.get("date", "")):
        errors.append(f"{os.path.basename(path)}: bad date {meta.get('date')!r}")
    if meta.get("municipality", "") not in ("alingsas", "stockholm", "goteborg", ""):
        errors.append(f"{os.path.basename(path)}: bad municipality {meta.get('municipality')!r}")
    sections, cur = [], None
    for line in body.split("\n"):
        if line.startswith("#"):
            cur = [line.lstrip("#").strip(), []]
            sections.append(cur)
        elif line.strip():
            if cur is None:
                errors.append(f"{os.path.basename(path)}: text before first heading")
                cur = ["", []]
                sections.append(cur)
            cur[1].append(line)
    # personal-data smell test
    for n, line in enumerate(body.split("\n"), 1):
        if re.search(r"@|\b07\d[- ]?\d|\b08-\d|[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+son\b|https?://", line):
            errors.append(f"{os.path.basename(path)}: body line {n} looks like personal data/URL: {line[:80]}")
        if re.search(r"\b\d{2,3}[- ]\d{2,3} \d{2} \d{2}\b", line) and "0200" not in line:
            errors.append(f"{os.path.basename(path)}: body line {n} has a phone-like number: {line[:80]}")
    return meta, sections

docs = {}
for f in sorted(os.listdir(CORPUS)):
    if f.endswith(".txt"):
        docs[f] = parse(os.path.join(CORPUS, f))

qs = json.load(open(QFILE, encoding="utf-8"))
dev = set()
if os.path.exists(DEV):
    dev = {fold(q["question"]) for q in json.load(open(DEV, encoding="utf-8"))}

ids, per_doc, nulls, english, plain = set(), {}, 0, 0, 0
for q in qs:
    qid = q.get("id")
    if set(q) != {"id", "question", "expect_any", "doc", "topic"}:
        errors.append(f"{qid}: fields {sorted(q)}")
    if qid in ids:
        errors.append(f"{qid}: duplicate id")
    ids.add(qid)
    if fold(q["question"]) in dev:
        errors.append(f"{qid}: copied from qa-dev.json")
    if not re.search(r"[åäöÅÄÖ]", q["question"]):
        plain += 1
    if q["doc"] is None:
        nulls += 1
        if q["expect_any"]:
            errors.append(f"{qid}: doc null but expect_any not empty")
        continue
    if q["doc"] not in docs:
        errors.append(f"{qid}: unknown doc {q['doc']}")
        continue
    per_doc[q["doc"]] = per_doc.get(q["doc"], 0) + 1
    if not q["expect_any"]:
        errors.append(f"{qid}: empty expect_any")
    # Match inside one body line (a paragraph or bullet): the bot's passages are built from whole
    # lines under a heading, so a substring found there is in the text of a passage it can return.
    hit = None
    for title, paras in docs[q["doc"]][1]:
        for para in paras:
            if any(fold(e) in fold(para) for e in q["expect_any"]):
                hit = title or "(no heading)"
                break
        if hit:
            break
    if not hit:
        errors.append(f"{qid}: none of {q['expect_any']} found in a paragraph of {q['doc']}")
    missing = [e for e in q["expect_any"] if not any(fold(e) in fold(x) for _, p in docs[q["doc"]][1] for x in p)]
    if missing and hit:
        print(f"note {qid}: alternatives not found (ok, one matched): {missing}")

print(f"{len(qs)} questions, {nulls} not answered by the guidance, {plain} without å/ä/ö")
for d in sorted(docs):
    print(f"  {per_doc.get(d, 0):3d}  {d}  ({len(docs[d][1])} sections)")
    if not per_doc.get(d):
        errors.append(f"no question for {d}")
if nulls < 15:
    errors.append(f"only {nulls} unanswerable questions (want >= 15)")
if len(qs) < 90:
    errors.append(f"only {len(qs)} questions (want >= 90)")
for e in errors:
    print("ERROR", e)
sys.exit(1 if errors else 0)
