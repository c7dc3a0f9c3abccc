import { Rule } from './rule';
import { isKnownPluginName, normalizePluginName } from '../../registry/registry';
import { pluginItems } from '../optionContext';

/** `need-plugin` exits when a plugin cannot be loaded; `plugin` only logs it and goes on. */
const FATAL_LOADERS = new Set(['need-plugin', 'need-plugins']);
const LOADERS = new Set(['plugin', 'plugins', 'need-plugin', 'need-plugins']);

export const unknownPlugin: Rule = {
  id: 'unknown-plugin',
  defaultSeverity: 'warning',
  title: 'Plugin name that no uWSGI plugin has',

  check(context) {
    const text = context.model.text;
    for (const entry of context.model.applied) {
      if (!LOADERS.has(entry.key)) continue;
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
        context.report({
          span: { start, end: start + item.length },
          severity: fatal ? 'error' : 'warning',
          message: fatal
            ? `No uWSGI plugin is called \`${item}\`: \`${entry.key}\` makes uWSGI exit when it cannot load it (unless a third-party plugin of that name is installed).${spaced}`
            : `No uWSGI plugin is called \`${item}\`: uWSGI logs that it cannot load it and starts without it (unless a third-party plugin of that name is installed).${spaced}`,
        });
      }
    }
  },
};
