import { Rule, RuleContext } from './rule';
import { hasRole, isKnownPluginName, knownPluginNames, nearest, normalizePluginName } from '../../registry/registry';
import { suggestionFixes } from '../edits';
import { pluginItems } from '../../analysis/optionContext';


/** The nearest real plugin, keeping a distribution's version suffix (`pyhton3` -> `python3`). */
function suggestPlugin(item: string, name: string): string | undefined {
  const [nearestName] = nearest(name, knownPluginNames(), 1);
  if (!nearestName) return undefined;
  const version = /[\d.]+$/.exec(item)?.[0];
  if (version && normalizePluginName(nearestName + version) === nearestName) return nearestName + version;
  return nearestName;
}

function check(context: RuleContext): void {
  const text = context.model.text;
  for (const entry of context.model.entriesWhere((key) => hasRole(key, 'plugin-loader'))) {
    let searchFrom = entry.valueSpan.start;
    for (const item of pluginItems(entry.value)) {
      const start = text.indexOf(item, searchFrom);
      searchFrom = start + item.length;
      // Paths, expanded names and `name|symbol` forms point at files we cannot judge.
      if (/[/%$@|]/.test(item)) continue;
      const name = normalizePluginName(item);
      if (isKnownPluginName(name)) continue;
      const spaced = /\s/.test(item) ? ' uWSGI splits plugin lists on commas only, so this is one name with a space in it.' : '';
      // `need-plugin` exits when a plugin cannot be loaded; `plugin` only logs it and goes on.
      const fatal = hasRole(entry.key, 'fatal-plugin-loader');
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
}

/**
 * **Default severity:** warning; error for `need-plugin` / `need-plugins`.
 *
 * ## What it catches
 *
 * An item of `plugins`, `plugin`, `need-plugin` or `need-plugins` that names no uWSGI plugin:
 * a typo (`pyhton3`), or a space-separated list (`plugins = python3 http`: uWSGI splits plugin
 * lists on commas only, so this is one name with a space in it).
 *
 * Distribution builds are understood (`python3`, `python311`, `gevent_python3`, `rack_ruby31`
 * are the `python`, `gevent` and `rack` plugins), as are `0:php` modifier prefixes. Paths
 * (`/opt/uwsgi/x_plugin.so`), `name|symbol` forms and names built from placeholders are not judged.
 *
 * ## Why
 *
 * `plugin`/`plugins` only log `!!! UNABLE to load uWSGI plugin` and start without it, so every
 * option of that plugin becomes an ignored placeholder. `need-plugin` makes uWSGI exit instead.
 * A third-party plugin installed under an unusual name is the one case where the warning is
 * wrong: silence it for that line.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * plugins = pyhton3
 * need-plugin = nosuchplugin
 * ```
 *
 * ## Fixes in bulk
 *
 * Renaming to the only close plugin is **safe** (a typo); with several candidates it is **unsafe**.
 *
 * ## Silencing it
 *
 * `# uwsgi-ini: disable-next-line unknown-plugin`, or `"uwsgi.diagnostics": { "unknown-plugin": "off" }`.
 */
export const unknownPlugin: Rule = {
  id: 'unknown-plugin', defaultSeverity: 'warning', order: 40, check, fixes: suggestionFixes,
  title: 'Plugin name that no uWSGI plugin has',
  summary: { severity: 'warning (error for `need-plugin`)', catches: '`plugins = pyhton3`, `plugins = python3 http` (uWSGI splits on commas only)' },
};
