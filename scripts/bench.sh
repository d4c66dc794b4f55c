#!/usr/bin/env bash
# The benchmark: Azurite, the bot (Release, anonymous loopback mode with Production's log levels), a floor endpoint and a
# loopback connector, all on 127.0.0.1; prints one JSON object (progress goes to stderr). Not part of scripts/test.sh.
# Options are passed through, e.g. scripts/bench.sh --conversations 50 --turns-per-conversation 60 (see bench/TeamsBot.Bench/BenchOptions.cs).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

require dotnet "install the .NET 10 SDK"
ensure_node_tools

log "building the bot and the harness (Release)"
dotnet build bench/TeamsBot.Bench/TeamsBot.Bench.csproj -c Release -v quiet -nologo >&2

exec dotnet bench/TeamsBot.Bench/bin/Release/net10.0/TeamsBot.Bench.dll "$@"
