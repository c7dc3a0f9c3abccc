import { Rule, RuleContext } from './rule';

function check(context: RuleContext): void {
  const { model, options } = context;
  for (const entry of model.entriesWhere((key) => options.option(key)?.terminates === true)) {
    const facts = options.option(entry.key)!;
    const when = facts.immediate ? 'as soon as it reads this line' : 'when it applies this option';
    context.report({
      span: entry.keySpan,
      message: `\`${entry.key}\` is a one-shot command, not a setting: uWSGI exits ${when}, so this configuration never starts a server.`,
    });
  }
}

/**
 * **Default severity:** warning
 *
 * ## What it catches
 *
 * Options that are one-shot commands rather than settings: `version`, `help`, `stop`, `reload`,
 * `signal`, `cflags`, `dot-h`, `print-sym`... The range is the key.
 *
 * ## Why
 *
 * uWSGI runs these as soon as it applies them (the immediate ones while reading the file) and then
 * exits, so a configuration that contains one never starts a server. They belong on the command line
 * (`uwsgi --stop /run/app.pid`), not in a file.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * socket = :3031
 * stop = /run/app.pid
 * ```
 *
 * Remove the line and run `uwsgi --stop /run/app.pid` when you mean to stop the instance.
 *
 * ## Silencing it
 *
 * ```ini
 * # uwsgi-ini: disable-next-line terminating-option
 * version = true
 * ```
 *
 * or set `"uwsgi.diagnostics": { "terminating-option": "off" }`.
 *
 * ## See also
 *
 * - [Management: stopping and reloading](https://uwsgi-docs.readthedocs.io/en/latest/Management.html)
 */
export const terminatingOption: Rule = {
  id: 'terminating-option', defaultSeverity: 'warning', order: 170, check,
  title: 'Option that makes uWSGI exit when it is applied (version, help, stop, reload...)',
  summary: { severity: 'warning', catches: '`version`, `help`, `stop`...: uWSGI exits when it reads them' },
};
