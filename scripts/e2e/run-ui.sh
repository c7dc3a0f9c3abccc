#!/usr/bin/env bash
# npm run test:ui — packages the .vsix, installs it into a fresh code-server, opens a copy of examples/
# in headless chromium and checks what a user sees: the uWSGI INI file icon in the explorer, a squiggle
# in examples/uwsgi.ini, a Problems panel row for the `vaccum` typo, the hover on `hook-as-root`,
# the extension's page with its README. Screenshot: test/artifacts/ui-check.png,
# copied to images/screenshot.png (the README's picture). Exit code 0 = all checks passed.
# --web (npm run test:web): the same checks with the installed .vsix in the workbench's web
# worker extension host (its `browser` entry, the server in a web worker); the screenshot is
# test/artifacts/ui-check-web.png and never becomes the README's.
# Env: UWSGI_INI_E2E_CACHE, PORT, VSIX (skip packaging, use this file), KEEP_DATA=1,
#      UWSGI_INI_KEEP_SCREENSHOT=1 (leave images/screenshot.png alone; ci.sh sets it).
set -euo pipefail
. "$(dirname "$0")/env.sh"
WEB=
[ "${1:-}" = --web ] && WEB=1

bash "$E2E_SCRIPTS/setup.sh"
cd "$REPO"
packaged_vsix

mkdir -p "$CACHE/runs" test/artifacts
RUN=$(mktemp -d "$CACHE/runs/ui-XXXXXX")
PORT=${PORT:-$(free_port)}
SPID=
RC=1
cleanup() {
  stop_group "$SPID"
  if [ -n "${KEEP_DATA:-}" ] || [ "$RC" != 0 ]; then log "run data kept in $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT

log "installing $(basename "$VSIX") into a fresh code-server"
PORT=$PORT bash "$E2E_SCRIPTS/code-server.sh" "$RUN/cs" --install-extension "$VSIX" > "$RUN/install.log" 2>&1 \
  || { cat "$RUN/install.log" >&2; exit 2; }
grep -q "was successfully installed" "$RUN/install.log" || { cat "$RUN/install.log" >&2; exit 2; }
if [ -n "$WEB" ]; then
  # The user settings that make the workbench host the extension in its web worker extension host.
  node -e '
    const fs = require("fs"), file = process.argv[1], settings = JSON.parse(fs.readFileSync(file, "utf8"));
    settings["remote.extensionKind"] = { "uwsgi-ini.uwsgi-ini": ["web"] };
    fs.writeFileSync(file, JSON.stringify(settings, null, 2));' "$RUN/cs/user/User/settings.json"
fi
# A copy, so that nothing the workbench saves can reach the checkout's examples/.
cp -R "$REPO/examples" "$RUN/examples"
PORT=$PORT setsid bash "$E2E_SCRIPTS/code-server.sh" "$RUN/cs" "$RUN/examples" > "$RUN/server.log" 2>&1 &
SPID=$!
wait_http "http://127.0.0.1:$PORT/healthz" 60 || { cat "$RUN/server.log" >&2; exit 2; }
log "code-server on 127.0.0.1:$PORT (pid $SPID)"

SHOT=$REPO/test/artifacts/ui-check${WEB:+-web}.png
rm -f "$SHOT" "${SHOT%.png}-fail.png"
set +e
(
  sandbox_env "$RUN"
  CS_URL="http://127.0.0.1:$PORT/?folder=$RUN/examples" SHOT=$SHOT RUN_DIR=$RUN CHROMIUM=$CHROMIUM \
  NODE_PATH=$CACHE/drive/node_modules node "$E2E_SCRIPTS/drive/ui-check.js"
)
RC=$?
set -e
if [ "$RC" = 0 ] && [ -z "${UWSGI_INI_KEEP_SCREENSHOT:-}" ] && [ -z "$WEB" ]; then
  mkdir -p images && cp "$SHOT" images/screenshot.png
  echo "screenshot: test/artifacts/ui-check.png (copied to images/screenshot.png)"
elif [ "$RC" = 0 ]; then
  echo "screenshot: ${SHOT#"$REPO"/}"
else
  echo "failure screenshot: ${SHOT%.png}-fail.png"
fi
echo "ui check (code-server + .vsix${WEB:+, web worker extension host}): exit code $RC"
exit $RC
