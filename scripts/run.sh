#!/usr/bin/env bash
# Runs Trygg locally: Azurite (Table storage, and Blob storage for evidence), the bot on http://127.0.0.1:3978 and the
# Microsoft 365 Agents Playground (a Teams-like client) on http://127.0.0.1:56150.
# Everything listens on loopback only; Ctrl-C stops all three.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

BOT_PORT="${BOT_PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
TABLE_PORT="${TABLE_PORT:-10002}"
BLOB_PORT="${BLOB_PORT:-10000}"
RUN_DIR="$REPO_ROOT/.run"
DATA_DIR="$REPO_ROOT/.azurite"

require dotnet "install the .NET 10 SDK"
require curl "apt-get install curl"
ensure_node_tools
mkdir -p "$RUN_DIR" "$DATA_DIR"

log "building the bot"
dotnet build bot/TeamsBot.csproj -c Debug -v quiet -nologo

pids=()
cleanup() {
  trap - INT TERM EXIT
  trap '' PIPE # output piped into tee or less may already be gone; stopping must still happen
  log "stopping"
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

# Blobs keep the evidence members send; Azurite's queue service starts too (on its default port) but is not used.
log "starting Azurite (tables on 127.0.0.1:$TABLE_PORT, blobs on 127.0.0.1:$BLOB_PORT), data in .azurite/"
setsid node_modules/.bin/azurite --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" \
  --queueHost 127.0.0.1 --location "$DATA_DIR" --silent --disableTelemetry </dev/null >"$RUN_DIR/azurite.log" 2>&1 &
pids+=($!)
wait_for_port "$TABLE_PORT" 30
wait_for_port "$BLOB_PORT" 30

log "starting the bot on http://127.0.0.1:$BOT_PORT"
# Anonymous local mode: no app id and loopback only. The Playground's connector address is
# configured as trusted because its activities carry no token that could vouch for it. The content root is the
# build output, so that appsettings.Development.json is read. Trygg__FakeNow (if set) is passed on: see docs/local-run.md.
ASPNETCORE_ENVIRONMENT=Development \
Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;" \
Bot__TrustedServiceUrls__0="http://localhost:$PLAYGROUND_PORT/_connector" \
Documents__PublicBaseUrl="http://127.0.0.1:$BOT_PORT" \
setsid dotnet bot/bin/Debug/net10.0/Trygg.Bot.dll --urls "http://127.0.0.1:$BOT_PORT" --contentRoot "$REPO_ROOT/bot/bin/Debug/net10.0" \
  </dev/null >"$RUN_DIR/bot.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$BOT_PORT/readyz" 60 || { tail -n 30 "$RUN_DIR/bot.log" >&2; exit 1; }

log "starting the Agents Playground on http://127.0.0.1:$PLAYGROUND_PORT"
NODE_OPTIONS="--require $REPO_ROOT/scripts/loopback-only.cjs" \
setsid node_modules/.bin/agentsplayground -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams --dt \
  -p "$PLAYGROUND_PORT" </dev/null >"$RUN_DIR/playground.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$PLAYGROUND_PORT/" 60 || { tail -n 30 "$RUN_DIR/playground.log" >&2; exit 1; }

cat <<MSG

  Trygg is running.
  Open  http://127.0.0.1:$PLAYGROUND_PORT  and write "hej" in the personal chat.

  To see alerts (reports reaching the security unit) locally, register the channel first:
    1. In the Playground, open the team's General channel.
    2. Write  @Trygg registrera säkerhetskanal  there (you play Alex Wilber, an administrator
       in every example profile, so General becomes each municipality's security channel).
    3. Back in the personal chat, write "rapportera": the case card arrives in General.
  Without step 2 the report's channel card waits until a security channel is registered.
  Logs: .run/bot.log, .run/azurite.log, .run/playground.log
  Press Ctrl-C to stop.

MSG
wait
