import { LineKind } from '../../parser/ast';
import { Rule, RuleFix } from './rule';
import { dropEntries, dropOption, dropsUser, rootValue } from './privilegeDrop';
import { insertLinesAfter, insertLinesBefore, workspaceEdit } from '../edits';

const EMPEROR_OPTION = 'emperor';

/** The partner each option needs: a `uid` wants a `gid`, an `immediate-gid` an `immediate-uid`, ... */
const PARTNER: Readonly<Record<string, string>> = {
  uid: 'gid',
  gid: 'uid',
  'immediate-uid': 'immediate-gid',
  'immediate-gid': 'immediate-uid',
};

export const incompletePrivilegeDrop: Rule = {
  id: 'incomplete-privilege-drop',
  defaultSeverity: 'warning',
  title: 'uid without gid (the processes keep group root) or gid without uid (they keep the user)',

  check({ model, report }) {
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
  },

  fixes({ document, settings, diagnostic, data }) {
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
  },
};
