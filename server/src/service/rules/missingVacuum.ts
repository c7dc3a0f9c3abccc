import { hasRole } from '../../registry/registry';
import { EntryLine } from '../../parser/ast';
import { DocumentModel } from '../../analysis/model';
import { isFlagTrue, OptionContext } from '../../analysis/optionContext';
import { appendToSection, workspaceEdit } from '../edits';
import { Rule, RuleFix, RuleContext, FixContext } from './rule';
import { dropEntries, dropsUser, selectedHeader } from '../../analysis/privilegeDrop';

// What `vacuum` cleans up on exit (core/uwsgi.c, vacuum()): the UNIX socket files of the
// instance's own sockets, `pidfile2`, and `pidfile` unless a `uid` is set. Shared, lazy (zeromq,
// mongrel2) and gateway sockets, and `safe-pidfile`/`safe-pidfile2`, are never removed.

/** Socket parsers that put the socket in the list vacuum walks. */
/** SSL sockets take `address,certificate,key[,...]`. */
const SSL_SOCKET_PARSER = 'uwsgi_opt_add_ssl_socket';
const PIDFILE_ALWAYS_VACUUMED = 'pidfile2';
/** vacuum skips it when `uid` is set; pidfile-before-drop covers that case. */
const PIDFILE_VACUUMED_WITHOUT_UID = 'pidfile';
const VACUUM = 'vacuum';
/** Turns every UNIX socket into an abstract one, which has no file. */
const ABSTRACT_SOCKETS = 'abstract-socket';

/**
 * The UNIX socket path a socket value names, or undefined for TCP (`host:port`, `:port`,
 * `[::1]:port`), abstract (`@name`) and inherited (`=fd`) sockets, and values we cannot resolve.
 */
export function unixSocketPath(model: DocumentModel, entry: EntryLine, parser: string): string | undefined {
  const value = model.resolveValue(entry.value, undefined, entry);
  if (value === undefined) return undefined;
  const address = (parser === SSL_SOCKET_PARSER ? value.split(',')[0]! : value).trim();
  if (address === '' || address.startsWith('@') || address.startsWith('=') || address.includes(':')) return undefined;
  return address;
}

interface LeftBehind {
  readonly entry: EntryLine;
  readonly what: 'socket' | 'pidfile';
}

function filesLeftBehind(model: DocumentModel, options: OptionContext): LeftBehind[] {
  const abstractValue = model.lastValue(ABSTRACT_SOCKETS);
  const abstract = abstractValue !== undefined && isFlagTrue(abstractValue);
  const uidSet = dropEntries(model, 'user').some((entry) => entry.key === 'uid' && dropsUser(model, entry));
  const isPidfile = (key: string): boolean => key === PIDFILE_ALWAYS_VACUUMED || (key === PIDFILE_VACUUMED_WITHOUT_UID && !uidSet);
  const isVacuumedSocket = (key: string): boolean => !abstract && options.option(key) !== undefined && hasRole(key, 'bound-socket');
  const files: LeftBehind[] = [];
  for (const entry of model.entriesWhere((key) => isPidfile(key) || isVacuumedSocket(key))) {
    if (isPidfile(entry.key)) {
      if (entry.value !== '') files.push({ entry, what: 'pidfile' });
      continue;
    }
    const parser = options.option(entry.key)!.parser;
    if (unixSocketPath(model, entry, parser) !== undefined) files.push({ entry, what: 'socket' });
  }
  return files;
}

function check({ model, options, report }: RuleContext): void {
  // `vacuum = false` is a choice, not an oversight: only a missing vacuum is reported.
  if (model.has(VACUUM)) return;
  if (!selectedHeader(model)) return;
  const files = filesLeftBehind(model, options);
  const first = files[0];
  if (!first) return;
  const others = [...new Set(files.slice(1).map((f) => `\`${f.entry.key}\``))];
  const also = others.length > 0 ? ` The same goes for ${others.join(', ')}.` : '';
  const consequence = first.what === 'socket'
    ? 'creates a UNIX socket file, and without `vacuum` uWSGI leaves it on disk when it exits: clients then find a dead socket instead of none.'
    : 'writes a pid file, and without `vacuum` uWSGI leaves it on disk when it exits: the stale number may later belong to another process, which `--stop`, `--reload` or scripts would then signal.';
  report({
    span: first.entry.valueSpan,
    message: `\`${first.entry.key}\` ${consequence}${also}`,
  });
}

