import { TextEdit } from 'vscode-languageserver-types';
import { workspaceEdit } from '../edits';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';
import { headerBehindByteOrderMark } from '../../analysis/sectionHeaders';

function check({ model, options, report }: RuleContext): void {
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
    if (entry.equals < 0 && options.lookup(entry.key).kind !== 'option') {
      report({ span, message: `${message} Harmless here: it is no option, so nothing meant for uWSGI is lost.`, severity: 'information' });
      continue;
    }
    report({ span, message });
  }
}

function fixes({ document, model }: FixContext): RuleFix[] {
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
}

/**
 * **Default severity:** warning — information for stray text with no `=` that names no option
 *
 * ## What it catches
 *
 * Each key written before the first section header. The range is the key (or the `=` of an empty
 * key); every key gets its own finding, so each one can be seen and silenced on its own.
 *
 * When the first header is hidden by a UTF-8 byte order mark, the keys are not reported here:
 * [missing-section](missing-section.md) reports the one cause and removes the mark.
 *
 * ## Why
 *
 * uWSGI applies only the lines of the section it reads (`[uwsgi]` by default). Lines before any
 * header belong to no section and are never applied, without any message. That loses an option
 * written there (`master = true`, or a bare `master`), hence the warning. A line that has no `=` and
 * names no option (a comment that lost its `#`, a shell line left over from a heredoc) loses nothing
 * meant for uWSGI, so it is only a note.
 *
 * ## Example
 *
 * ```ini
 * master = true
 * [uwsgi]
 * processes = 4
 * ```
 *
 * The quick fix "Add a `[uwsgi]` header above the first option" makes them part of the section
 * (uWSGI reads every occurrence of a section, in file order):
 *
 * ```ini
 * [uwsgi]
 * master = true
 * [uwsgi]
 * processes = 4
 * ```
 *
 * ## Fixes in bulk
 *
 * Adding the header is **unsafe**: uWSGI starts applying options it skipped so far. Only
 * `--unsafe-fixes` applies it.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line entry-outside-section` on the line above.
 * - For the file: `# uwsgi-ini: disable entry-outside-section` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "entry-outside-section": "off" }` (or another severity), or `--rule entry-outside-section=off`.
 *
 * See also the official page on [ini files and sections](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html).
 */
export const entryOutsideSection: Rule = {
  id: 'entry-outside-section', defaultSeverity: 'warning', order: 110, check, fixes,
  title: 'An option written before the first section header: uWSGI never applies it',
  summary: { severity: 'warning (information for stray text that names no option)', catches: 'keys before the first header: never applied' },
};
