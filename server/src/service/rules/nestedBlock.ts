import { insertLinesBefore, workspaceEdit } from '../edits';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';
import { BLOCK_END_KEY } from './unclosedBlock';

function check(context: RuleContext): void {
  const { document, model } = context;
  for (const block of model.doc.blocks) {
    if (block.nested.length === 0 || !model.isApplied(block.opener)) continue;
    const outerLine = document.lineNumberAt(block.opener.keySpan.start) + 1;
    const when = block.kind === 'if'
      ? 'whenever that condition holds'
      : 'as soon as the loop runs once';
    for (const nested of block.nested) {
      context.report({
        span: nested.keySpan,
        message: `\`${nested.key}\` opens a block while the \`${block.opener.key}\` block of line ${outerLine} is still open: uWSGI cannot nest blocks and exits with "recursive logic in options is not supported" ${when}.`,
        data: { endKey: BLOCK_END_KEY[block.kind], outerKey: block.opener.key },
      });
    }
  }
}

function fixes({ document, diagnostic, data }: FixContext): RuleFix[] {
  const endKey = data['endKey'];
  const outerKey = data['outerKey'];
  if (typeof endKey !== 'string' || typeof outerKey !== 'string') return [];
  const line = document.lineAt(document.offsetAt(diagnostic.range.start));
  if (!line) return [];
  // Not preferred: the lines after this one leave the outer block, which changes what they mean.
  return [{
    title: `Close the \`${outerKey}\` block here with \`${endKey}\` (the following lines no longer depend on it)`,
    isPreferred: false,
    safety: 'unsafe',
    edit: workspaceEdit(document, [insertLinesBefore(document, line, [endKey])]),
  }];
}

/**
 * **Default severity:** error
 *
 * ## What it catches
 *
 * A `for*` or `if-*` key inside a block that is still open. The range is the inner opening key.
 *
 * ## Why
 *
 * uWSGI cannot nest config-logic blocks. When it applies the inner opener it exits with
 * "recursive logic in options is not supported". That happens whenever the outer condition holds,
 * and for a loop as soon as it runs once. Only when the outer `if` is false is the inner opener
 * dropped silently — a configuration that works only while the condition is false is still broken.
 *
 * Note also that the first closing key closes the *outer* block: the lines after it no longer depend
 * on any condition, and the second closing key is reported by
 * [unmatched-block-end](unmatched-block-end.md).
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * if-env = PRODUCTION
 * if-exists = /etc/app/secrets.ini
 * include = /etc/app/secrets.ini
 * endif
 * endif
 * ```
 *
 * Rewrite it as two blocks one after the other, or combine the conditions in another way (for
 * instance an `if-exists` alone). The quick fix "Close the `if-env` block here" inserts a closing
 * key before the inner opener; it is not preferred because the lines after it then leave the outer
 * block:
 *
 * ```ini
 * [uwsgi]
 * if-env = PRODUCTION
 * endif
 * if-exists = /etc/app/secrets.ini
 * include = /etc/app/secrets.ini
 * endif
 * endif
 * ```
 *
 * ## Fixes in bulk
 *
 * Closing the outer block is **unsafe** and not preferred: the lines after it no longer depend on
 * it. It is never applied in bulk.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line nested-block` on the line above.
 * - For the file: `# uwsgi-ini: disable nested-block` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "nested-block": "off" }` (or another severity), or `--rule nested-block=off`.
 *
 * See also the official page on [configuration logic](https://uwsgi-docs.readthedocs.io/en/latest/ConfigLogic.html).
 */
export const nestedBlock: Rule = {
  id: 'nested-block', defaultSeverity: 'error', order: 80, check, fixes,
  title: 'A `for`/`if` opened inside another block: uWSGI aborts with "recursive logic in options is not supported"',
  summary: { severity: 'error', catches: 'a `for`/`if` block opened inside another: uWSGI aborts' },
};