function fixes({ document, model }: FixContext): RuleFix[] {
  const header = selectedHeader(model);
  if (!header) return [];
  const action: RuleFix = {
    title: 'Add `vacuum = true`',
    isPreferred: true,
    // uWSGI then deletes the socket and pid files when it exits.
    safety: 'unsafe',
    edit: workspaceEdit(document, [appendToSection(document, header, ['vacuum = true'])]),
  };
  return [action];
}

/**
 * **Default severity:** information
 *
 * ## What it catches
 *
 * A configuration that creates files `vacuum` would remove on exit, with no `vacuum` line:
 *
 * - UNIX socket files of the instance's own sockets (`socket`, `uwsgi-socket`, `http-socket`,
 *   `fastcgi-socket`, `ssl-socket`, ...): values that are paths, not `host:port`, `:port`,
 *   `[::1]:port`, `@abstract` or `=fd`;
 * - `pidfile2`, and `pidfile` when no `uid` is set.
 *
 * It is reported once, on the value of the first such option; the message names the others.
 * Placeholders defined in the file are resolved; values from the environment (`$(SOCKET)`) are
 * skipped.
 *
 * Not reported, because `vacuum` does not remove them anyway: shared sockets (`shared-socket`),
 * gateway sockets (`http = /run/router.sock`), ZeroMQ/Mongrel2 sockets, `safe-pidfile` and
 * `safe-pidfile2`, any socket when `abstract-socket` is on, and `pidfile` when `uid` is set (see
 * [pidfile-before-drop](pidfile-before-drop.md)).
 *
 * An explicit `vacuum = false` is taken as a decision and is not reported.
 *
 * ## Why
 *
 * uWSGI does not delete what it created unless `vacuum` is on. A socket file left behind makes
 * clients (nginx, a health check) get "connection refused" from a dead socket instead of a clear
 * "no such file". A stale pid file keeps a number that may later belong to another process, which
 * `uwsgi --stop`, `--reload` or a service script would then signal.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * socket = /run/app/app.sock
 * pidfile = /run/app/app.pid
 * ```
 *
 * After the quick fix "Add `vacuum = true`":
 *
 * ```ini
 * [uwsgi]
 * socket = /run/app/app.sock
 * pidfile = /run/app/app.pid
 * vacuum = true
 * ```
 *
 * `vacuum` acts at exit whatever its position, so the fix puts it after the section's last entry
 * that no logic block is open around: never between the header and a comment below it, nor between
 * a comment and the line it describes.
 *
 * ## Fixes in bulk
 *
 * Adding `vacuum = true` is **unsafe**: uWSGI then deletes the files when it exits. Only
 * `--unsafe-fixes` applies it.
 *
 * ## Silencing it
 *
 * Write `vacuum = false` to record that the files should stay, or:
 *
 * ```ini
 * # uwsgi-ini: disable-next-line missing-vacuum
 * socket = /run/app/app.sock
 * ```
 *
 * or set `"uwsgi.diagnostics": { "missing-vacuum": "off" }`.
 *
 * ## See also
 *
 * - [uWSGI options: vacuum](https://uwsgi-docs.readthedocs.io/en/latest/Options.html#vacuum)
 */
export const missingVacuum: Rule = {
  id: 'missing-vacuum', defaultSeverity: 'information', order: 220, check, fixes,
  title: 'UNIX socket or pid file without vacuum: uWSGI leaves the file behind when it exits',
  summary: { severity: 'information', catches: 'UNIX sockets and pidfiles left behind on exit' },
};
