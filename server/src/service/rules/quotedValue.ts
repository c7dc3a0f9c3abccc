import { EntryLine } from '../../parser/ast';
import { findInlineComment } from '../../parser/values';
import { hasRole, OptionFacts, parseHookKey } from '../../registry/registry';
import { isFlagTrue } from '../../analysis/optionContext';
import { quotedSpan, valueLanguage } from '../../analysis/valueLanguage';
import { replaceSpan, workspaceEdit } from '../edits';
import { code } from '../markup';
import { Severity } from '../settings';
import { isFlagParser, readsLeadingNumber } from './invalidValue';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

/** Value kinds with a syntax of their own, where quotes may belong to it (routes, `name=value` setters...). */
const OWN_SYNTAX_KINDS = new Set(['route', 'rule', 'placeholder', 'custom_option', 'deprecated', 'logic_close']);
/** Values whose quotes end up in output someone may want them in: log lines, printed text. */
const OUTPUT_KINDS = new Set(['print']);
/** Parsers that refuse anything but three octal digits, so uWSGI stops on a quoted mode. */
const REFUSED_MODE_PARSERS = new Set(['uwsgi_opt_chmod_socket', 'uwsgi_opt_logfile_chmod']);

interface Judgement {
  readonly severity: Severity;
  readonly message: string;
  /** Removing the quotes changes nothing but what was evidently meant. */
  readonly safe: boolean;
}

/** What the quotes do to this option's value, from the way its setter reads it. */
function judge(entry: EntryLine, facts: OptionFacts | undefined, quoted: string): Judgement {
  const inner = quoted.slice(1, -1);
  const kept = `uWSGI keeps the quotes: the value of ${code(entry.key)} is ${code(quoted)}, quotes included, not ${code(inner)}.`;
  if (!facts) return { severity: 'warning', safe: true, message: `${kept} They travel into every value that reads ${code(`%(${entry.key})`)}.` };
  if (isFlagParser(facts.parser)) {
    if (!isFlagTrue(inner)) {
      return { severity: 'warning', safe: false, message: `${kept} So uWSGI reads it as true: only an exact \`false\`, \`off\`, \`no\` or \`0\` is false, and the quotes make it none of them.` };
    }
    return { severity: 'information', safe: true, message: `${kept} Harmless here: uWSGI reads it as true, as it would ${code(inner)}.` };
  }
  if (readsLeadingNumber(facts.parser)) {
    return { severity: 'warning', safe: true, message: `${kept} ${code(entry.key)} takes a number, and a value that starts with a quote reads as 0.` };
  }
  if (hasRole(facts.name, 'log-template') || OUTPUT_KINDS.has(facts.valueKind) || hasRole(facts.name, 'log-encoder')) {
    return { severity: 'information', safe: false, message: `${kept} They appear in every line it writes: fine if that is what you want.` };
  }
  return { severity: 'warning', safe: true, message: kept };
}

/** `env = NAME="a b"`: the variable gets the quotes, which the program reading it may or may not want. */
function checkEnvValue(context: RuleContext, entry: EntryLine, end: number): void {
  const text = context.model.text;
  const equalsInValue = text.slice(entry.valueSpan.start, end).indexOf('=');
  if (equalsInValue < 0) return;
  const equals = entry.valueSpan.start + equalsInValue;
  let start = equals + 1;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  const span = quotedSpan(text, start, end);
  if (!span) return;
  const name = text.slice(entry.valueSpan.start, equals);
  const quoted = text.slice(span.start, span.end);
  context.report({
    span,
    severity: 'information',
    message: `uWSGI sets no shell variable here and keeps the quotes: ${code(name.trim())} is ${code(quoted)}, quotes included. Fine if the program that reads it expects them; remove them if they were meant for a shell.`,
    data: { safe: false },
  });
}

