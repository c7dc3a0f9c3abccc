import { insertLinesBefore, workspaceEdit } from '../edits';
import { Rule } from './rule';
import { BLOCK_END_KEY } from './unclosedBlock';

export const nestedBlock: Rule = {
  id: 'nested-block',
  defaultSeverity: 'error',
  title: 'A `for`/`if` opened inside another block: uWSGI aborts with "recursive logic in options is not supported"',

  check(context) {
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
  },

  fixes({ document, diagnostic, data }) {
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
  },
};
