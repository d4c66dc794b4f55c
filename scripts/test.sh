#!/usr/bin/env bash
# Every test: unit, integration (real HTTP, Azurite) and end-to-end (the Agents Playground in headless
# Chromium). Installs what it needs first, so it works in a fresh clone.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

require dotnet "install the .NET 10 SDK"
ensure_debian_package python3 python3 # the app-package tests run scripts/package-app.sh; the eval scripts use it too
ensure_node_tools
ensure_chromium

log "building"
dotnet build TeamsBot.sln -c Debug -v quiet -nologo

results="$(mktemp -d)"
status=0
for project in tests/TeamsBot.Tests tests/TeamsBot.IntegrationTests tests/TeamsBot.EndToEndTests; do
  name="$(basename "$project")"
  log "running $name"
  if ! dotnet test "$project" --no-build -c Debug --logger "trx;LogFileName=$name.trx" \
      --results-directory "$results" --logger "console;verbosity=minimal" 2>&1 | tee "$results/$name.log"; then
    status=1
  fi
done

# One closing line for CI: totals over all test projects, read from the TRX files.
passed=0
failed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  p="$(grep -o 'passed="[0-9]*"' "$trx" | head -n1 | tr -dc '0-9')"
  f="$(grep -o 'failed="[0-9]*"' "$trx" | head -n1 | tr -dc '0-9')"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [[ "$passed" -eq 0 ]]; then
  log "no test ran"
  status=1
fi
echo "tests: $passed passed, $failed failed"
exit "$status"
