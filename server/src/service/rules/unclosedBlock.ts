import { TextEdit } from 'vscode-languageserver-types';
import { LogicKind } from '../../parser/ast';
import { workspaceEdit } from '../edits';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';

/** The closing key written for each kind of block (uWSGI accepts any closer for either). */
export const BLOCK_END_KEY: Readonly<Record<LogicKind, string>> = { if: 'endif', for: 'endfor' };

function check({ model, report }: RuleContext): void {
  for (const block of model.doc.blocks) {
    if (block.closer || !model.isApplied(block.opener)) continue;
    const key = block.opener.key;
    const endKey = BLOCK_END_KEY[block.kind];
    const effect = block.kind === 'if'
      ? `every line after it, up to the end of the whole configuration (files that include this one too), applies only when the condition holds`
      : `every line after it, up to the end of the whole configuration (files that include this one too), is repeated for each item`;
    report({
      span: block.opener.keySpan,
      message: `The \`${key}\` block is never closed with \`${endKey}\`: ${effect}.`,
      data: { endKey },
    });
  }
}

function fixes({ document, model, diagnostic, data }: FixContext): RuleFix[] {
  const endKey = data['endKey'];
  if (typeof endKey !== 'string') return [];
  const start = document.offsetAt(diagnostic.range.start);
  const block = model.doc.blocks.find((b) => b.opener.keySpan.start === start && !b.closer);
  if (!block) return [];
  // Where the author meant the block to end is unknowable; after its last line is the least surprising.
  const last = block.body[block.body.length - 1] ?? block.opener;
  const indent = document.text.slice(block.opener.start, block.opener.contentStart);
  const eol = document.eol;
  const edit = last.eolEnd === last.end
    ? TextEdit.insert(document.textDocument.positionAt(last.end), eol + indent + endKey)
    : TextEdit.insert(document.textDocument.positionAt(last.eolEnd), indent + endKey + eol);
  return [{
    title: `Close the block with \`${endKey}\` after its last line`,
    isPreferred: true,
    // The lines after the block stop depending on it.
    safety: 'unsafe',
    edit: workspaceEdit(document, [edit]),
  }];
}

/**
 * **Default severity:** warning
 *
 * ## What it catches
 *
 * A config-logic block (`for`, `for-glob`, `for-times`, `for-readline`, `if-env`, `if-exists`,
 * `if-opt`, ... ) in an applied section that is never closed with `endif`/`endfor` (or `end-if`,
 * `end-for`, `end`). The range is the opening key.
 *
 * ## Why
 *
 * While a block is open, uWSGI hands every following line to the block instead of applying it. An
 * unclosed block therefore reaches to the end of the whole configuration: with a false condition,
 * every later line — the privilege drop, the sockets — is silently skipped; a loop repeats them for
 * every item. It even leaks out of the file: when another file includes this one, that file's
 * remaining lines end up inside the block too.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi]
 * if-env = PRODUCTION
 * processes = 16
 * uid = www-data
 * gid = www-data
 * ```
 *
 * Where the block was meant to end cannot be known, so the quick fix closes it after its last line
 * (with the matching key, at the opener's indentation) — move it up if it belongs earlier:
 *
 * ```ini
 * [uwsgi]
 * if-env = PRODUCTION
 * processes = 16
 * uid = www-data
 * gid = www-data
 * endif
 * ```
 *
 * ## Fixes in bulk
 *
 * Closing the block after its last line is **unsafe**: where the block was meant to end is a guess,
 * and the lines after it stop depending on it. Only `--unsafe-fixes` applies it.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line unclosed-block` on the line above.
 * - For the file: `# uwsgi-ini: disable unclosed-block` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "unclosed-block": "off" }` (or another severity), or `--rule unclosed-block=off`.
 *
 * See also the official page on [configuration logic](https://uwsgi-docs.readthedocs.io/en/latest/ConfigLogic.html).
 */
export const unclosedBlock: Rule = {
  id: 'unclosed-block', defaultSeverity: 'warning', order: 70, check, fixes,
  title: 'A `for`/`if` block that is never closed: it swallows every following line, even of files that include this one',
  summary: { severity: 'warning', catches: 'config logic (`if-env`, `for`...) never closed: it swallows the rest of the file' },
};
