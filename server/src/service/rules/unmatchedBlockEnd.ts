import { TextEdit } from 'vscode-languageserver-types';
import { workspaceEdit } from '../edits';
import { Rule } from './rule';

export const unmatchedBlockEnd: Rule = {
  id: 'unmatched-block-end',
  defaultSeverity: 'information',
  title: 'A block end with no open `for`/`if` block: uWSGI ignores it',

  check(context) {
    const { model } = context;
    for (const entry of model.doc.strayBlockEnds) {
      if (!model.isApplied(entry)) continue;
      context.report({
        span: entry.keySpan,
        message: `\`${entry.key}\` closes no block (none is open here): uWSGI ignores it.`,
      });
    }
  },

  fixes({ document, diagnostic }) {
    const line = document.lineAt(document.offsetAt(diagnostic.range.start));
    if (!line) return [];
    return [{
      title: `Remove the line`,
      isPreferred: true,
      // uWSGI ignores the line: removing it changes nothing.
      safety: 'safe',
      edit: workspaceEdit(document, [TextEdit.del(document.rangeOf({ start: line.start, end: line.eolEnd }))]),
    }];
  },
};
