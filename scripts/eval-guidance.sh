#!/usr/bin/env bash
# Scores the guidance search as members meet it: one-tap success (a confident right answer, or a suggestion that holds
# the answer), confident wrong, top-1, top-3, out of scope answered and suggested, and query time (p50/p99, including
# the suggestions).
# usage: scripts/eval-guidance.sh [FILE ...]   CONFIG=Debug runs the Debug build (default Release)   GUIDANCE_SUGGESTIONS=4 tries another number of suggestions   (default: eval/qa-dev.json and eval/guidance-questions.json if present)
# Each FILE is a JSON array of { id, question, expect_any, doc } (doc null: the guidance does not cover it).
set -euo pipefail
cd "$(dirname "$0")/.."

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(eval/qa-dev.json)
  [ -f eval/guidance-questions.json ] && files+=(eval/guidance-questions.json)
fi

config=${CONFIG:-Release}
[ -n "${NO_BUILD:-}" ] || dotnet build bot -c "$config" -v quiet -nologo >&2
for file in "${files[@]}"; do
  out=$(mktemp)
  err=$(mktemp)
  dotnet run --project bot -c "$config" --no-build -- eval guidance "$file" >"$out" 2>"$err"
  python3 - "$file" "$out" "$err" <<'PY'
import json, os, re, sys
fold = lambda s: re.sub(r"\s+", " ", s).strip().lower()
expected = json.load(open(sys.argv[1], encoding="utf-8"))
got = {g["id"]: g for g in json.load(open(sys.argv[2], encoding="utf-8"))}
in_scope = [e for e in expected if e.get("doc")]
out_scope = [e for e in expected if not e.get("doc")]
def hit(e, k):
    ps = got[e["id"]]["passages"][:k]
    return any(fold(x) in fold(p["text"]) for p in ps for x in e.get("expect_any", []))
def mode(e):
    g = got[e["id"]]
    return g.get("mode", "answer" if g["answered"] else "none")
top1 = sum(hit(e, 1) for e in in_scope)
top3 = sum(hit(e, 3) for e in in_scope)
shown = lambda e: len(got[e["id"]]["passages"])
one_tap = sum((mode(e) == "answer" and hit(e, 1)) or (mode(e) == "suggest" and hit(e, shown(e))) for e in in_scope)
confident_wrong = sum(mode(e) == "answer" and not hit(e, 1) for e in in_scope)
answered_in = sum(mode(e) == "answer" for e in in_scope)
suggested_in = sum(mode(e) == "suggest" for e in in_scope)
out_answered = sum(mode(e) == "answer" for e in out_scope)
out_suggested = sum(mode(e) == "suggest" for e in out_scope)
pct = lambda a, b: f"{a}/{b} = {100 * a / max(b, 1):.1f}%"
print(f"== {sys.argv[1]}")
print(f"one-tap success: {pct(one_tap, len(in_scope))}")
print(f"confident wrong: {pct(confident_wrong, len(in_scope))}")
print(f"top-1: {pct(top1, len(in_scope))}")
print(f"top-3: {pct(top3, len(in_scope))}")
print(f"answered (in scope): {pct(answered_in, len(in_scope))}, suggested: {pct(suggested_in, len(in_scope))}")
print(f"out of scope answered: {pct(out_answered, len(out_scope))}, suggested: {pct(out_suggested, len(out_scope))}")
for line in open(sys.argv[3], encoding="utf-8"):
    if line.startswith(("guidance:", "guidance query")):
        print(line.rstrip())
explain = {}
for line in open(sys.argv[3], encoding="utf-8"):
    if line.startswith("guidance decision "):
        explain[line.split()[2]] = " ".join(line.split()[3:])
verbose = os.environ.get("EXPLAIN") == "1"
ranked = {}
for line in open(sys.argv[3], encoding="utf-8"):
    if line.startswith("guidance ranked "):
        _, _, qid, rest = line.split(" ", 3)
        ranked[qid] = json.loads(rest)
def rhit(e, k):
    return any(fold(x) in fold(t) for t in ranked.get(e["id"], [])[:k] for x in e.get("expect_any", []))
if ranked:
    print(f"ranking alone (ignoring abstention): top-1 {pct(sum(rhit(e, 1) for e in in_scope), len(in_scope))}, top-3 {pct(sum(rhit(e, 3) for e in in_scope), len(in_scope))}")
misses = [e for e in in_scope if mode(e) == "none" or not hit(e, 1 if mode(e) == "answer" else shown(e))]
if misses:
    print("not reached in one tap:")
    for e in misses:
        g = got[e["id"]]
        first = g["passages"][0]["document"] + " / " + g["passages"][0]["section"] if g["passages"] else "(none)"
        print(f"  {e['id']} [{mode(e)}] {e['question']}  -> {first}")
        if verbose:
            print(f"      {explain.get(e['id'], '')}")
cw = [e for e in in_scope if mode(e) == "answer" and not hit(e, 1)]
if cw:
    print("confident wrong:")
    for e in cw:
        print(f"  {e['id']} {e['question']}  -> {got[e['id']]['passages'][0]['document']} / {got[e['id']]['passages'][0]['section']}")
wrong = [e for e in out_scope if mode(e) == "answer"]
if wrong:
    print("answered out of scope:")
    for e in wrong:
        print(f"  {e['id']} {e['question']}")
        if verbose:
            print(f"      {explain.get(e['id'], '')}")
if verbose and ranked:
    print("ranking misses (top-1, ignoring abstention):")
    for e in in_scope:
        if not rhit(e, 1):
            r = ranked.get(e["id"], [])
            at = next((k for k in range(len(r)) if rhit(e, k + 1)), None)
            print(f"  {e['id']} {e['question']}  [{'at ' + str(at + 1) if at is not None else 'not in 3'}] -> {r[0][:90] if r else '-'}")
            print(f"      {explain.get(e['id'], '')}")
if False:
    top1miss = [e for e in in_scope if hit(e, 3) and not hit(e, 1)]
    if top1miss:
        print("top-1 misses (found at 2-3):")
        for e in top1miss:
            g = got[e["id"]]
            print(f"  {e['id']} {e['question']}  -> {g['passages'][0]['document']} / {g['passages'][0]['section']}")
            print(f"      {explain.get(e['id'], '')}")
PY
  rm -f "$out" "$err"
done
