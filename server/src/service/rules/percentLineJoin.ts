import { Line, LineKind } from '../../parser/ast';
import { code, truncate } from '../markup';
import { replaceSpan, workspaceEdit } from '../edits';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

/** How much of the swallowed line the message quotes. */
const QUOTED = 60;

/** The physical line that starts at `from` (without its line break). */
function physicalLine(text: string, from: number): string {
  const end = text.indexOf('\n', from);
  return text.slice(from, end < 0 ? text.length : end).replace(/\r$/, '');
}

/**
 * Whether the next physical line reads as a line of its own: blank, a header, a comment or a
 * `key = value` entry. Then the join is evidently unmeant.
 */
function standsAlone(next: string): boolean {
  const trimmed = next.trim();
  return trimmed === '' || /^[[#;]/.test(trimmed) || /^[\w.-]+\s*=/.test(trimmed);
}

/**
 * Whether the `%` before `join` is evidently a literal percent sign: in a comment (prose), or right
 * after a digit or a blank (`50%`, `100 %`), with the next line standing on its own.
 */
function evidentlyLiteral(text: string, line: Line, join: number, next: string): boolean {
  if (!standsAlone(next)) return false;
  if (line.kind === LineKind.Comment) return true;
  // The `%` that joins is the last of an odd run: look before the whole run.
  let before = join;
  while (before > line.start && text.charCodeAt(before - 1) === 37) before--;
  return /[\d \t]/.test(text[before - 1] ?? '');
}

/** A blank line or a comment: swallowed into a comment, it changes nothing uWSGI applies. */
function isCommentOrBlank(next: string): boolean {
  const trimmed = next.trim();
  return trimmed === '' || trimmed[0] === '#' || trimmed[0] === ';';
}

function messageFor(line: Line, join: number, next: string): string {
  const quoted = next.trim() === '' ? 'the blank line after it' : `the next line ${code(truncate(next.trim(), QUOTED))}`;
  const how = 'uWSGI expands `%` followed by a line break to nothing before it splits the file into lines';
  if (line.kind === LineKind.Comment && isCommentOrBlank(next)) {
    return `This comment ends in a \`%\`: ${how}, so ${quoted} becomes part of the comment. Harmless here, since that line holds no setting; write \`%%\` for a literal percent sign before a line that does.`;
  }
  if (line.kind === LineKind.Comment) {
    return `This comment ends in a \`%\`: ${how}, so ${quoted} becomes part of the comment and uWSGI never reads it. Write \`%%\` for a literal percent sign.`;
  }
  // Before the `=` (or on a line with none) the join builds the key: `proc%` + `esses = 2`.
  if (line.kind === LineKind.Entry && line.equals >= 0 && join > line.equals) {
    return `The value of ${code(line.key)} ends in a \`%\`: ${how}, so ${quoted} is joined to the value and the \`%\` is gone. Write \`%%\` for a literal percent sign.`;
  }
  return `This line ends in a \`%\`: ${how}, so ${quoted} is joined to it. Write \`%%\` for a literal percent sign.`;
}

function check(context: RuleContext): void {
  const text = context.model.text;
  for (const line of context.document.ast.lines) {
    if (line.joins.length === 0 || line.kind === LineKind.Blank) continue;
    for (const join of line.joins) {
      const next = physicalLine(text, join + 2);
      context.report({
        span: { start: join, end: join + 1 },
        ...(line.kind === LineKind.Comment && isCommentOrBlank(next) ? { severity: 'information' as const } : {}),
        message: messageFor(line, join, next),
        data: { safe: evidentlyLiteral(text, line, join, next) },
      });
    }
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return [{
    title: 'Write `%%` for a literal percent sign',
    isPreferred: true,
    safety: data['safe'] === true ? 'safe' : 'unsafe',
    edit: workspaceEdit(document, [replaceSpan(document, { start, end }, '%%')]),
  }];
}

/**
 * **Default severity:** warning; information when a comment swallows a blank line or another
 * comment, which changes nothing uWSGI applies.
 *
 * ## What it catches
 *
 * A value or a comment whose line ends in an odd run of `%`: the last `%` joins the next line to
 * this one.
 *
 * ```ini
 * [uwsgi]
 * ; cheaper keeps workers below 50%
 * cheaper = 2
 * ```
 *
 * The comment swallows `cheaper = 2`: uWSGI never applies it. In a value,
 * `env = RATIO=50%` followed by `master = true` gives the single value `RATIO=50master = true`.
 * The range is the `%` that joins.
 *
 * ## Why
 *
 * uWSGI magic-expands the whole file before it splits it into lines (SEMANTICS.md §2, §8): `%`
 * followed by any byte is that byte's magic variable, and a line break has none, so `%` and the
 * line break vanish and the next line goes on this one. Comments are expanded too. `%%` is a
 * literal `%`, so an even run (`50%%`) does not join. The oracle fixtures
 * `percent-line-join-comment.ini` and `percent-line-join-value.ini` show a misspelt option that
 * uWSGI never reads, not even under `--strict`, after a comment or a value ending in `%`;
 * `percent-line-join-even-run.ini` shows `%%` keeping the next line on its own.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * ; cheaper keeps workers below 50%%
 * cheaper = 2
 * ```
 *
 * ## Fixes in bulk
 *
 * "Write `%%`" is **safe** when a literal percent sign is evident: in a comment, or after a digit
 * or a blank, with the next line a line of its own (a `key = value`, a header, a comment or a
 * blank line). Elsewhere (`proc%` then `esses = 2`, a line split on purpose) it is **unsafe**: the
 * join may be meant. inline-comment offers no fix across such a join either.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line percent-line-join` on the line above.
 * - For the file: `# uwsgi-ini: disable percent-line-join` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "percent-line-join": "off" }`, or `--rule percent-line-join=off`.
 *
 * See also the official [magic variables](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html#magic-variables).
 */
export const percentLineJoin: Rule = {
  id: 'percent-line-join', defaultSeverity: 'warning', order: 55, check, fixes,
  title: 'A line ending in `%`: uWSGI joins the next line to it',
  summary: { severity: 'warning (information when a comment swallows a blank line or a comment)', catches: '`; below 50%` then `cheaper = 2`: the `%` swallows the next line' },
};
