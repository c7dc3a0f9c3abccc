import { hasRole } from '../../registry/registry';
import { PlaceholderUse, placeholdersExpandedIn } from '../../analysis/model';
import { valueLanguage } from '../../analysis/valueLanguage';
import { isPlaceholderMath } from '../../parser/values';
import { externalPlaceholders } from '../externalPlaceholders';
import { replaceSpan, workspaceEdit } from '../edits';
import { code } from '../markup';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

/** A word character: `%(name)suffix` is a placeholder followed by a word, not Python's `%(name)s`. */
const WORD = /[A-Za-z0-9_]/;

/** Whether anything uWSGI reads (this file, a file it includes, the settings, a loop) defines the name. */
function isKnown(context: RuleContext, use: PlaceholderUse): boolean {
  const { model } = context;
  return isPlaceholderMath(use.segment) || model.isDefined(use.name) || model.includes.keys.has(use.name)
    || model.isBlockVariable(use) || externalPlaceholders(context.document.ast, context.settings).has(use.name);
}

/**
 * A `%(name)s` that uWSGI keeps as written because nothing defines `name`, in a command line:
 * Python's own `%`-formatting (`python -c "print('%(x)s' % d)"`), which the program gets intact.
 */
function isProgramFormat(context: RuleContext, use: PlaceholderUse): boolean {
  return valueLanguage(use.entry, context.options.option(use.entry.key)) === 'shell' && !isKnown(context, use);
}

function check(context: RuleContext): void {
  const { model, options } = context;
  const text = model.text;
  let previous: unknown;
  for (const use of model.uses) {
    const { entry, segment } = use;
    // Math operands share their segment: one finding per `%(...)`.
    if (segment === previous) continue;
    previous = segment;
    if (text.charCodeAt(segment.end) !== 115 || segment.end >= entry.valueSpan.end) continue;
    if (segment.end + 1 < entry.valueSpan.end && WORD.test(text[segment.end + 1]!)) continue;
    // `set`, `set-placeholder`: their `%(...)` is expanded where the value lands; other immediate
    // options keep it literal.
    if (!placeholdersExpandedIn(entry.key, options.option(entry.key)?.immediate === true)) continue;
    if (isProgramFormat(context, use)) continue;
    const written = text.slice(segment.start, segment.end);
    // In a log format a name nothing defines is a log variable, filled per request.
    const message = hasRole(entry.key, 'log-template') && !isKnown(context, use)
      ? `uWSGI log variables have no type letter: ${code(written)} is the log variable and the \`s\` after it stays in every line ${code(entry.key)} writes. Python's logging writes ${code(`${written}s`)}; uWSGI's is ${code(written)}.`
      : `uWSGI placeholders have no type letter: ${code(written)} is the placeholder and the \`s\` after it stays in the value of ${code(entry.key)}. Python's ConfigParser writes ${code(`${written}s`)}; uWSGI's is ${code(written)}.`;
    context.report({ span: { start: segment.end, end: segment.end + 1 }, message });
  }
}

function fixes({ document, diagnostic }: FixContext): RuleFix[] {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return [{
    title: 'Remove the `s`',
    isPreferred: true,
    safety: 'safe',
    edit: workspaceEdit(document, [replaceSpan(document, { start, end }, '')]),
  }];
}

/**
 * **Default severity:** warning.
 *
 * ## What it catches
 *
 * A placeholder written the way Python's ConfigParser and PasteDeploy write them, `%(name)s`:
 *
 * ```ini
 * [uwsgi]
 * base = /srv/app
 * chdir = %(base)s/current
 * ```
 *
 * The range is the `s`. Only an `s` that ends a word is taken: `%(chdir)static` is the
 * placeholder followed by the word `static`. Not reported in options that uWSGI applies before it
 * expands placeholders (there the whole `%(...)` stays literal, which
 * [unexpanded-reference](unexpanded-reference.md) reports), nor in sections uWSGI does not read
 * (a PasteDeploy `[app:main]` section beside `[uwsgi]` is Python's), nor in a command line
 * (`attach-daemon`, `exec-*`, crons...) when nothing defines the name: uWSGI then keeps the whole
 * `%(name)s` as written, which is what Python's own formatting in `python -c "print('%(x)s' % d)"`
 * needs.
 *
 * ## Why
 *
 * uWSGI's placeholder is `%(name)` alone (SEMANTICS.md §9): it replaces `%(base)` with the value of
 * `base` and keeps the `s`, so `chdir` above is `/srv/apps/current`. The oracle fixture
 * `python-style-placeholder.ini` shows it: the `s` lands in an option's value.
 *
 * The same holds in `log-format`, where `%(status)s` (Python's logging style) gives the log
 * variable `%(status)` followed by an `s` in every line written.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * base = /srv/app
 * chdir = %(base)/current
 * ```
 *
 * ## Fixes in bulk
 *
 * Dropping the `s` is **safe**: a ConfigParser placeholder is what the line evidently means.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line python-style-placeholder` on the line above.
 * - For the file: `# uwsgi-ini: disable python-style-placeholder` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "python-style-placeholder": "off" }`, or `--rule python-style-placeholder=off`.
 *
 * See also the official [placeholders](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html#placeholders).
 */
export const pythonStylePlaceholder: Rule = {
  id: 'python-style-placeholder', defaultSeverity: 'warning', order: 58, check, fixes,
  title: '`%(name)s` written the Python way: uWSGI expands `%(name)` and keeps the `s`',
  summary: { severity: 'warning', catches: '`chdir = %(base)s/app`: the `s` stays in the value' },
};
