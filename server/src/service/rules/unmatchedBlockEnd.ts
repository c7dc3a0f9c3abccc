import { deleteLine, workspaceEdit } from '../edits';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

function check({ model, report }: RuleContext): void {
  for (const entry of model.doc.strayBlockEnds) {
    if (!model.isApplied(entry)) continue;
    report({
      span: entry.keySpan,
      message: `\`${entry.key}\` closes no block (none is open here): uWSGI ignores it.`,
    });
  }
}

function fixes({ document, diagnostic }: FixContext): RuleFix[] {
  const line = document.lineAt(document.offsetAt(diagnostic.range.start));
  if (!line) return [];
  return [{
    title: `Remove the line`,
    isPreferred: true,
    // uWSGI ignores the line: removing it changes nothing.
    safety: 'safe',
    edit: workspaceEdit(document, [deleteLine(document, line)]),
  }];
}

/**
 * **Default severity:** information
 *
 * ## What it catches
 *
 * A closing key (`endif`, `end-if`, `endfor`, `end-for`, `end`) in an applied section while no
 * `for`/`if` block is open. The range is the key.
 *
 * ## Why
 *
 * uWSGI ignores a closing key when no block is open, so the line does nothing. It often hints at a
 * mistake elsewhere: a block closed twice, an opener that was deleted, or a nested block whose first
 * `endif` already closed the outer one (see [nested-block](nested-block.md)).
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * master = true
 * endif
 * ```
 *
 * The quick fix "Remove the line" deletes it:
 *
 * ```ini
 * [uwsgi]
 * master = true
 * ```
 *
 * ## Fixes in bulk
 *
 * Removing the line is **safe**: uWSGI ignores it.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line unmatched-block-end` on the line above.
 * - For the file: `# uwsgi-ini: disable unmatched-block-end` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "unmatched-block-end": "off" }` (or another severity), or `--rule unmatched-block-end=off`.
 *
 * See also the official page on [configuration logic](https://uwsgi-docs.readthedocs.io/en/latest/ConfigLogic.html).
 */
export const unmatchedBlockEnd: Rule = {
  id: 'unmatched-block-end', defaultSeverity: 'information', order: 90, check, fixes,
  title: 'A block end with no open `for`/`if` block: uWSGI ignores it',
  summary: { severity: 'information', catches: 'a block end (`endif`, `endfor`, `end`) that closes nothing' },
};
