import { Rule, RuleContext } from './rule';

function check(context: RuleContext): void {
  for (const problem of context.model.includes.problems) {
    if (problem.kind !== 'not-found' && problem.kind !== 'not-a-file' && problem.kind !== 'unreadable') continue;
    const key = problem.entry.key;
    // uWSGI never reads a line whose block is false; under a condition we cannot test it reads
    // it only where that holds (an optional include guarded by `if-exists`, `if-env`...).
    const read = context.model.blockOf(problem.entry) ? context.interpretation().reading(problem.entry) : 'read';
    if (read === 'skipped') continue;
    if (read === 'conditional') {
      const condition = context.interpretation().entriesOf(problem.entry)[0]?.provenance.condition;
      const guard = condition ? `\`${condition.key} = ${context.interpretation().result.render(condition.argument)}\`` : 'its block\'s condition';
      context.report({
        span: problem.span,
        severity: 'information',
        message: `\`${key}\`: ${problem.path} is not there. uWSGI reads this line only where ${guard} holds, and stops there with an error.`,
      });
      continue;
    }
    if (problem.relative) {
      context.report({
        span: problem.span,
        severity: 'information',
        message: `\`${key}\`: ${problem.path} is not there. uWSGI resolves a relative path from the directory it is started in; write \`%d\` in front to make it relative to this file.`,
      });
      continue;
    }
    const what =
      problem.kind === 'not-found' ? 'does not exist'
        : problem.kind === 'not-a-file' ? 'is not a regular file'
          : 'cannot be read';
    const reference = problem.span.start !== problem.entry.valueSpan.start || problem.span.end !== problem.entry.valueSpan.end;
    const reading = reference ? `\`@(...)\` in \`${key}\`` : `\`${key}\``;
    // A path built from %d travels with this file: missing here means missing wherever it is deployed.
    // Any other absolute path may exist on the machine uWSGI runs on, so it is only a warning.
    context.report({
      span: problem.span,
      severity: problem.anchored ? 'error' : 'warning',
      message: problem.anchored
        ? `${reading}: ${problem.path} ${what} (the path is built from this file's location). uWSGI stops with an error when it reads this line.`
        : `${reading}: ${problem.path} ${what} on this machine. uWSGI stops with an error when it reads this line where that is so.`,
    });
  }
}

// An included ini file or an `@(file)` that is not there: uWSGI exits with status 1 when it reads
// the line (`realpath() of ... failed`, probe include_env_not_expanded), so the default is error.

/**
 * **Default severity:** error, because uWSGI exits when an included file is missing; warning for
 * an absolute path missing on this machine (it may exist where uWSGI runs); information for
 * relative paths.
 *
 * ## What it catches
 *
 * `include`, `ini` and `inherit` lines whose ini file is not there, is a directory or something
 * other than a regular file, or cannot be read.
 *
 * - Paths built from `%d` (the directory of this file; `%d../x.ini` is in its parent) travel with
 *   the file: a miss is an error, and the message names the resolved path.
 * - Other absolute paths are checked as written; a miss is a warning.
 * - Relative paths are resolved by uWSGI from the directory it is started in, which the editor
 *   cannot know. They are looked up next to this file, and a miss is only information.
 * - Paths with `$(ENV)`, `@(...)`, host-dependent magic variables, or `%(placeholders)` in an
 *   immediate loader are not followed (uWSGI reads `include` before placeholders are expanded).
 *
 * In an untrusted VS Code workspace no file is read and this rule says nothing.
 *
 * ## Why
 *
 * `include` and `ini` are applied while uWSGI reads the file: a missing file stops it with a
 * `realpath()` or open error before anything starts. Writing `%d` makes the path independent of
 * the working directory.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * include = /etc/uwsgi/commmon.ini
 * ```
 *
 * ## Silencing it
 *
 * `# uwsgi-ini: disable-next-line missing-include`, or `"uwsgi.diagnostics": { "missing-include": "off" }`.
 */
export const missingInclude: Rule = {
  id: 'missing-include', defaultSeverity: 'error', order: 20, check,
  title: 'Included file that does not exist or is not a regular file',
  summary: { severity: 'error (warning for a plain absolute path, information for a relative one)', catches: 'included files that are missing: uWSGI exits' },
};
