#!/usr/bin/env bash
# Builds the Teams app package (appPackage.zip) from manifest/: fills the ids and the municipality's settings into
# manifest.json and zips it with the icons and the English localisation file.
#
#   scripts/package-app.sh [--env-file FILE] [--out DIR]
#
# Settings come from the environment, or from FILE (KEY=VALUE lines, e.g. `azd env get-values > FILE`); the
# environment wins. After `azd up` they are all in the azd environment, and azure.yaml's postprovision hook runs
# this script with them.
#
#   BOT_ID          required  client id of the bot's user-assigned managed identity (azd output)
#   BOT_DOMAIN      required  host name of the bot's App Service, e.g. trygg-prod-xyz.azurewebsites.net (azd output)
#   DEVELOPER_NAME  required  who publishes the app to members, e.g. "Alingsås kommun" (at most 32 characters)
#   WEBSITE_URL     required  https page about Trygg or the municipality's security unit
#   PRIVACY_URL     required  https page of the municipality's privacy notice for Trygg
#   TERMS_URL       required  https page with the terms of use
#   TEAMS_APP_ID    optional  the manifest id (a GUID that must never change between versions); default BOT_ID
#   APP_VERSION     optional  semantic version, raised for every new package (default 1.0.0)
#
# Output: DIR/appPackage.zip (default artifacts/) holding manifest.json, color.png, outline.png and en.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

env_file=""
out_dir="$REPO_ROOT/artifacts"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env-file) env_file="$2"; shift 2 ;;
    --out) out_dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) log "unknown argument: $1 (see --help)"; exit 2 ;;
  esac
done

require python3 "install Python 3 (Debian: apt-get install python3)"
mkdir -p "$out_dir"

# JSON-aware filling: the values are put into parsed strings, never spliced into JSON text.
TRYGG_MANIFEST_DIR="$REPO_ROOT/manifest" TRYGG_ENV_FILE="$env_file" TRYGG_OUT_DIR="$out_dir" python3 - <<'PY'
import json, os, re, sys, zipfile

manifest_dir = os.environ["TRYGG_MANIFEST_DIR"]
out_dir = os.environ["TRYGG_OUT_DIR"]

settings = {}
env_file = os.environ.get("TRYGG_ENV_FILE")
if env_file:
    with open(env_file, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            key, value = line.split("=", 1)
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            settings[key.strip()] = value

def setting(name, default=None):
    value = os.environ.get(name) or settings.get(name) or default
    return value.strip() if isinstance(value, str) else value

GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HTTPS = re.compile(r"^https://[^\s/?#]+\.[^\s/?#]+(/[^\s]*)?$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")

values = {
    "BOT_ID": setting("BOT_ID"),
    "BOT_DOMAIN": (setting("BOT_DOMAIN") or "").lower() or None,
    "DEVELOPER_NAME": setting("DEVELOPER_NAME"),
    "WEBSITE_URL": setting("WEBSITE_URL"),
    "PRIVACY_URL": setting("PRIVACY_URL"),
    "TERMS_URL": setting("TERMS_URL"),
    "APP_VERSION": setting("APP_VERSION", "1.0.0"),
}
values["TEAMS_APP_ID"] = setting("TEAMS_APP_ID", values["BOT_ID"])

rules = {
    "BOT_ID": (GUID, "the client id (a GUID) of the bot's managed identity"),
    "TEAMS_APP_ID": (GUID, "a GUID"),
    "BOT_DOMAIN": (DOMAIN, "a host name such as trygg-prod.azurewebsites.net (no scheme, no path)"),
    "WEBSITE_URL": (HTTPS, "an https URL"),
    "PRIVACY_URL": (HTTPS, "an https URL"),
    "TERMS_URL": (HTTPS, "an https URL"),
    "APP_VERSION": (SEMVER, "a version such as 1.2.0"),
}
errors = []
for name, value in values.items():
    if not value:
        if name != "TEAMS_APP_ID":  # defaults to BOT_ID, already reported
            errors.append(f"{name} is not set")
    elif name in rules and not rules[name][0].match(value):
        errors.append(f"{name} must be {rules[name][1]} (got '{value}')")
if values["DEVELOPER_NAME"] and len(values["DEVELOPER_NAME"]) > 32:
    errors.append("DEVELOPER_NAME must be at most 32 characters")
if errors:
    for e in errors:
        print(f"[trygg] package-app: {e}", file=sys.stderr)
    print("[trygg] package-app: see scripts/package-app.sh --help", file=sys.stderr)
    sys.exit(1)

PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")

def fill(node):
    if isinstance(node, dict):
        return {k: fill(v) for k, v in node.items()}
    if isinstance(node, list):
        return [fill(v) for v in node]
    if isinstance(node, str):
        return PLACEHOLDER.sub(lambda m: values[m.group(1)], node)
    return node

with open(os.path.join(manifest_dir, "manifest.json"), encoding="utf-8") as f:
    manifest = fill(json.load(f))

# Exactly what the manifest names: the icons and the localisation files.
files = [manifest["icons"]["color"], manifest["icons"]["outline"]]
files += [lang["file"] for lang in manifest.get("localizationInfo", {}).get("additionalLanguages", [])]

target = os.path.join(out_dir, "appPackage.zip")
tmp = target + ".tmp"
def entry(name):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # reproducible: same inputs, same bytes
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info

with zipfile.ZipFile(tmp, "w") as z:
    z.writestr(entry("manifest.json"), json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    for name in files:
        with open(os.path.join(manifest_dir, name), "rb") as f:
            z.writestr(entry(name), f.read())
os.replace(tmp, target)
print(target)
PY
