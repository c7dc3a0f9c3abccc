import { Rule, RuleFix } from './rule';
import { dropOption, instanceDropOptions, RootValue, rootValue } from './privilegeDrop';
import { replaceSpan, workspaceEdit } from '../edits';

function messageFor(key: string, kind: 'user' | 'group', value: string, root: RootValue, literal: boolean): string {
  const shown = literal ? `\`${key} = ${value}\`` : `\`${key}\` (resolving to \`${root === 'zero' ? '0' : 'root'}\`)`;
  if (root === 'zero') {
    // uwsgi_opt_set_uid keeps a value whose atoi() is 0 as a name, and the drop looks that name up.
    const what = kind === 'user' ? 'user' : 'group';
    return `${shown} drops nothing: uWSGI looks up a ${what} literally named \`${value}\`. Started as root it exits with "${what} ${value} not found"; otherwise the value has no effect. Name the unprivileged ${what} instead.`;
  }
  if (kind === 'user') {
    return `${shown} gives up no privileges: uWSGI switches user only for a non-zero uid, so the master and every worker keep running as root with full access to the machine.`;
  }
  return `${shown} keeps group root: uWSGI calls setgid() only for a non-zero gid, so the processes stay in group root and keep root's supplementary groups, with the file access they grant.`;
}

export const runningAsRoot: Rule = {
  id: 'running-as-root',
  defaultSeverity: 'warning',
  title: 'uid/gid set to root or 0: uWSGI does not drop privileges and the workers keep running as root',

  check({ model, report }) {
    const names = new Set(instanceDropOptions().map((o) => o.name));
    const entries = model.entriesWhere((key) => names.has(key));
    // Next to a user that stays root, group root grants nothing more: that one finding says it all.
    const userStaysRoot = entries.some((entry) => dropOption(entry.key)!.kind === 'user' && rootValue(model, entry) === 'root-name');
    for (const entry of entries) {
      const root = rootValue(model, entry);
      if (!root) continue;
      const kind = dropOption(entry.key)!.kind;
      const literal = !entry.value.includes('%(');
      const redundant = kind === 'group' && root === 'root-name' && userStaysRoot;
      report({
        span: entry.valueSpan,
        message: messageFor(entry.key, kind, entry.value, root, literal) + (redundant ? ' The user stays root as well, so this adds nothing to that finding.' : ''),
        ...(redundant ? { severity: 'information' as const } : {}),
        // Only a literal value can be replaced without changing what a placeholder means elsewhere.
        data: { kind, fixable: literal },
      });
    }
  },

  fixes({ document, settings, diagnostic, data }) {
    if (data['fixable'] !== true) return [];
    const name = data['kind'] === 'group' ? settings.privilegeDrop.group : settings.privilegeDrop.user;
    const span = { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
    const action: RuleFix = {
      title: data['kind'] === 'group' ? `Drop to group \`${name}\` instead of root` : `Run as \`${name}\` instead of root`,
      isPreferred: true,
      safety: 'unsafe',
      edit: workspaceEdit(document, [replaceSpan(document, span, name)]),
    };
    return [action];
  },
};
