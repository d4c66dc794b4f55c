# Shared helpers for scripts/run.sh and scripts/test.sh. Sourced, not run.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[trygg] %s\n' "$*" >&2; }

require() {
  command -v "$1" >/dev/null 2>&1 || { log "missing '$1': $2"; exit 1; }
}

# Node dev tools (Azurite, the Agents Playground, the Adaptive Cards templating oracle), pinned by
# package-lock.json. Re-installed only when the lock file changed since the last install.
ensure_node_tools() {
  require node "install Node.js 20 or newer"
  require npm "install npm (comes with Node.js)"
  local stamp="$REPO_ROOT/node_modules/.trygg-lock.sha"
  local want
  want="$(sha256sum "$REPO_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    log "installing Node dev tools (npm ci)"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}

# Installs a Debian package when its command is missing: $1 command, $2 package.
ensure_debian_package() {
  if command -v "$1" >/dev/null 2>&1; then
    return
  fi
  log "installing Debian's $2 (apt-get)"
  local sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null
}

# Debian's Chromium for the end-to-end tests (never a browser downloaded by a test tool).
ensure_chromium() {
  ensure_debian_package chromium chromium
}

# Waits until a URL answers 2xx, or fails after $2 seconds.
wait_for_url() {
  local url="$1" timeout="${2:-60}" i
  for ((i = 0; i < timeout * 4; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.25
  done
  log "timed out waiting for $url"
  return 1
}

# Waits until a TCP port on 127.0.0.1 accepts connections.
wait_for_port() {
  local port="$1" timeout="${2:-60}" i
  for ((i = 0; i < timeout * 4; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.25
  done
  log "timed out waiting for port $port"
  return 1
}
