import { TextEdit } from 'vscode-languageserver-types';
import { LogicKind } from '../../parser/ast';
import { workspaceEdit } from '../edits';
import { Rule } from './rule';

/** The closing key written for each kind of block (uWSGI accepts any closer for either). */
export const BLOCK_END_KEY: Readonly<Record<LogicKind, string>> = { if: 'endif', for: 'endfor' };

export const unclosedBlock: Rule = {
  id: 'unclosed-block',
  defaultSeverity: 'warning',
  title: 'A `for`/`if` block that is never closed: it swallows every following line, even of files that include this one',

  check(context) {
    const { model } = context;
    for (const block of model.doc.blocks) {
      if (block.closer || !model.isApplied(block.opener)) continue;
      const key = block.opener.key;
      const endKey = BLOCK_END_KEY[block.kind];
      const effect = block.kind === 'if'
        ? `every line after it, up to the end of the whole configuration (files that include this one too), applies only when the condition holds`
        : `every line after it, up to the end of the whole configuration (files that include this one too), is repeated for each item`;
      context.report({
        span: block.opener.keySpan,
        message: `The \`${key}\` block is never closed with \`${endKey}\`: ${effect}.`,
        data: { endKey },
      });
    }
  },

  fixes({ document, model, diagnostic, data }) {
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
  },
};
