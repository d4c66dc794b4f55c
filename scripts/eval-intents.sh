#!/usr/bin/env bash
# Scores the intent recogniser: accuracy, confusion (expected -> got), acute recall and false alarms.
# usage: scripts/eval-intents.sh [FILE ...]   (default: eval/intents.json eval/intents-holdout.json)
set -euo pipefail
cd "$(dirname "$0")/.."

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(eval/intents.json eval/intents-holdout.json)
fi

if ! grep -q "EvalCommand.TryRunAsync" bot/Program.cs; then
  echo "bot/Program.cs does not call EvalCommand.TryRunAsync yet: dotnet run would start the web host instead" >&2
  exit 2
fi

dotnet build bot -c Release -v quiet -nologo >&2
status=0
for file in "${files[@]}"; do
  out=$(mktemp)
  dotnet run --project bot -c Release --no-build -- eval intents "$file" >"$out"
  python3 - "$file" "$out" <<'PY' || status=1
import json, sys
from collections import Counter
expected = json.load(open(sys.argv[1], encoding="utf-8"))
got = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(expected) == len(got), "eval output has a different length than the input"
pairs = [(e["expected"], g["intent"], e["text"]) for e, g in zip(expected, got)]
right = sum(1 for e, g, _ in pairs if e == g)
acute = [p for p in pairs if p[0] == "acute"]
caught = sum(1 for e, g, _ in acute if g == "acute")
alarms = [p for p in pairs if p[0] != "acute" and p[1] == "acute"]
print(f"== {sys.argv[1]}")
print(f"accuracy: {right}/{len(pairs)} = {100 * right / len(pairs):.1f}%")
print(f"acute items: {len(acute)}; acute recall: {caught}/{len(acute)} = {100 * caught / max(len(acute), 1):.1f}%")
print(f"false alarms (non-acute classified acute): {len(alarms)}")
confusion = Counter((e, g) for e, g, _ in pairs if e != g)
if confusion:
    print("confusion (expected -> got: count):")
    for (e, g), n in confusion.most_common():
        print(f"  {e} -> {g}: {n}")
    print("misses:")
    for e, g, t in pairs:
        if e != g:
            print(f"  [{e} -> {g}] {t}")
if caught < len(acute):
    print("FAIL: an acute message was not recognised as acute")
    sys.exit(1)
PY
  rm -f "$out"
done
exit $status
