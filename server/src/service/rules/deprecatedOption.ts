import { DiagnosticTag } from 'vscode-languageserver-types';
import { Rule, RuleContext } from './rule';

/** The setter uWSGI uses for options it keeps only to print a deprecation warning. */
const IGNORING_PARSER = 'uwsgi_opt_deprecated';

function check(context: RuleContext): void {
  const { model, options } = context;
  for (const entry of model.entriesWhere((key) => Boolean(options.option(key)?.deprecated))) {
    const facts = options.option(entry.key)!;
    const effect = facts.parser === IGNORING_PARSER
      ? 'uWSGI only logs a deprecation warning and otherwise ignores it'
      : 'uWSGI still applies it but may drop it in a later release';
    context.report({
      span: entry.keySpan,
      message: `\`${entry.key}\` is deprecated in uWSGI ${options.version}: ${effect}.`,
      tags: [DiagnosticTag.Deprecated],
    });
  }
}

/**
 * **Default severity:** hint, shown with the deprecated style (struck through)
 *
 * ## What it catches
 *
 * Options uWSGI marks as deprecated in the configured version (the `uwsgi.version` setting). It
 * follows the version: `die-on-term` is an ordinary flag in 2.0 and deprecated only in 2.1, where
 * uWSGI logs a warning and otherwise ignores it. The range is the key.
 *
 * ## Example
 *
 * With `"uwsgi.version": "2.1"`:
 *
 * ```ini
 * [uwsgi]
 * die-on-term = true
 * ```
 *
 * The line has no effect in 2.1: remove it, or keep it only if the same file also serves 2.0.
 *
 * ## Silencing it
 *
 * ```ini
 * # uwsgi-ini: disable-next-line deprecated-option
 * die-on-term = true
 * ```
 *
 * or set `"uwsgi.diagnostics": { "deprecated-option": "off" }`.
 *
 * ## See also
 *
 * - [uWSGI options reference](https://uwsgi-docs.readthedocs.io/en/latest/Options.html)
 */
export const deprecatedOption: Rule = {
  id: 'deprecated-option', defaultSeverity: 'hint', order: 180, check,
  title: 'Option uWSGI marks as deprecated for the configured version',
  summary: { severity: 'hint', catches: 'options uWSGI marks deprecated' },
};
