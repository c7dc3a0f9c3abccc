#!/usr/bin/env bash
# Runs code-server (VS Code 1.139 server + web workbench, from the npm package in the cache) with
# node 24, no auth, 127.0.0.1 only, and every file it writes kept under DATA_DIR.
#   usage: code-server.sh DATA_DIR [code-server args...]   (PORT defaults to 8080)
set -euo pipefail
. "$(dirname "$0")/env.sh"
D=$(mkdir -p "$1" && cd "$1" && pwd); shift
use_node24
sandbox_env "$D"
mkdir -p "$D/user/User" "$D/ext"
[ -f "$D/user/User/settings.json" ] || cat > "$D/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "editor.hover.delay": 200,
  "editor.hover.above": false,
  "git.openRepositoryInParentFolders": "never",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "extensions.ignoreRecommendations": true,
  "github.gitAuthentication": false
}
JSON
# The machine reaches no marketplace: point code-server's gallery at a closed loopback port so the
# workbench never even looks up open-vsx.org.
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/vscode/gallery","itemUrl":"http://127.0.0.1:9/vscode/item","resourceUrlTemplate":"http://127.0.0.1:9/vscode/unpkg/{publisher}/{name}/{version}/{path}"}'
exec node "$CODE_SERVER_ENTRY" \
  --config "$D/config.yaml" --bind-addr "127.0.0.1:${PORT:-8080}" --auth none \
  --user-data-dir "$D/user" --extensions-dir "$D/ext" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened "$@"
