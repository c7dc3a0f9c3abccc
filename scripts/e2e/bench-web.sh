#!/usr/bin/env bash
# npm run bench:web — start time of the web worker server in headless chromium (see
# drive/web-start.js); builds first. Uses the offline toolchain of setup.sh (playwright-core).
# Env: UWSGI_INI_E2E_CACHE, RUNS.
set -euo pipefail
. "$(dirname "$0")/env.sh"
bash "$E2E_SCRIPTS/setup.sh"
cd "$REPO"
npm run --silent build >&2
mkdir -p "$CACHE/runs"
RUN=$(mktemp -d "$CACHE/runs/bench-web-XXXXXX")
trap 'rm -rf "$RUN"' EXIT
(
  sandbox_env "$RUN"
  RUN_DIR=$RUN CHROMIUM=$CHROMIUM NODE_PATH=$CACHE/drive/node_modules node "$E2E_SCRIPTS/drive/web-start.js"
)
