#!/usr/bin/env bash
# npm run test:e2e — the e2e mocha suite (test/e2e/) inside a real VS Code 1.139 Node extension
# host, offline and headless: the VS Code server from the code-server npm package, its web
# workbench in Debian's chromium driven by playwright-core. Exit code 0 = all tests passed.
# First use installs the toolchain into $UWSGI_INI_E2E_CACHE (see setup.sh).
# Env: UWSGI_INI_E2E_CACHE, PORT, UWSGI_INI_E2E_SKIP_BUILD=1, UWSGI_INI_E2E_GREP, KEEP_DATA=1, VERBOSE=1.
set -euo pipefail
. "$(dirname "$0")/env.sh"

bash "$E2E_SCRIPTS/setup.sh"
cd "$REPO"
if [ -z "${UWSGI_INI_E2E_SKIP_BUILD:-}" ]; then
  log "building the extension (npm run build)"
  npm run --silent build >&2
fi
log "compiling the e2e suite (test/e2e/tsconfig.json)"
rm -rf test/e2e/out
node_modules/.bin/tsc -p test/e2e/tsconfig.json

mkdir -p "$CACHE/runs"
RUN=$(mktemp -d "$CACHE/runs/e2e-XXXXXX")
# The suite edits documents and workspace settings: give it a copy of the fixtures.
cp -R test/e2e/fixtures "$RUN/workspace"
PORT=${PORT:-$(free_port)}
SPID=
cleanup() {
  stop_group "$SPID"
  if [ -n "${KEEP_DATA:-}" ] || [ "${RC:-1}" != 0 ]; then log "run data kept in $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT

(
  use_node24
  sandbox_env "$RUN"
  D=$RUN/vscode
  mkdir -p "$D/user/User" "$D/ext" "$D/server"
  cat > "$D/user/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false, "telemetry.telemetryLevel": "off", "update.mode": "none",
  "chat.disableAIFeatures": true, "workbench.tips.enabled": false }
JSON
  export VSCODE_AGENT_FOLDER=$D/server
  exec setsid node "$VSCODE_SERVER_MAIN" \
    --host 127.0.0.1 --port "$PORT" --without-connection-token --accept-server-license-terms \
    --server-data-dir "$D/server" --user-data-dir "$D/user" --extensions-dir "$D/ext" \
    --disable-telemetry --disable-workspace-trust --enable-smoke-test-driver
) > "$RUN/server.log" 2>&1 &
SPID=$!
wait_http "http://127.0.0.1:$PORT/version" 60 || { cat "$RUN/server.log" >&2; exit 2; }
log "VS Code server on 127.0.0.1:$PORT (pid $SPID); running the suite"

set +e
(
  sandbox_env "$RUN"
  CS_HOST=127.0.0.1:$PORT EXT_DEV=$REPO EXT_TESTS=$REPO/test/e2e/out/suite/index.js \
  WS_FOLDER=$RUN/workspace RUN_DIR=$RUN CHROMIUM=$CHROMIUM NODE_PATH=$CACHE/drive/node_modules \
    node "$E2E_SCRIPTS/drive/ext-test.js"
)
RC=$?
set -e
echo "e2e (VS Code extension host): exit code $RC"
exit $RC
