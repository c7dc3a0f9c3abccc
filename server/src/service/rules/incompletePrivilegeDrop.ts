import { LineKind } from '../../parser/ast';
import { Rule, RuleFix, RuleContext, FixContext } from './rule';
import { dropEntries, dropOption, dropsUser, rootValue } from '../../analysis/privilegeDrop';
import { insertLinesAfter, insertLinesBefore, workspaceEdit } from '../edits';

const EMPEROR_OPTION = 'emperor';

/** The partner each option needs: a `uid` wants a `gid`, an `immediate-gid` an `immediate-uid`, ... */
const PARTNER: Readonly<Record<string, string>> = {
  uid: 'gid',
  gid: 'uid',
  'immediate-uid': 'immediate-gid',
  'immediate-gid': 'immediate-uid',
};

function check({ model, report }: RuleContext): void {
  const users = dropEntries(model, 'user');
  const groups = dropEntries(model, 'group');
  if (users.length > 0 && groups.length === 0) {
    const entry = users[0]!;
    // `uid = root` drops nothing at all; running-as-root says so.
    if (!dropsUser(model, entry)) return;
    report({
      span: entry.keySpan,
      message: `\`${entry.key}\` without \`${PARTNER[entry.key]}\`: uWSGI changes the user but never calls setgid(), so the processes keep group root and root's supplementary groups, and can still read and write what those groups own.`,
      data: { missing: PARTNER[entry.key] },
    });
  } else if (groups.length > 0 && users.length === 0) {
    const entry = groups[0]!;
    if (rootValue(model, entry)) return;
    // An emperor stays root on purpose, to start vassals under their own users.
    if (model.has(EMPEROR_OPTION)) return;
    report({
      span: entry.keySpan,
      message: `\`${entry.key}\` without \`${PARTNER[entry.key]}\`: uWSGI changes the group but not the user, so the processes keep running as whoever started them, root included.`,
      data: { missing: PARTNER[entry.key] },
    });
  }
}

function fixes({ document, settings, diagnostic, data }: FixContext): RuleFix[] {
  const missing = data['missing'];
  if (typeof missing !== 'string') return [];
  const line = document.lineAt(document.offsetAt(diagnostic.range.start));
  if (!line || line.kind !== LineKind.Entry) return [];
  const option = dropOption(missing);
  if (!option) return [];
  const name = option.kind === 'user' ? settings.privilegeDrop.user : settings.privilegeDrop.group;
  const newLine = `${missing} = ${name}`;
  // immediate-uid switches user on the spot, after which setgid() is no longer allowed: the
  // group has to be set on the line before it.
  const edit = missing === 'immediate-gid' ? insertLinesBefore(document, line, [newLine]) : insertLinesAfter(document, line, [newLine]);
  const action: RuleFix = {
    title: `Add \`${newLine}\``,
    isPreferred: true,
    // The processes then run as another group or user.
    safety: 'unsafe',
    edit: workspaceEdit(document, [edit]),
  };
  return [action];
}

/**
 * **Default severity:** warning
 *
 * ## What it catches
 *
 * A privilege drop that changes only half of the identity:
 *
 * - `uid` without `gid` (or `immediate-uid` without `immediate-gid`), reported on the `uid` key;
 * - `gid` without `uid` (or `immediate-gid` without `immediate-uid`), reported on the `gid` key.
 *
 * An entry anywhere in the applied section counts, including inside `if-*` blocks and in sections
 * pulled in with `ini = :name`. `uid = root` is left to [running-as-root](running-as-root.md), and a
 * lone `gid` in an emperor configuration is accepted (the emperor stays root on purpose).
 *
 * ## Why
 *
 * uWSGI sets the group only when `gid` is given. With `uid` alone it calls `setuid()` but never
 * `setgid()` or `initgroups()`, so the processes keep the group they were started with — root — and
 * root's supplementary groups. Files that are readable or writable by group root (or by `adm`,
 * `shadow`, ... if root belongs to them) stay within reach of the application.
 *
 * With `gid` alone, the group changes but the user does not: the processes keep running as whoever
 * started them, which is root under most init systems and containers.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * uid = app
 * socket = /run/app/app.sock
 * ```
 *
 * After the quick fix (the group comes from the `uwsgi.privilegeDrop.group` setting, `www-data`
 * by default; the new line takes the indentation of the existing one):
 *
 * ```ini
 * [uwsgi]
 * uid = app
 * gid = www-data
 * socket = /run/app/app.sock
 * ```
 *
 * For `immediate-uid` the fix puts `immediate-gid` on the line *before* it: an immediate uid switch
 * happens as soon as the line is read, after which the process may no longer change its group.
 *
 * ## Fixes in bulk
 *
 * Adding the missing `gid` or `uid` is **unsafe**: the processes then run as another group or user.
 * Only `--unsafe-fixes` applies it.
 *
 * ## Silencing it
 *
 * ```ini
 * # uwsgi-ini: disable-next-line incomplete-privilege-drop
 * uid = app
 * ```
 *
 * or set `"uwsgi.diagnostics": { "incomplete-privilege-drop": "off" }`.
 *
 * ## See also
 *
 * - [uWSGI options: uid, gid, immediate-uid, immediate-gid](https://uwsgi-docs.readthedocs.io/en/latest/Options.html#uid)
 */
export const incompletePrivilegeDrop: Rule = {
  id: 'incomplete-privilege-drop', defaultSeverity: 'warning', order: 200, check, fixes,
  title: 'uid without gid (the processes keep group root) or gid without uid (they keep the user)',
  summary: { severity: 'warning', catches: '`uid` without `gid` or the reverse' },
};
