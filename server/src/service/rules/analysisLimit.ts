import { Rule, RuleContext } from './rule';
import { BudgetKind, DEFAULT_ANALYSIS_LIMITS } from '../../analysis/budget';

const KB = 1024;
const limits = DEFAULT_ANALYSIS_LIMITS;

/** Why the checker stopped, for each budget; what lies past it is not checked. */
const REASONS: Record<BudgetKind, (key: string) => string> = {
  'value-length': (key) => `the value of \`${key}\` expands to more than ${limits.maxValueLength / KB} KB`,
  'expanded-length': (key) => `at \`${key}\`, the placeholders of this file expand to more than ${limits.maxExpandedLength / (KB * KB)} MB together`,
  expansions: (key) => `at \`${key}\`, this file needs more than ${limits.maxExpansions.toLocaleString('en-US')} placeholder expansions`,
  'pull-depth': (key) => `\`${key}\` pulls a section in more than ${limits.maxPullDepth} levels deep`,
  pulls: (key) => `\`${key}\` pulls in more than ${limits.maxPulls} sections`,
  'pulled-entries': (key) => `\`${key}\` would pull in more than ${limits.maxPulledEntries.toLocaleString('en-US')} lines of sections`,
};

function check(context: RuleContext): void {
  for (const problem of context.model.budgetProblems()) {
    const reason = REASONS[problem.kind](problem.entry.key);
    const what = problem.kind === 'pull-depth' || problem.kind === 'pulls' || problem.kind === 'pulled-entries'
      ? 'the sections it would pull in, and the values of placeholders, were not checked'
      : 'values that use it are shown as unknown and not checked';
    context.report({ span: problem.entry.valueSpan, message: `Not checked beyond a limit: ${reason}; ${what}.` });
  }
  const notRead = context.model.includes.notRead;
  for (const entry of notRead?.entries ?? []) {
    context.report({
      span: entry.valueSpan,
      message: `Not read: ${notRead!.reason}, so the file \`${entry.key}\` loads is not checked, and the options and placeholders it sets are unknown here.`,
    });
  }
}

// Placeholders and section pulls the editor did not follow to the end, because they exceed its
// budget; and included files it could not read at all where files cannot be read (the browser).

/**
 * **Default severity:** information
 *
 * ## What it catches
 *
 * Placeholders and section pulls that the checker stops following because they exceed its budget:
 *
 * - a `%(name)` whose value expands to more than 64 KB, for example a chain in which each level
 *   uses the previous one eight times (`a1 = %(a0)%(a0)%(a0)...`, `a2 = %(a1)%(a1)%(a1)...`);
 * - a document whose placeholders need more than 1,000,000 expansions or produce more than 4 MB
 *   of text together;
 * - `ini = :name` pulls nested more than 16 levels deep, more than 256 sections pulled by one
 *   section, or more than 50,000 lines pulled in for all the sections of the document together.
 *
 * In the web version (vscode.dev, github.dev) it also marks an `include`, `ini` or `inherit` of an
 * ini file that cannot be read there at all: in an untrusted workspace, in an untitled document, or
 * in an editor that does not pass files to the language server. The message says which. The desktop
 * extension and the CLI stay silent in those cases, as before.
 *
 * The diagnostic is on the line where the analysis stopped: the placeholder definition whose value
 * grew too large, or the `ini = :name` line that was not followed.
 *
 * ## Why
 *
 * A few hundred bytes of placeholders that use each other twice describe more text than any machine
 * holds, and uWSGI itself would run out of memory expanding them. The editor stays fast instead:
 * beyond the budget a value is treated as unknown (no inlay hint, no resolved value in hovers, no
 * check that depends on it), and this diagnostic says so rather than staying silent.
 *
 * A section pulled twice is read once: its lines are already applied, so following it again would
 * only repeat work (uWSGI would even loop forever on a cycle).
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * a0 = xxxxxxxx
 * a1 = %(a0)%(a0)%(a0)%(a0)%(a0)%(a0)%(a0)%(a0)
 * a2 = %(a1)%(a1)%(a1)%(a1)%(a1)%(a1)%(a1)%(a1)
 * a3 = %(a2)%(a2)%(a2)%(a2)%(a2)%(a2)%(a2)%(a2)
 * a4 = %(a3)%(a3)%(a3)%(a3)%(a3)%(a3)%(a3)%(a3)
 * a5 = %(a4)%(a4)%(a4)%(a4)%(a4)%(a4)%(a4)%(a4)
 * socket = %(a5)
 * ```
 *
 * `a5` would be 256 KB long: its line is reported, and `socket` is not checked. Real configs never
 * need values this long; write the value out, or build it from fewer uses.
 *
 * References nested more than 8 levels deep were never expanded (they are unknown, as before), so a
 * chain that only doubles at each level stays small enough and is not reported.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line analysis-limit` on the line above.
 * - For the file: `# uwsgi-ini: disable analysis-limit` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "analysis-limit": "off" }`, or `--rule analysis-limit=off`.
 */
export const analysisLimit: Rule = {
  id: 'analysis-limit', defaultSeverity: 'information', order: 240, check,
  title: 'Placeholders, section pulls or included files beyond what the checker follows',
  summary: { severity: 'information', catches: 'placeholders or `ini = :section` pulls that expand beyond what the checker follows; in the web version, included files that cannot be read there' },
};
