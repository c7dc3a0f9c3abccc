import { Rule, RuleContext, FixContext, RuleFix } from './rule';
import { dropOption, instanceDropOptions, RootValue, rootValue } from '../../analysis/privilegeDrop';
import { replacementFixes } from '../edits';

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

function check({ model, report }: RuleContext): void {
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
}

function fixes({ document, settings, diagnostic, data }: FixContext): RuleFix[] {
  if (data['fixable'] !== true) return [];
  const name = data['kind'] === 'group' ? settings.privilegeDrop.group : settings.privilegeDrop.user;
  const title = data['kind'] === 'group' ? `Drop to group \`${name}\` instead of root` : `Run as \`${name}\` instead of root`;
  return replacementFixes(document, diagnostic, [name], () => title, 'unsafe');
}

/**
 * **Default severity:** warning — information for `gid = root` when the user stays root too
 *
 * ## What it catches
 *
 * `uid`, `gid`, `immediate-uid` or `immediate-gid` set to `root` or `0`. The range is the value.
 * Values built from placeholders defined in the same file (`uid = %(user)`) are resolved first;
 * values taken from the environment (`$(APP_USER)`) are not judged.
 *
 * ## Why
 *
 * Writing `uid = root` looks like a privilege drop, but it gives nothing up. uWSGI only switches
 * user for a non-zero uid: `root` resolves to uid 0, so the switch is skipped, the master and every
 * worker stay root, and uWSGI prints its "you are running uWSGI as root" warning at start-up. The
 * same goes for `gid = root`: uWSGI skips `setgid()` for group 0, so the processes stay in group
 * root and keep root's supplementary groups, with all the files those groups can read and write.
 *
 * When `uid` stays root as well, `gid = root` adds nothing to that finding, so it is only a note
 * there; with an unprivileged `uid` it is a warning of its own.
 *
 * `uid = 0` is different but no better: uWSGI reads a value whose number is 0 as a user *name* and
 * looks up a user called `0` at the drop. Started as root, it stops with `user 0 not found`;
 * started as anyone else, the line has no effect.
 *
 * Application code running as root turns any remote-code-execution bug into full control of the
 * host (or of the container and whatever is mounted into it).
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * socket = /run/app/app.sock
 * uid = root
 * gid = root
 * ```
 *
 * After the quick fix (the user and group come from the `uwsgi.privilegeDrop.user` and
 * `uwsgi.privilegeDrop.group` settings, `www-data` by default):
 *
 * ```ini
 * [uwsgi]
 * socket = /run/app/app.sock
 * uid = www-data
 * gid = www-data
 * ```
 *
 * The quick fix is offered for literal values only; a value built from a placeholder is fixed
 * where the placeholder is defined.
 *
 * ## Fixes in bulk
 *
 * Replacing root is **unsafe**: the processes then run as another user. Only `--unsafe-fixes`
 * applies it.
 *
 * ## Silencing it
 *
 * If running as root is really intended (for example a helper that must manage other users'
 * files), say so next to the line:
 *
 * ```ini
 * # uwsgi-ini: disable-next-line running-as-root
 * uid = root
 * ```
 *
 * or set `"uwsgi.diagnostics": { "running-as-root": "off" }`.
 *
 * ## See also
 *
 * - [incomplete-privilege-drop](incomplete-privilege-drop.md), [no-privilege-drop](no-privilege-drop.md)
 * - [uWSGI options: uid, gid](https://uwsgi-docs.readthedocs.io/en/latest/Options.html#uid)
 * - [Things to know](https://uwsgi-docs.readthedocs.io/en/latest/ThingsToKnow.html)
 */
export const runningAsRoot: Rule = {
  id: 'running-as-root', defaultSeverity: 'warning', order: 190, check, fixes,
  title: 'uid/gid set to root or 0: uWSGI does not drop privileges and the workers keep running as root',
  summary: { severity: 'warning (information for `gid = root` beside `uid = root`)', catches: '`uid = root`, `gid = 0`' },
};
