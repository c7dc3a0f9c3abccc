import { Rule } from './rule';
import { allActions, getAction, nearest } from '../../registry/registry';
import type { UwsgiVersion } from '../../registry/types';
import { replacementFixes, stringList } from '../edits';
import { hasExpansion, hookEntries } from './hookEntries';

function actionNames(version: UwsgiVersion): string[] {
  return allActions().filter((action) => action.versions.includes(version)).map((action) => action.name);
}

export const unknownHookAction: Rule = {
  id: 'unknown-hook-action',
  defaultSeverity: 'error',
  title: 'hook-* value whose action uWSGI does not know: it stops with "hook action not found" when the phase runs',

  check(context) {
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
  },

  fixes({ document, diagnostic, data }) {
    return replacementFixes(document, diagnostic, stringList(data['suggestions']), (name) => `Change the action to \`${name}\``, 'single-candidate');
  },
};
