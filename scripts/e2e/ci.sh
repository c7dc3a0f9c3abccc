#!/usr/bin/env bash
# CI fragment (called by .ci/run): system packages for the offline VS Code, then the e2e suite in
# the VS Code extension host and the UI check with the packaged .vsix. Exit code: first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" = 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium libkrb5-dev
fi
npm run test:e2e
# CI leaves the committed README screenshot alone (the fresh one is in test/artifacts/).
UWSGI_INI_KEEP_SCREENSHOT=1 npm run test:ui
