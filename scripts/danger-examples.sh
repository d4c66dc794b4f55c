#!/usr/bin/env bash
# Writes bot/Conversation/Intents/DangerExamples.txt, the labelled messages DangerModel learns from: every development set
# under eval/ that says whether a message is danger now (acute-*.json: "acute"; turns-*.json: "accept" led by "acute";
# calm-*.json: everyday messages, all calm). One message per line, "+ " for danger now, "- " for not. A blind set must stay out of
# eval/ (and so out of this file) until it has been scored once.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, json
lines = []
for path in sorted(glob.glob("eval/acute-*.json") + glob.glob("eval/turns-*.json")) + sorted(glob.glob("eval/calm-*.json")):
    for item in json.load(open(path, encoding="utf-8")):
        if "acute" in item:
            danger = bool(item["acute"])
        elif "accept" in item:
            danger = item["accept"][0] == "acute"
        else:
            danger = False
        text = " ".join(item["text"].split())
        lines.append(("+ " if danger else "- ") + text)
with open("bot/Conversation/Intents/DangerExamples.txt", "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
print(f"{len(lines)} examples, {sum(l.startswith('+') for l in lines)} danger now")
PY
