import { EntryLine } from '../../parser/ast';
import { Segment, segmentValue } from '../../parser/values';
import { referencesExpandedIn } from '../../analysis/model';
import { code } from '../markup';
import { Rule, RuleContext } from './rule';

/** `@(exec://command)`: the output of a command, not a file (SEMANTICS.md §9). */
const EXEC_SCHEME = /^exec:\/\//;

/** The `%(...)` placeholders inside an `@(...)` reference, as uWSGI's `@` pass would meet them. */
function placeholdersIn(context: RuleContext, entry: EntryLine, reference: Segment): Segment[] {
  const text = context.model.text;
  const inner = segmentValue(text, reference.nameSpan.start, reference.nameSpan.end).filter((s) => s.kind === 'placeholder');
  // Inside a block the handler fills `%(_)` in before the line is stored: it is gone by then.
  if (context.model.blockOf(entry)) return inner.filter((s) => s.name !== '_');
  return inner;
}

function check(context: RuleContext): void {
  const { model, options } = context;
  for (const entry of model.applied) {
    if (!entry.value.includes('@(') || !entry.value.includes('%(')) continue;
    if (!referencesExpandedIn(entry.key, options.option(entry.key)?.immediate === true)) continue;
    for (const segment of model.segments(entry)) {
      if (segment.kind !== 'reference') continue;
      const placeholders = placeholdersIn(context, entry, segment);
      if (placeholders.length === 0) continue;
      const first = placeholders[0]!;
      const written = model.text.slice(first.start, first.end);
      const opened = model.text.slice(segment.nameSpan.start, segment.nameSpan.end);
      const span = { start: first.start, end: placeholders[placeholders.length - 1]!.end };
      // `exec://` runs a command: a failing one only leaves the value empty, and uWSGI goes on.
      if (EXEC_SCHEME.test(opened)) {
        context.report({
          span,
          severity: 'warning',
          message: `uWSGI expands \`@(...)\` before \`%(...)\`: it runs the command of ${code(opened)} with ${code(written)} as written, not its value, and the value gets whatever that prints (nothing, if the command fails). Use an environment variable (\`$(VAR)\`) or write the text.`,
        });
        continue;
      }
      // An `if-*` block may never store the line; where it does, uWSGI stops. A loop runs it.
      const guarded = model.blockOf(entry)?.kind === 'if';
      context.report({
        span,
        ...(guarded ? { severity: 'warning' as const } : {}),
        message: `uWSGI expands \`@(...)\` before \`%(...)\`: it tries to open a file literally named ${code(opened)} and stops${guarded ? ' where the block lets this line through' : ''}. ${code(written)} cannot name the file; use an environment variable (\`$(VAR)\`) or write the path.`,
      });
    }
  }
}

/**
 * **Default severity:** error: uWSGI stops; warning inside an `if-*` block, which may never let
 * the line through, and in an `@(exec://...)` command, which runs and lets uWSGI go on.
 *
 * ## What it catches
 *
 * An `@(file)` reference whose file name holds a `%(placeholder)`:
 *
 * ```ini
 * [uwsgi]
 * secret_file = /etc/app/secret
 * env = SECRET=@(%(secret_file))
 * ```
 *
 * The range is the `%(...)` inside the `@(...)`. Only lines whose references uWSGI expands are
 * checked: an immediate option (`include`, `set-placeholder`...) keeps the whole text literal and
 * never opens the file ([unexpanded-reference](unexpanded-reference.md) reports that). `%(_)` in a
 * `for`/`if` block is filled in by the block before the line is stored and is not reported.
 *
 * ## Why
 *
 * uWSGI expands the references of a value in three passes, in this order: `$(VAR)`, then
 * `@(file)`, then `%(name)` (SEMANTICS.md §9). When the `@` pass reads the file, the placeholder is
 * still the literal text `%(secret_file)`, so uWSGI tries to open a file of that name and exits
 * with `open("%(secret_file)"): No such file or directory`. The same holds for a key that is no
 * option (a placeholder's own value is expanded too). The oracle fixture
 * `placeholder-in-file-reference.ini` shows uWSGI refusing such a file.
 *
 * Every scheme that names something to read (`http://`, `sym://`, `section://`, `call://`...)
 * fails the same way. `exec://` is the exception: uWSGI runs the command with the literal
 * `%(name)` in it (a shell reads its `(` as a syntax error), takes what it prints, usually nothing,
 * and goes on; the value is not what was meant, so that is a warning. This was run by hand on
 * uWSGI 2.0.21 (it accepts the file, and the value is empty); the oracle suite refuses fixtures
 * that run commands, so none holds it.
 *
 * `$(VAR)` and magic variables work inside `@(...)`: the `$` pass runs before, and `%d`, `%n`...
 * are expanded when the file is read.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * env = SECRET=@(/etc/app/secret)
 * ```
 *
 * or `@($(SECRET_FILE))` with the name in the environment, or `@(%dsecret)` for a file beside this
 * one.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line placeholder-in-file-reference` on the line above.
 * - For the file: `# uwsgi-ini: disable placeholder-in-file-reference` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "placeholder-in-file-reference": "off" }`, or `--rule placeholder-in-file-reference=off`.
 */
export const placeholderInFileReference: Rule = {
  id: 'placeholder-in-file-reference', defaultSeverity: 'error', order: 57, check,
  title: '`@(...)` whose file name holds a `%(...)`: uWSGI opens the literal name and stops',
  summary: { severity: 'error (warning inside an `if-*` block, and in an `@(exec://...)` command, which runs)', catches: '`@(%(file))`: `@` is expanded before `%`, so uWSGI fails to open `%(file)`' },
};
