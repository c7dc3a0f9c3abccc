import { afterDropVariant, hasRole, optionsWithRole } from '../../registry/registry';
import { DocumentModel } from '../../analysis/model';
import { replacementFixes } from '../edits';
import { isFlagTrue } from '../../analysis/optionContext';
import { Severity } from '../settings';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';
import { dropEntries, dropsUser } from '../../analysis/privilegeDrop';

/** The normal drop; `immediate-uid` switches while the file is read, before any of these files exist. */
const DROP_USER_OPTION = 'uid';

/** Hands the log file (stderr) to uid/gid before the drop, which settles `daemonize` and `logto`. */
const LOG_CHOWN_OPTION = 'logfile-chown';

/**
 * `logto`/`daemonize` values that create no file: logto() takes anything with a `:` for a UDP
 * address, and a device under /dev/ already exists.
 */
function createsNoFile(value: string): boolean {
  return value.includes(':') || value.startsWith('/dev/');
}

function flagOn(model: DocumentModel, key: string): boolean {
  const value = model.lastValue(key);
  return value !== undefined && isFlagTrue(value);
}

interface Verdict {
  readonly severity: Severity;
  readonly consequence: string;
}

/**
 * What root's ownership changes for each file (core/uwsgi.c): the pidfile is written once at the
 * first start and vacuum() skips it whenever `uid` is set, while it removes `pidfile2`; vacuum()
 * never removes a safe-pidfile of either kind; a log file matters only when it is opened again.
 */
function verdictFor(model: DocumentModel, key: string): Verdict {
  if (key === 'pidfile') {
    return flagOn(model, 'vacuum')
      ? { severity: 'warning', consequence: '`vacuum` never removes a `pidfile` once `uid` is set, so the file stays behind after uWSGI exits' }
      : { severity: 'information', consequence: 'harmless here: uWSGI writes it once at start and nothing deletes it, but with `vacuum` it would stay behind, as `vacuum` skips a `pidfile` once `uid` is set' };
  }
  if (key === 'safe-pidfile') {
    return { severity: 'information', consequence: 'harmless here: the pid file belongs to root, and `vacuum` removes neither `safe-pidfile` nor `safe-pidfile2`' };
  }
  if (hasRole(key, 'log-file')) {
    // Without a reopener the log stays open through the descriptor root handed down, and root's
    // ownership never shows.
    const reopener = [...optionsWithRole('log-reopener')].find((option) => model.lastValue(option) !== undefined && (option !== 'log-reopen' || flagOn(model, option)));
    return reopener
      ? { severity: 'warning', consequence: `the log file belongs to root, and \`${reopener}\` makes the unprivileged master open it again, which fails` }
      : { severity: 'information', consequence: 'harmless here: the processes keep writing through the descriptor root opened, but the file belongs to root and reopening it (`log-reopen`, `log-maxsize`, rotation) would fail' };
  }
  return { severity: 'information', consequence: 'the file belongs to root' };
}

