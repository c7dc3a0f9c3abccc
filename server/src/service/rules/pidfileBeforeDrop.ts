import { afterDropVariant } from '../../registry/registry';
import { DocumentModel } from '../../analysis/model';
import { replaceSpan, workspaceEdit } from '../edits';
import { isFlagTrue } from '../optionContext';
import { Severity } from '../settings';
import { Rule, RuleFix } from './rule';
import { dropEntries, dropsUser } from './privilegeDrop';

/** The normal drop; `immediate-uid` switches while the file is read, before any of these files exist. */
const DROP_USER_OPTION = 'uid';

/** Hands the log file (stderr) to uid/gid before the drop, which settles `daemonize` and `logto`. */
const LOG_CHOWN_OPTION = 'logfile-chown';
const LOG_OPENERS = new Set(['daemonize', 'logto']);

/**
 * Options that make the unprivileged master open the log file again: on reload (`log-reopen`,
 * which also reopens a `daemonize` file), when it rotates by size, or when a file is touched. Without
 * them the log stays open through the descriptor root handed down, and root's ownership never shows.
 */
const LOG_REOPENERS = ['log-reopen', 'log-maxsize', 'touch-logreopen', 'touch-logrotate'];

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
  if (LOG_OPENERS.has(key)) {
    const reopener = LOG_REOPENERS.find((option) => model.lastValue(option) !== undefined && (option !== 'log-reopen' || flagOn(model, option)));
    return reopener
      ? { severity: 'warning', consequence: `the log file belongs to root, and \`${reopener}\` makes the unprivileged master open it again, which fails` }
      : { severity: 'information', consequence: 'harmless here: the processes keep writing through the descriptor root opened, but the file belongs to root and reopening it (`log-reopen`, `log-maxsize`, rotation) would fail' };
  }
  return { severity: 'information', consequence: 'the file belongs to root' };
}

export const pidfileBeforeDrop: Rule = {
  id: 'pidfile-before-drop',
  defaultSeverity: 'warning',
  title: 'pidfile/daemonize/logto create their file as root although uid is set, and vacuum or a log reopen then fails: use the `2` variant',

  check({ model, report }) {
    const drop = dropEntries(model, 'user').find((entry) => entry.key === DROP_USER_OPTION && dropsUser(model, entry));
    if (!drop) return;
    const logChowned = flagOn(model, LOG_CHOWN_OPTION);
    for (const entry of model.entriesWhere((key) => afterDropVariant(key) !== undefined)) {
      const variant = afterDropVariant(entry.key)!;
      if (LOG_OPENERS.has(entry.key) && (logChowned || createsNoFile(entry.value))) continue;
      const verdict = verdictFor(model, entry.key);
      report({
        span: entry.keySpan,
        message: `\`${entry.key}\` creates its file while uWSGI is still root, before it switches to \`uid = ${drop.value}\`: ${verdict.consequence}. \`${variant}\` does the same after the drop.`,
        severity: verdict.severity,
        data: { variant },
      });
    }
  },

  fixes({ document, diagnostic, data }) {
    const variant = data['variant'];
    if (typeof variant !== 'string') return [];
    const span = { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
    const action: RuleFix = {
      title: `Change to \`${variant}\` (after the privilege drop)`,
      isPreferred: true,
      // The file is then written later, by another user.
      safety: 'unsafe',
      edit: workspaceEdit(document, [replaceSpan(document, span, variant)]),
    };
    return [action];
  },
};
