#!/bin/bash
# uwsgi-oracle.sh — ask the real uWSGI binary what it thinks of one ini file, safely.
# Adapted from the team's uwsgi-validate.sh recipe; every uWSGI call runs inside sandbox.sh.
#
# usage: SANDBOX_RW=<scratch dir> uwsgi-oracle.sh [--plugin LIST] [--run-asap-hooks] FILE.ini
#   --plugin LIST     plugins to load before the file (comma list, passed to `uwsgi --plugin`)
#   --run-asap-hooks  also run the file's own asap hooks (one more call, exit hook after --ini);
#                     only for fixtures whose asap hooks the caller has checked to be harmless
#
# output (stdout), one item per line:
#   UNKNOWN <key>        strict mode refuses <key> (all of them: re-runs with --declare-option KEY=)
#   STRICT <rc> <line>   the strict scan stopped for another reason (last uWSGI line)
#   MESSAGE <line>       what the non-strict run printed (noise removed)
#   HOOKS <rc> <line>    result of the --run-asap-hooks call
#   VERDICT accept|reject <rc>
# exit: 0 when the verdict was reached, 2 usage error, 3 the sandbox is unavailable (nothing ran)
#
# Safety: UWSGI_* env vars removed (uWSGI reads them as options), `timeout -s INT -k 2 5` (SIGTERM
# only reloads uWSGI 2.0), `unshare -m -n` + sandbox.sh: read-only filesystem except SANDBOX_RW, no
# network. `--hook-asap exit:0` comes BEFORE `--ini` so the file's own asap hooks never run (except
# in the --run-asap-hooks call), and uWSGI stops before binding sockets or dropping privileges.

set -u
here=$(cd "$(dirname "$0")" && pwd)
UWSGI=${UWSGI:-uwsgi}
plugins=(); run_hooks=0; file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) [ -n "$2" ] && plugins+=(--plugin "$2"); shift 2;;
    --run-asap-hooks) run_hooks=1; shift;;
    -h|--help) sed -n '2,24p' "$0"; exit 2;;
    -*) echo "unknown flag $1" >&2; exit 2;;
    *) file=$1; shift;;
  esac
done
[ -n "$file" ] || { echo "usage: $0 [--plugin LIST] [--run-asap-hooks] FILE.ini" >&2; exit 2; }
: "${SANDBOX_RW:?set SANDBOX_RW to a scratch directory}"
[ -d "$SANDBOX_RW" ] || { echo "SANDBOX_RW=$SANDBOX_RW is not a directory" >&2; exit 2; }

# Never fall back to an unsandboxed run: without the private read-only mount namespace a vacuum
# config could unlink real files.
if [ "$(id -u)" != 0 ] || ! SANDBOX_RW="$SANDBOX_RW" unshare -m -n "$here/sandbox.sh" true 2>/dev/null; then
  echo "SANDBOX unavailable: needs root and unshare -m -n" >&2; exit 3
fi

envclean=(env)
for v in $(env | grep -oE '^UWSGI_[A-Za-z0-9_]*'); do envclean+=(-u "$v"); done
wrap=(timeout -s INT -k 2 5 unshare -m -n "$here/sandbox.sh")

NOISE='WARNING: you are running uWSGI as root|uWSGI running as root|^(compiled with|os: |nodename|machine: |clock source|pcre jit|detected |current working|your |lock engine|thunder lock)|^\*\*\* Starting uWSGI|^\[uWSGI\] getting INI configuration from|^running "exit:(0|99)" \(|^unlink\(\): |^$'

run_uwsgi() { # args...
  "${envclean[@]}" SANDBOX_RW="$SANDBOX_RW" "${wrap[@]}" "$UWSGI" "${plugins[@]}" "$@" </dev/null 2>&1
}

# 1. strict scan: every key strict mode refuses, declaring each one found so the next run goes on
declared=(); iter=0
while :; do
  iter=$((iter+1))
  out=$(run_uwsgi --strict --hook-asap exit:0 "${declared[@]}" --ini "$file"); rc=$?
  if [ $rc -ne 0 ] && printf '%s\n' "$out" | grep -q '^\[strict-mode\] unknown config directive:'; then
    key=$(printf '%s\n' "$out" | sed -n 's/^\[strict-mode\] unknown config directive: //p' | head -1)
    echo "UNKNOWN $key"
    [ -z "$key" ] && break                      # "= value" line: an empty key cannot be declared
    [ $iter -ge 100 ] && break
    declared+=(--declare-option "$key=")
    continue
  fi
  [ $rc -ne 0 ] && echo "STRICT $rc $(printf '%s\n' "$out" | grep -vE "$NOISE" | tail -1)"
  break
done

# 2. the verdict: a plain (non-strict) run stopped at asap before the file's own hooks
out=$(run_uwsgi --hook-asap exit:0 --ini "$file"); rc=$?
printf '%s\n' "$out" | grep -vE "$NOISE" | sed 's/^/MESSAGE /'
verdict=accept; [ $rc -ne 0 ] && verdict=reject

# 3. optionally the file's own asap hooks: the exit hook goes after them; "exit:99" at pre-jail
#    (before --ini) is the backstop when an unclosed if-* block swallowed the trailing exit hook
if [ $run_hooks = 1 ]; then
  hout=$(run_uwsgi --hook-pre-jail exit:99 --ini "$file" --hook-asap exit:0); hrc=$?
  echo "HOOKS $hrc $(printf '%s\n' "$hout" | grep -vE "$NOISE" | tail -1)"
  [ $hrc -ne 0 ] && [ $hrc -ne 99 ] && verdict=reject
fi
echo "VERDICT $verdict $rc"
exit 0