function check({ model, report }: RuleContext): void {
  const drop = dropEntries(model, 'user').find((entry) => entry.key === DROP_USER_OPTION && dropsUser(model, entry));
  if (!drop) return;
  const logChowned = flagOn(model, LOG_CHOWN_OPTION);
  for (const entry of model.entriesWhere((key) => afterDropVariant(key) !== undefined)) {
    const variant = afterDropVariant(entry.key)!;
    if (hasRole(entry.key, 'log-file') && (logChowned || createsNoFile(entry.value))) continue;
    const verdict = verdictFor(model, entry.key);
    report({
      span: entry.keySpan,
      message: `\`${entry.key}\` creates its file while uWSGI is still root, before it switches to \`uid = ${drop.value}\`: ${verdict.consequence}. \`${variant}\` does the same after the drop.`,
      severity: verdict.severity,
      data: { variant },
    });
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const variant = data['variant'];
  if (typeof variant !== 'string') return [];
  // Unsafe: the file is then written later, by another user.
  return replacementFixes(document, diagnostic, [variant], () => `Change to \`${variant}\` (after the privilege drop)`, 'unsafe');
}

/**
 * **Default severity:** warning when root owning the file makes something fail; information when it
 * is harmless here.
 *
 * ## What it catches
 *
 * `pidfile`, `safe-pidfile`, `daemonize` or `logto` in a configuration that drops privileges with
 * `uid`. The range is the key. `immediate-uid` switches user before any of these files exist, so it
 * does not trigger the rule. Not reported at all:
 *
 * - `daemonize` and `logto` when `logfile-chown` is on: that option hands the log file to the new
 *   user before the drop;
 * - log targets that create no file: uWSGI sends the log over UDP when the value holds a `:`
 *   (`logto = 127.0.0.1:1717`), and a device such as `/dev/null` already exists.
 *
 * ## Why
 *
 * These options create their file early, while uWSGI is still root, so the file belongs to root.
 * Whether that matters depends on what later touches the file:
 *
 * | option | when it is a warning | why |
 * |---|---|---|
 * | `pidfile` | `vacuum` is on | uWSGI writes the pid file once, at the first start; vacuum() deletes it only when no `uid` is set, so with `uid` the file stays behind after every exit. Without `vacuum` nothing deletes it anyway: information |
 * | `safe-pidfile` | never (information) | vacuum() removes neither `safe-pidfile` nor `safe-pidfile2` |
 * | `logto`, `daemonize` | `log-reopen`, `log-maxsize`, `touch-logreopen` or `touch-logrotate` is set | the processes keep writing through the descriptor root opened, which works; but the file is created with mode 0640 for root, so when the unprivileged master must open it again (on reload, rotation by size, a touched trigger file) that fails. Without such an option: information |
 *
 * Each has a `2` variant that does the same job after the privilege drop, as the unprivileged
 * user: `pidfile2`, `safe-pidfile2`, `logto2`, `daemonize2`. The files then belong to that user
 * (and `vacuum` removes `pidfile2`). The directory must of course be writable by that user.
 *
 * `daemonize2` also changes *when* uWSGI goes to the background: after the applications are
 * loaded instead of right at start-up. Errors while loading the application then still reach the
 * terminal or the service manager that started uWSGI, and the command returns only once the
 * application is loaded.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * uid = app
 * gid = app
 * vacuum = true
 * log-reopen = true
 * pidfile = /run/app/app.pid
 * logto = /var/log/app/uwsgi.log
 * ```
 *
 * After the quick fixes (each renames the key only):
 *
 * ```ini
 * [uwsgi]
 * uid = app
 * gid = app
 * vacuum = true
 * log-reopen = true
 * pidfile2 = /run/app/app.pid
 * logto2 = /var/log/app/uwsgi.log
 * ```
 *
 * ## Fixes in bulk
 *
 * The `2` variant is **unsafe**: the file is then written later, by the unprivileged user. Only
 * `--unsafe-fixes` applies it.
 *
 * ## Silencing it
 *
 * ```ini
 * # uwsgi-ini: disable-next-line pidfile-before-drop
 * pidfile = /run/app/app.pid
 * ```
 *
 * or set `"uwsgi.diagnostics": { "pidfile-before-drop": "off" }`.
 *
 * ## See also
 *
 * - [uWSGI options: pidfile2](https://uwsgi-docs.readthedocs.io/en/latest/Options.html#pidfile2),
 *   [logto2](https://uwsgi-docs.readthedocs.io/en/latest/Options.html#logto2),
 *   [daemonize2](https://uwsgi-docs.readthedocs.io/en/latest/Options.html#daemonize2)
 * - [missing-vacuum](missing-vacuum.md)
 */
export const pidfileBeforeDrop: Rule = {
  id: 'pidfile-before-drop', defaultSeverity: 'warning', order: 230, check, fixes,
  title: 'pidfile/daemonize/logto create their file as root although uid is set, and vacuum or a log reopen then fails: use the `2` variant',
  summary: { severity: 'warning when `vacuum` or a log reopen then fails (information otherwise)', catches: '`pidfile`, `daemonize`, `logto` created as root before the privilege drop' },
};
