#!/usr/bin/env bash
# npm run test:try — starts `npm run try` as a user would and checks what it opened: a scratch copy
# of examples/ outside the checkout (the workbench auto-saves, so the checkout itself must never be
# the folder), identical to examples/, served by a workbench that answers. Exit code 0 = passed.
# Env: UWSGI_INI_E2E_CACHE, VSIX (skip packaging, use this file).
set -euo pipefail
. "$(dirname "$0")/env.sh"

bash "$E2E_SCRIPTS/setup.sh"
cd "$REPO"
packaged_vsix
PORT=$(free_port)
OUT=$(mktemp)
TPID=
cleanup() { stop_group "$TPID"; rm -f "$OUT"; }
trap cleanup EXIT

PORT=$PORT VSIX=$VSIX setsid bash "$E2E_SCRIPTS/try.sh" > "$OUT" 2>&1 &
TPID=$!
url=
for _ in $(seq 1 600); do
  url=$(grep -aoE "http://127\.0\.0\.1:$PORT/\?folder=[^ ]+" "$OUT" || true)
  [ -n "$url" ] && break
  kill -0 "$TPID" 2>/dev/null || break
  sleep 0.2
done
passed=0 failed=0
check() { # $1 = what, rest = command
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "  ok: $what"; else failed=$((failed + 1)); echo "  FAILED: $what"; fi
}
if [ -z "$url" ]; then
  cat "$OUT" >&2
  echo "try check: npm run try printed no workbench URL"
  echo "0 passed, 1 failed"
  exit 1
fi
folder=${url#*folder=}
echo "npm run try opened $folder"
outside_checkout() { case "$(cd "$folder" && pwd -P)/" in "$(cd "$REPO" && pwd -P)/"*) return 1 ;; *) return 0 ;; esac; }
check "the opened folder is outside the checkout" outside_checkout
check "the opened folder holds the same files as examples/" diff -r "$REPO/examples" "$folder"
check "the workbench answers" wait_http "http://127.0.0.1:$PORT/healthz" 10
check "the output says the copy is scratch" grep -q "scratch copy" "$OUT"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
