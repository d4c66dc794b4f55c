#!/usr/bin/env bash
# Writes the labelled messages the bot's two learnt readers learn from, out of every development set under eval/:
# - bot/Conversation/Intents/DangerExamples.txt (DangerModel): "+ " danger now, "- " not. acute-*.json say it ("acute"),
#   turns-*.json by an "accept" led by "acute", calm-*.json (everyday messages) are all calm.
# - bot/Conversation/Intents/IntentExamples.txt (IntentModel): "<label> <message>", the label being what the member
#   wants: the first accepted action of each turns-*.json message (answer, suggest and none are all "question": the
#   guidance decides between them), and "other" for the everyday messages of calm-*.json.
# A blind set must stay out of eval/ (and so out of these files) until it has been scored once.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, json

def read(pattern):
    for path in sorted(glob.glob(pattern)):
        for item in json.load(open(path, encoding="utf-8")):
            yield path, item, " ".join(item["text"].split())

danger = []
for path, item, text in list(read("eval/acute-*.json")) + list(read("eval/turns-*.json")):
    now = bool(item["acute"]) if "acute" in item else (item.get("accept") or [None])[0] == "acute"
    danger.append(("+ " if now else "- ") + text)
for path, item, text in read("eval/calm-*.json"):
    danger.append("- " + text)

intents = []
question = {"answer", "suggest", "none"}
for path, item, text in read("eval/turns-*.json"):
    first = item["accept"][0]
    intents.append(("question" if first in question else first) + " " + text)
for path, item, text in read("eval/calm-*.json"):
    intents.append("other " + text)

for name, lines in (("DangerExamples.txt", danger), ("IntentExamples.txt", intents)):
    with open("bot/Conversation/Intents/" + name, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
print(f"{len(danger)} danger examples ({sum(l.startswith('+') for l in danger)} danger now), {len(intents)} intent examples")
PY
