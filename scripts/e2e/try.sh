#!/usr/bin/env bash
# npm run try — the packaged extension in the offline VS Code (code-server from the cache), with a
# scratch copy of examples/ open, in your browser at http://127.0.0.1:PORT (default 8080). Ctrl-C
# stops it. The profile lives in $UWSGI_INI_E2E_CACHE/try (settings persist; the extension is
# reinstalled). The workbench saves automatically, so it never opens the checkout itself: quick
# fixes tried there would rewrite examples/, which `npm start` and the UI check read.
# Env: UWSGI_INI_E2E_CACHE, PORT, VSIX (skip packaging, use this file).
set -euo pipefail
. "$(dirname "$0")/env.sh"

bash "$E2E_SCRIPTS/setup.sh"
cd "$REPO"
packaged_vsix
export PORT=${PORT:-8080}
if ! port_free "$PORT"; then
  log "port $PORT is in use: set PORT=another"; exit 2
fi
DATA=$CACHE/try
WORKSPACE=$DATA/workspace/examples
rm -rf "$DATA/workspace" && mkdir -p "$DATA/workspace"
cp -R "$REPO/examples" "$WORKSPACE"
log "installing $(basename "$VSIX")"
bash "$E2E_SCRIPTS/code-server.sh" "$DATA" --install-extension "$VSIX" --force >&2
setsid bash "$E2E_SCRIPTS/code-server.sh" "$DATA" "$WORKSPACE" > "$DATA/server.log" 2>&1 &
SPID=$!
trap 'stop_group $SPID; echo; log "stopped"' EXIT
trap 'exit 0' INT TERM
wait_http "http://127.0.0.1:$PORT/healthz" 60 || { cat "$DATA/server.log" >&2; exit 2; }
echo
echo "  uWSGI INI in VS Code (code-server, offline): http://127.0.0.1:$PORT/?folder=$WORKSPACE"
echo "  a scratch copy of examples/, made afresh on every start: edits there never reach the checkout"
echo "  log: $DATA/server.log — press Ctrl-C to stop"
echo
wait $SPID
