import { DiagnosticTag } from 'vscode-languageserver-types';
import { Rule } from './rule';

/** The setter uWSGI uses for options it keeps only to print a deprecation warning. */
const IGNORING_PARSER = 'uwsgi_opt_deprecated';

export const deprecatedOption: Rule = {
  id: 'deprecated-option',
  defaultSeverity: 'hint',
  title: 'Option uWSGI marks as deprecated for the configured version',

  check(context) {
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
  },
};
