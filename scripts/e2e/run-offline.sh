#!/usr/bin/env bash
# npm run test:e2e — the e2e mocha suite (test/e2e/) inside a real VS Code 1.139 Node extension
# host, offline and headless: the VS Code server from the code-server npm package, its web
# workbench in Debian's chromium driven by playwright-core. Exit code 0 = all tests passed.
# npm run test:web (--web) — the web suite (test/web/) with the extension in the workbench's web
# worker extension host instead: the browser entry, the server in a web worker, and a workspace
# of examples/ plus test/web/fixtures/.
# First use installs the toolchain into $UWSGI_INI_E2E_CACHE (see setup.sh).
# Env: UWSGI_INI_E2E_CACHE, PORT, UWSGI_INI_E2E_SKIP_BUILD=1, UWSGI_INI_E2E_GREP, KEEP_DATA=1, VERBOSE=1.
set -euo pipefail
. "$(dirname "$0")/env.sh"
WEB=
[ "${1:-}" = --web ] && WEB=1

bash "$E2E_SCRIPTS/setup.sh"
cd "$REPO"
if [ -z "${UWSGI_INI_E2E_SKIP_BUILD:-}" ]; then
  log "building the extension (npm run build)"
  npm run --silent build >&2
fi
mkdir -p "$CACHE/runs"
if [ -n "$WEB" ]; then
  log "type-checking and bundling the web suite (test/web/)"
  node_modules/.bin/tsc -p test/web/tsconfig.json
  rm -rf test/web/out
  node scripts/e2e/build-web-suite.mjs
  SUITE=$REPO/test/web/out/suite.js
  RUN=$(mktemp -d "$CACHE/runs/web-XXXXXX")
  # The example configs, and the include fixtures beside them.
  cp -R examples "$RUN/workspace"
  cp -R test/web/fixtures/. "$RUN/workspace/"
  # The workbench hosts an extension in its web worker extension host when the user settings say
  # so (the payload's extensionDevelopmentKind is not read by the web workbench of 1.139).
  EXTENSION_KIND='"remote.extensionKind": { "uwsgi-ini.uwsgi-ini": ["web"] },'
else
  log "compiling the e2e suite (test/e2e/tsconfig.json)"
  rm -rf test/e2e/out
  node_modules/.bin/tsc -p test/e2e/tsconfig.json
  SUITE=$REPO/test/e2e/out/suite/index.js
  RUN=$(mktemp -d "$CACHE/runs/e2e-XXXXXX")
  # The suite edits documents and workspace settings: give it a copy of the fixtures.
  cp -R test/e2e/fixtures "$RUN/workspace"
  EXTENSION_KIND=
fi
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
  cat > "$D/user/User/settings.json" <<JSON
{ $EXTENSION_KIND "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "extensions.autoUpdate": false,
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
  CS_HOST=127.0.0.1:$PORT EXT_DEV=$REPO EXT_TESTS=$SUITE \
  WS_FOLDER=$RUN/workspace RUN_DIR=$RUN CHROMIUM=$CHROMIUM NODE_PATH=$CACHE/drive/node_modules \
    node "$E2E_SCRIPTS/drive/ext-test.js"
)
RC=$?
set -e
echo "${WEB:+web }e2e (VS Code ${WEB:+web worker }extension host): exit code $RC"
exit $RC
