import { Rule } from './rule';
import { isKnownPluginName, knownPluginNames, nearest, normalizePluginName } from '../../registry/registry';
import { replacementFixes, stringList } from '../edits';
import { pluginItems } from '../optionContext';

/** `need-plugin` exits when a plugin cannot be loaded; `plugin` only logs it and goes on. */
const FATAL_LOADERS = new Set(['need-plugin', 'need-plugins']);
const LOADERS = new Set(['plugin', 'plugins', 'need-plugin', 'need-plugins']);

/** The nearest real plugin, keeping a distribution's version suffix (`pyhton3` -> `python3`). */
function suggestPlugin(item: string, name: string): string | undefined {
  const [nearestName] = nearest(name, knownPluginNames(), 1);
  if (!nearestName) return undefined;
  const version = /[\d.]+$/.exec(item)?.[0];
  if (version && normalizePluginName(nearestName + version) === nearestName) return nearestName + version;
  return nearestName;
}

export const unknownPlugin: Rule = {
  id: 'unknown-plugin',
  defaultSeverity: 'warning',
  title: 'Plugin name that no uWSGI plugin has',

  check(context) {
    const text = context.model.text;
    for (const entry of context.model.entriesWhere((key) => LOADERS.has(key))) {
      let searchFrom = entry.valueSpan.start;
      for (const item of pluginItems(entry.value)) {
        const start = text.indexOf(item, searchFrom);
        searchFrom = start + item.length;
        // Paths, expanded names and `name|symbol` forms point at files we cannot judge.
        if (/[/%$@|]/.test(item)) continue;
        const name = normalizePluginName(item);
        if (isKnownPluginName(name)) continue;
        const spaced = /\s/.test(item) ? ' uWSGI splits plugin lists on commas only, so this is one name with a space in it.' : '';
        const fatal = FATAL_LOADERS.has(entry.key);
        const suggestion = suggestPlugin(item, name);
        // Third-party plugins exist (sentry, netlink...): only a near miss of a real name is almost surely a typo.
        const severity = fatal ? 'error' : suggestion || spaced ? 'warning' : 'information';
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
        context.report({
          span: { start, end: start + item.length },
          severity,
          message: fatal
            ? `No uWSGI plugin is called \`${item}\`: \`${entry.key}\` makes uWSGI exit when it cannot load it (unless a third-party plugin of that name is installed).${spaced}${hint}`
            : `No uWSGI plugin is called \`${item}\`: uWSGI logs that it cannot load it and starts without it (unless a third-party plugin of that name is installed).${spaced}${hint}`,
          ...(suggestion ? { data: { suggestions: [suggestion] } } : {}),
        });
      }
    }
  },

  fixes({ document, diagnostic, data }) {
    return replacementFixes(document, diagnostic, stringList(data['suggestions']), (name) => `Change to \`${name}\``, 'single-candidate');
  },
};