function checkEntry(context: RuleContext, entry: EntryLine): void {
  const { model } = context;
  const facts = context.options.optionAnywhere(entry.key);
  // A key nobody reads applies nothing, quotes or not.
  if (!facts && !model.readsValueOf(entry.key)) return;
  // Hooks, shell commands and the options with a syntax of their own decide what quotes mean.
  if (parseHookKey(entry.key) || valueLanguage(entry, facts) !== 'plain') return;
  if (facts && OWN_SYNTAX_KINDS.has(facts.valueKind)) return;
  // A quoted socket mode is not three octal digits: invalid-value's error, since uWSGI exits.
  if (facts && REFUSED_MODE_PARSERS.has(facts.parser)) return;
  // A trailing comment is inline-comment's: the quotes are judged on what comes before it.
  const commentAt = findInlineComment(model.text, entry.valueSpan);
  const end = commentAt >= 0 ? commentAt : entry.valueSpan.end;
  const span = quotedSpan(model.text, entry.valueSpan.start, end);
  if (!span) {
    if (facts && hasRole(facts.name, 'env-setter')) checkEnvValue(context, entry, end);
    return;
  }
  const { severity, message, safe } = judge(entry, facts, model.text.slice(span.start, span.end));
  // What `%(key)` or `if-opt` reads changes with it: more than this line, so not in bulk.
  const read = model.readsValueOf(entry.key);
  context.report({ span, severity, message, data: { safe: safe && !read } });
}

function check(context: RuleContext): void {
  for (const entry of context.model.applied) {
    if (entry.value.length < 2 || (!entry.value.includes('"') && !entry.value.includes("'"))) continue;
    checkEntry(context, entry);
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  if (end - start < 2) return [];
  // A magic `%` line join inside the value would move with the text: no fix there.
  if (document.text.slice(start, end).includes('%\n')) return [];
  return [{
    title: 'Remove the quotes',
    isPreferred: true,
    safety: data['safe'] === true ? 'safe' : 'unsafe',
    edit: workspaceEdit(document, [replaceSpan(document, { start, end }, document.text.slice(start + 1, end - 1))]),
  }];
}

/**
 * **Default severity:** warning; information where the quotes change nothing (a flag that stays
 * true) or may be wanted (log formats, printed text, an `env` variable's value)
 *
 * ## What it catches
 *
 * A value written in quotes, as other config formats want it:
 *
 * ```ini
 * [uwsgi]
 * module = "app.wsgi:application"
 * chdir = '/srv/app'
 * processes = "4"
 * ```
 *
 * The range is the quoted text, quotes included. Only a value that starts and ends with the same
 * quote, with no other such quote inside, is reported.
 *
 * ## Why
 *
 * uWSGI's ini reader has no quoting (SEMANTICS.md §2): the value is everything after `=`, trimmed,
 * quotes included. So uWSGI imports a module named `"app.wsgi:application"`, changes to a
 * directory named `'/srv/app'`, and reads `"4"` as 0 processes. A flag is worse: `vacuum = "false"`
 * is not an exact `false`, so uWSGI turns it on (§7). The oracle fixture
 * `quoted-value-strict-false.ini` shows it on the real binary: `strict = "false"` turns strict mode
 * on, and the unknown key after it stops uWSGI.
 *
 * | value | what uWSGI applies | severity |
 * |---|---|---|
 * | a text option (`module`, `chdir`, `socket`...) | the text with its quotes | warning |
 * | a number (`processes = "4"`) | 0 | warning |
 * | a flag written false (`vacuum = "false"`) | true | warning |
 * | a flag written true (`master = "true"`) | true, as meant | information |
 * | `log-format`, log encoders, `print` | the quotes in every line written | information |
 * | the value of an `env` variable (`env = LANG="C.UTF-8"`) | the variable holds the quotes | information |
 * | a key that is no option, read by `%(key)` | the quotes in every value that uses it | warning |
 *
 * ## Not reported
 *
 * Shell commands (`exec-*`, hooks, `attach-daemon`, crons, `cmd:` alarms and legion hooks...),
 * where the shell removes the quotes; routes and route actions, `set-placeholder`/`set`/
 * `declare-option` values, which have a syntax of their own; keys that are no option and that
 * nothing reads.
 *
 * ## Fixes in bulk
 *
 * "Remove the quotes" is **safe** where it only makes uWSGI read what the line evidently means. It
 * is **unsafe** where it turns a flag off (`"false"` is true today), where a `%(key)` or `if-opt`
 * reads the value too (the fix then changes more than this line), and for the information cases,
 * where the quotes may be wanted.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line quoted-value` on the line above.
 * - For the file: `# uwsgi-ini: disable quoted-value` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "quoted-value": "off" }`, or `--rule quoted-value=off`.
 *
 * See also the official [configuration guide](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html).
 */
export const quotedValue: Rule = {
  id: 'quoted-value', defaultSeverity: 'warning', order: 161, check, fixes,
  title: 'Quoted value: uWSGI has no quoting and keeps the quotes in the value',
  summary: { severity: 'warning (information where the quotes change nothing or may be wanted)', catches: '`module = "app.wsgi"`: the quotes are part of the module name' },
};
