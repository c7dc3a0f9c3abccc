import { EntryLine } from '../../parser/ast';
import { OptionFacts } from '../../registry/registry';
import { referencesExpandedIn } from '../../analysis/model';
import { hasOwnBraceVariables, valueLanguage } from '../../analysis/valueLanguage';
import { shellVariablePattern, templateJudgement } from '../../analysis/templateMarkers';
import { replacementFixes } from '../edits';
import { code } from '../markup';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

/**
 * Whether the `$` pass reaches this value (SEMANTICS.md §6, §9, §10): deferred options, keys that
 * are no option (their entries are expanded like any other) and `set`. Not `set-placeholder`: its
 * value is copied into each `%(name)` after the `$` pass (oracle fixture
 * `unexpanded-reference-set-placeholder.ini`), so `$(NAME)` stays literal there too.
 */
function expandedByUwsgi(facts: OptionFacts | undefined): boolean {
  return facts === undefined || referencesExpandedIn(facts.name, facts.immediate);
}

interface Suggestion {
  readonly advice: string;
  readonly replacement?: string;
}

/** What to write instead of `${name<rest>}`, for the uWSGI version the file is for. */
function suggestion(context: RuleContext, name: string, rest: string): Suggestion {
  if (rest === '') return { advice: `Write \`$(${name})\`.`, replacement: `$(${name})` };
  const version = context.options.version;
  const byDefault = /^(:?-)(.*)$/.exec(rest);
  if (!byDefault) return { advice: `uWSGI has no form of ${code(rest)} after a variable name: set the variable, or write the value.` };
  if (version === '2.0') {
    return { advice: `uWSGI ${version} has no default syntax either (${code(`$(${name}${rest})`)} stays literal too): set the variable where uWSGI starts, or write the value.` };
  }
  // 2.1 splits the name from the default with strtok on `:` and `-`: the default stops at either.
  if (/[:-]/.test(byDefault[2]!)) return { advice: `uWSGI ${version} cuts a default at its first \`:\` or \`-\`: set the variable, or write the value.` };
  return { advice: `Write ${code(`$(${name}${rest})`)}.`, replacement: `$(${name}${rest})` };
}

function checkEntry(context: RuleContext, entry: EntryLine, facts: OptionFacts | undefined): void {
  const text = context.model.text;
  const pattern = shellVariablePattern();
  const value = text.slice(entry.valueSpan.start, entry.valueSpan.end);
  const expanded = expandedByUwsgi(facts);
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const start = entry.valueSpan.start + match.index;
    const span = { start, end: start + match[0].length };
    const name = match[1]!;
    const stays = `uWSGI expands environment variables written \`$(${name})\` only: ${code(match[0])} stays as it is in the value of ${code(entry.key)}.`;
    if (!expanded) {
      context.report({ span, message: `${stays} ${code(entry.key)} is applied while the file is read, before \`$(...)\` is expanded, so neither form is replaced here.` });
      continue;
    }
    const { advice, replacement } = suggestion(context, name, match[2] ?? '');
    // A magic `%` line join inside the marker: rewriting it would change the join.
    const fixable = replacement !== undefined && !entry.joins.some((join) => join >= span.start && join < span.end);
    context.report({ span, message: `${stays} ${advice}`, ...(fixable ? { data: { replacement } } : {}) });
  }
}

