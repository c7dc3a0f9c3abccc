import { CodeAction } from 'vscode-languageserver-types';
import { afterDropVariant } from '../../registry/registry';
import { replaceSpan, workspaceEdit } from '../edits';
import { isFlagTrue } from '../optionContext';
import { Rule } from './rule';
import { dropEntries, dropsUser } from './privilegeDrop';

/** The normal drop; `immediate-uid` switches while the file is read, before any of these files exist. */
const DROP_USER_OPTION = 'uid';

/** Hands the log file (stderr) to uid/gid before the drop, which settles `daemonize` and `logto`. */
const LOG_CHOWN_OPTION = 'logfile-chown';
const LOG_OPENERS = new Set(['daemonize', 'logto']);

/** What goes wrong when each file is created by root, in our words. */
const CONSEQUENCE: Readonly<Record<string, string>> = {
  pidfile: 'the pid file belongs to root, and `vacuum` never removes a `pidfile` once `uid` is set',
  'safe-pidfile': 'the pid file belongs to root, and `vacuum` does not remove it',
  daemonize: 'the log file it opens belongs to root, so the unprivileged processes cannot reopen it after log rotation',
  logto: 'the log file belongs to root, so the unprivileged processes cannot reopen it after log rotation',
};

export const pidfileBeforeDrop: Rule = {
  id: 'pidfile-before-drop',
  defaultSeverity: 'warning',
  title: 'pidfile/safe-pidfile/daemonize/logto create their file as root although uid is set: use the `2` variant',

  check({ model, report }) {
    const drop = dropEntries(model, 'user').find((entry) => entry.key === DROP_USER_OPTION && dropsUser(model, entry));
    if (!drop) return;
    const chownValue = model.lastValue(LOG_CHOWN_OPTION);
    const logChowned = chownValue !== undefined && isFlagTrue(chownValue);
    for (const entry of model.entriesWhere((key) => afterDropVariant(key) !== undefined)) {
      const variant = afterDropVariant(entry.key)!;
      if (logChowned && LOG_OPENERS.has(entry.key)) continue;
      const consequence = CONSEQUENCE[entry.key] ?? 'the file belongs to root';
      report({
        span: entry.keySpan,
        message: `\`${entry.key}\` creates its file while uWSGI is still root, before it switches to \`uid = ${drop.value}\`: ${consequence}. \`${variant}\` does the same after the drop.`,
        data: { variant },
      });
    }
  },

  fixes({ document, diagnostic, data }) {
    const variant = data['variant'];
    if (typeof variant !== 'string') return [];
    const span = { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
    const action: CodeAction = {
      title: `Change to \`${variant}\` (after the privilege drop)`,
      isPreferred: true,
      edit: workspaceEdit(document, [replaceSpan(document, span, variant)]),
    };
    return [action];
  },
};
