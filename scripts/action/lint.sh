#!/usr/bin/env bash
# The logic of action.yml: run uwsgi-ini-lint on the given paths with GitHub annotations, and
# optionally write SARIF. Inputs come as environment variables (INPUT_PATHS, INPUT_SARIF,
# INPUT_MAX_WARNINGS, INPUT_ARGS), so no input is ever spliced into shell code. Runs locally too:
#   INPUT_PATHS=vassals bash scripts/action/lint.sh
set -uo pipefail

action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}

# The linter: $UWSGI_INI_LINT if set, else the action's own build (made once when missing).
if [ -n "${UWSGI_INI_LINT:-}" ]; then
  lint=("$UWSGI_INI_LINT")
else
  if [ ! -f "$action_path/server/out/cli/lint.js" ]; then
    echo "::group::Building uwsgi-ini-lint"
    (cd "$action_path" && npm ci --no-audit --no-fund --ignore-scripts && npx tsc -b) || { echo "::error title=uwsgi-ini-lint::could not build the linter"; exit 2; }
    echo "::endgroup::"
  fi
  lint=(node "$action_path/server/bin/uwsgi-ini-lint.js")
fi

# One path or glob per line, or several separated by blanks; globs are expanded by the linter,
# not by this shell.
set -f
paths=()
while IFS= read -r line; do
  for word in $line; do paths+=("$word"); done
done <<< "${INPUT_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)

extra=()
for word in ${INPUT_ARGS:-}; do extra+=("$word"); done
set +f

max_warnings=${INPUT_MAX_WARNINGS:-}
if [ -n "$max_warnings" ]; then
  if ! [[ $max_warnings =~ ^[0-9]+$ ]]; then
    echo "::error title=uwsgi-ini-lint::max-warnings must be a whole number"
    exit 2
  fi
  extra+=(--max-warnings "$max_warnings")
fi

"${lint[@]}" --format github "${extra[@]}" -- "${paths[@]}"
status=$?

sarif=${INPUT_SARIF:-}
if [ -n "$sarif" ]; then
  "${lint[@]}" --format sarif "${extra[@]}" -- "${paths[@]}" > "$sarif"
  sarif_status=$?
  # 0 and 1 are findings; anything else means the SARIF run itself failed.
  if [ "$sarif_status" -gt 1 ]; then status=$sarif_status; fi
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif=$sarif" >> "$GITHUB_OUTPUT"; fi
fi
exit "$status"