function check(context: RuleContext): void {
  const { model } = context;
  const entries = model.applied.filter((entry) => entry.value.includes('${'));
  if (entries.length === 0 || templateJudgement(model, context.options).isTemplate) return;
  for (const entry of entries) {
    const facts = context.options.optionAnywhere(entry.key);
    // A key nobody reads applies nothing; a `%(key)` elsewhere gets its text.
    if (!facts && !model.readsValueOf(entry.key)) continue;
    if (valueLanguage(entry, facts) === 'shell' || hasOwnBraceVariables(facts)) continue;
    checkEntry(context, entry, facts);
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const replacement = data['replacement'];
  if (typeof replacement !== 'string') return [];
  return replacementFixes(document, diagnostic, [replacement], () => `Change to ${code(replacement)}`, 'unsafe');
}

/**
 * **Default severity:** warning
 *
 * ## What it catches
 *
 * A shell-style `${NAME}` in a value uWSGI reads itself:
 *
 * ```ini
 * [uwsgi]
 * chdir = ${APP_HOME}/src
 * env = APP_CONFIG=${APP_HOME}/app.cfg
 * ```
 *
 * uWSGI's syntax for an environment variable is `$(NAME)`:
 *
 * ```ini
 * [uwsgi]
 * chdir = $(APP_HOME)/src
 * env = APP_CONFIG=$(APP_HOME)/app.cfg
 * ```
 *
 * The range is the `${...}` only. `${NAME:-default}` and `${NAME-default}` are caught too: uWSGI 2.1
 * reads `$(NAME:-default)` (cut at the default's first `:` or `-`), uWSGI 2.0 has no default syntax
 * at all, so there the message says to set the variable or write the value, and there is no fix.
 *
 * ## Why
 *
 * uWSGI's `$` pass replaces `$(NAME)` with the environment variable and nothing else (SEMANTICS.md
 * §9): `${NAME}` is plain text to it, so `chdir = ${APP_HOME}/src` makes uWSGI look for a directory
 * literally named `${APP_HOME}/src`, and a number option reads `${WORKERS}` as 0. The oracle fixture
 * `shell-style-variable-literal.ini` shows the real binary keeping `${...}` in the value.
 *
 * Immediate options (`include`, `plugins`, `strict`, `if-*`...) are applied while the file is read,
 * before the `$` pass (SEMANTICS.md §6): there neither form is replaced, the finding says so, and
 * there is no fix. That includes `set-placeholder` and `set-ph`: their value is copied into each
 * `%(name)` after the `$` pass, so `$(NAME)` stays literal there as well (unexpanded-reference says
 * so). `set` is the exception: the entry it adds is expanded like any other, and `$(NAME)` works.
 *
 * ## Not reported
 *
 * - Values a shell runs: `exec-*` hooks, hooks with `exec:`/`safeexec:`, `attach-daemon` and the
 *   other daemons, crons, `early-exec`, the command of `touch-exec`, of a `cmd:` alarm
 *   (`alarm = mailme cmd:mail ...`) and of a `cmd:` legion hook. The shell expands `${NAME}`
 *   there, as meant.
 * - Routes (`route`, `route-if`, `final-route`...) and log encoders (`log-encoder`,
 *   `log-req-encoder`...): `${PATH_INFO}`, `${msg}` are uWSGI's own request and log variables.
 * - Keys that are no option and that no `%(key)` reads: uWSGI applies nothing from them.
 * - Files that are evidently templates for another tool: [template-file](template-file.md) says so
 *   once for the file instead of one warning per marker.
 *
 * ## Fixes in bulk
 *
 * "Change to `$(NAME)`" is **unsafe**, although it is what the line evidently means: it changes
 * what uWSGI applies from the literal text to whatever the variable holds where uWSGI starts (and
 * an unset variable still stays literal), and a file some tool was meant to fill in would no longer
 * be filled. The editor offers it as the preferred fix; `--unsafe-fixes` applies it.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line shell-style-variable` on the line above.
 * - For the file: `# uwsgi-ini: disable shell-style-variable` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "shell-style-variable": "off" }`, or `--rule shell-style-variable=off`.
 *
 * See also the official [configuration guide](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html#placeholders).
 */
export const shellStyleVariable: Rule = {
  id: 'shell-style-variable', defaultSeverity: 'warning', order: 164, check, fixes,
  title: 'Shell-style `${VAR}` in a value: uWSGI expands `$(VAR)` only and keeps `${VAR}` literally',
  summary: { severity: 'warning', catches: '`chdir = ${HOME}/app`: uWSGI keeps `${HOME}` as text (not in shell commands, routes or templates)' },
};
