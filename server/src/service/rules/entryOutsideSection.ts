import { TextEdit } from 'vscode-languageserver-types';
import { workspaceEdit } from '../edits';
import { Rule } from './rule';
import { headerBehindByteOrderMark } from './sectionHeaders';

export const entryOutsideSection: Rule = {
  id: 'entry-outside-section',
  defaultSeverity: 'warning',
  title: 'An option written before the first section header: uWSGI never applies it',

  check(context) {
    const { model } = context;
    const doc = model.doc;
    // A byte order mark hides the first header; missing-section reports that one cause.
    if (headerBehindByteOrderMark(doc)) return;
    const wanted = model.sectionName;
    for (const entry of doc.orphanEntries) {
      const span = entry.key === ''
        ? { start: entry.contentStart, end: entry.equals >= 0 ? entry.equals + 1 : entry.contentEnd }
        : entry.keySpan;
      const what = entry.key === '' ? 'This line' : `\`${entry.key}\``;
      const message = `${what} comes before any section header: uWSGI applies only lines under \`[${wanted}]\`, so it never uses this line.`;
      // Stray text with no `=` that names no option (a broken comment, a shell line) loses nothing.
      if (entry.equals < 0 && context.options.lookup(entry.key).kind !== 'option') {
        context.report({ span, message: `${message} Harmless here: it is no option, so nothing meant for uWSGI is lost.`, severity: 'information' });
        continue;
      }
      context.report({ span, message });
    }
  },

  fixes({ document, model }) {
    const first = model.doc.orphanEntries[0];
    if (!first) return [];
    const wanted = model.sectionName;
    return [{
      title: `Add a \`[${wanted}]\` header above the first option`,
      isPreferred: true,
      // uWSGI starts applying the options it skipped so far.
      safety: 'unsafe',
      edit: workspaceEdit(document, [TextEdit.insert(document.textDocument.positionAt(first.start), `[${wanted}]${document.eol}`)]),
    }];
  },
};
