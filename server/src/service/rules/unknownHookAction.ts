import { Rule, RuleContext, FixContext, RuleFix } from './rule';
import { allActions, getAction, nearest } from '../../registry/registry';
import type { UwsgiVersion } from '../../registry/types';
import { replacementFixes, stringList } from '../edits';
import { hasExpansion, hookEntries } from '../../analysis/hookEntries';

function actionNames(version: UwsgiVersion): string[] {
  return allActions().filter((action) => action.versions.includes(version)).map((action) => action.name);
}

function check(context: RuleContext): void {
  const { model, options } = context;
  for (const { entry, phase, hook } of hookEntries(model)) {
    // No `:` or nothing before it: malformed-hook's business.
    if (!hook || hook.colon < 0 || hook.action === '' || hasExpansion(hook.action)) continue;
    const name = hook.action;
    const facts = getAction(name);
    if (facts) {
      if (!facts.versions.includes(options.version)) {
        context.report({
          span: hook.actionSpan,
          message: `The \`${name}\` hook action exists only in uWSGI ${facts.versions.join(', ')}: uWSGI ${options.version} stops with "hook action not found" when the ${phase.name} phase runs.`,
        });
      } else if (facts.plugin !== 'core' && !options.plugins.has(facts.plugin)) {
        context.report({
          span: hook.actionSpan,
          message: `The \`${name}\` hook action comes from the \`${facts.plugin}\` plugin: without \`plugins = ${facts.plugin}\` uWSGI stops with "hook action not found" when the ${phase.name} phase runs.`,
          severity: 'warning',
          data: { plugin: facts.plugin },
        });
      }
      continue;
    }
    const trimmed = name.trim();
    if (trimmed !== name && getAction(trimmed)) {
      context.report({
        span: hook.actionSpan,
        message: `uWSGI looks up the action \`${name}\` with its spaces and does not find it: it stops with "hook action not found" when the ${phase.name} phase runs. Write \`${trimmed}:\` without spaces.`,
        data: { suggestions: [trimmed] },
      });
      continue;
    }
    const suggestions = nearest(name, actionNames(options.version), 3);
    const hint = suggestions.length > 0 ? ` Did you mean \`${suggestions[0]}\`?` : '';
    context.report({
      span: hook.actionSpan,
      message: `Unknown hook action \`${name}\` in \`${entry.key}\`: uWSGI stops with "hook action not found" when the ${phase.name} phase runs.${hint}`,
      data: { suggestions },
    });
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  return replacementFixes(document, diagnostic, stringList(data['suggestions']), (name) => `Change the action to \`${name}\``, 'single-candidate');
}

/**
 * **Default severity:** error (warning when the action belongs to a plugin that is not loaded)
 *
 * ## What it catches
 *
 * A `hook-<phase>` value whose action uWSGI does not have: `hook-asap = exce:ls`. The range is the
 * action name. It also knows:
 *
 * - the private prefix: `!exec:...` is the `exec` action;
 * - `hook-touch = <file> <action>:<args>` (the file comes first);
 * - actions from plugins (`tcc` needs `libtcc`, `ffi` needs `libffi`): without the plugin in
 *   `plugins =` (or the `uwsgi.plugins` setting) it warns instead;
 * - actions that exist only in uWSGI 2.1 (`perl`);
 * - a space before the colon (`exec :ls`): uWSGI looks the action up with the space.
 *
 * Only `hook-*` values name actions: `exec-*` values are shell commands, `call-*` values are C symbols
 * and `mount-*` values are mount arguments. Values whose action comes from `$(...)`, `@(...)` or
 * `%(...)` are skipped: they are only known when uWSGI runs.
 *
 * ## Why
 *
 * uWSGI does not check the action when it reads the file. When the phase runs, it looks the action
 * up, and if it is not there it logs `hook action not found: <name>` and exits, whether the phase is
 * fatal or not.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * hook-asap = exce:mkdir -p /run/app
 * ```
 *
 * After the quick fix:
 *
 * ```ini
 * [uwsgi]
 * hook-asap = exec:mkdir -p /run/app
 * ```
 *
 * ## Fixes in bulk
 *
 * Renaming to the only close action is **safe** (a typo); with several candidates (`exce` is as
 * close to `exec` as to `exit`) it is **unsafe**.
 *
 * ## Silencing it
 *
 * ```ini
 * # uwsgi-ini: disable-next-line unknown-hook-action
 * hook-asap = myaction:arg
 * ```
 *
 * or set `"uwsgi.diagnostics": { "unknown-hook-action": "off" }` (useful if you register actions
 * from a plugin of your own).
 *
 * ## See also
 *
 * - [uWSGI hooks](https://uwsgi-docs.readthedocs.io/en/latest/Hooks.html)
 */
export const unknownHookAction: Rule = {
  id: 'unknown-hook-action', defaultSeverity: 'error', order: 140, check, fixes,
  title: 'hook-* value whose action uWSGI does not know: it stops with "hook action not found" when the phase runs',
  summary: { severity: 'error', catches: '`hook-asap = exce:ls`: uWSGI aborts when the phase runs' },
};
