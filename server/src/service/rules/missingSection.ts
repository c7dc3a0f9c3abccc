import { TextEdit } from 'vscode-languageserver-types';
import { LineKind } from '../../parser/ast';
import { insertLinesBefore, replaceSpan, workspaceEdit } from '../edits';
import { Rule, RuleContext, FixContext, RuleFix } from './rule';
import { headerBehindByteOrderMark, HeaderSlip, nearMissHeader } from '../../analysis/sectionHeaders';

function slipMessage(slip: HeaderSlip, written: string, name: string, wanted: string): string {
  const ignored = `so uWSGI does not find \`[${wanted}]\` and ignores the whole file (with only a warning)`;
  switch (slip) {
    case 'comment':
      return `uWSGI has no inline comments: \`${written}\` names the section \`${name}\`, ${ignored}. Put the comment on its own line.`;
    case 'spaces':
      return `uWSGI keeps the spaces inside the brackets: \`${written}\` names the section \`${name}\`, ${ignored}.`;
    case 'unclosed':
      return `The header lacks its \`]\`: uWSGI drops the last character anyway, so \`${written}\` names the section \`${name}\`, ${ignored}.`;
    case 'case':
      return `Section names are case-sensitive: \`${written}\` is not \`[${wanted}]\`, ${ignored}.`;
    case 'trailing-text':
      return `uWSGI takes everything up to the last character as the name: \`${written}\` names the section \`${name}\`, ${ignored}.`;
  }
}

function check({ model, report }: RuleContext): void {
  const doc = model.doc;
  const wanted = model.sectionName;
  if (doc.sections.some((section) => section.name === wanted)) return;
  const text = doc.text;

  const hidden = headerBehindByteOrderMark(doc);
  if (hidden) {
    report({
      span: { start: hidden.contentStart, end: hidden.contentEnd },
      message: `The file starts with a UTF-8 byte order mark: uWSGI does not recognise \`${text.slice(hidden.contentStart + 1, hidden.contentEnd).trim()}\` as a header, so it ignores the whole file (with only a warning).`,
      data: { fix: 'remove-bom' },
    });
    return;
  }

  let nearMisses = 0;
  for (const section of doc.sections) {
    const miss = nearMissHeader(doc, section.header, wanted);
    if (!miss) continue;
    nearMisses++;
    const written = text.slice(section.header.contentStart, section.header.contentEnd);
    report({
      span: { start: section.header.contentStart, end: section.header.contentEnd },
      message: slipMessage(miss.slips[0]!, written, section.name, wanted),
      data: miss.comment !== undefined ? { fix: 'rewrite-header', comment: miss.comment } : { fix: 'rewrite-header' },
    });
  }
  if (nearMisses > 0) return;

  const first = doc.sections[0];
  if (first) {
    const names = [...new Set(doc.sections.map((section) => `\`[${section.name}]\``))].join(', ');
    report({
      span: { start: first.header.contentStart, end: first.header.contentEnd },
      wholeFile: true,
      message: `No \`[${wanted}]\` section: uWSGI reads only \`[${wanted}]\` from this file (unless started with \`--ini file:NAME\`) and ignores ${names}. If the file is meant to be read that way, set \`uwsgi.section\`.`,
    });
    return;
  }
  // Only comments and blank lines: nothing would be applied anyway, so nothing is lost.
  const firstEntry = doc.entries[0];
  if (!firstEntry) return;
  const firstContent = doc.lines.find((line) => line.kind !== LineKind.Blank)!;
  report({
    span: { start: firstContent.contentStart, end: firstContent.contentStart + 1 },
    message: `No section header: uWSGI applies only lines under \`[${wanted}]\`, so it ignores this whole file (with only a warning).`,
    data: { fix: 'add-header' },
    wholeFile: true,
  });
}

function fixes({ document, model, diagnostic, data }: FixContext): RuleFix[] {
  const wanted = model.sectionName;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  switch (data['fix']) {
    case 'remove-bom':
      return [{
        title: 'Remove the byte order mark',
        isPreferred: true,
        // uWSGI ignores the whole file today: with the fix it applies it.
        safety: 'unsafe',
        edit: workspaceEdit(document, [TextEdit.del(document.rangeOf({ start: 0, end: 1 }))]),
      }];
    case 'rewrite-header': {
      const comment = data['comment'];
      const line = document.lineAt(start);
      if (!line) return [];
      // A comment ending in an odd run of `%` would join the header into itself on its own line.
      if (typeof comment === 'string' && /(^|[^%])(%%)*%$/.test(comment)) return [];
      const edits = [replaceSpan(document, { start, end }, `[${wanted}]`)];
      if (typeof comment === 'string') edits.unshift(insertLinesBefore(document, line, [comment]));
      return [{
        title: typeof comment === 'string' ? `Change to \`[${wanted}]\` and move the comment to its own line` : `Change to \`[${wanted}]\``,
        isPreferred: true,
        safety: 'unsafe',
        edit: workspaceEdit(document, edits),
      }];
    }
    case 'add-header': {
      const firstEntry = model.doc.entries[0];
      if (!firstEntry) return [];
      return [{
        title: `Add a \`[${wanted}]\` header above the first option`,
        isPreferred: true,
        safety: 'unsafe',
        edit: workspaceEdit(document, [TextEdit.insert(document.textDocument.positionAt(firstEntry.start), `[${wanted}]${document.eol}`)]),
      }];
    }
    default:
      return [];
  }
}

/**
 * **Default severity:** warning
 *
 * ## What it catches
 *
 * A file that has no section with the name uWSGI reads: `[uwsgi]`, or the name set in
 * `uwsgi.section` (for configs started as `--ini file.ini:NAME`). Headers that were surely meant to
 * be that section get their own message and fix:
 *
 * | written | uWSGI reads the section name | fix |
 * |---|---|---|
 * | `\uFEFF[uwsgi]` (UTF-8 byte order mark) | none: the line is no header | remove the byte order mark |
 * | `[ uwsgi ]` | ` uwsgi ` | `[uwsgi]` |
 * | `[uwsgi] ; main` | `uwsgi] ; mai` | `[uwsgi]`, comment moved to its own line above |
 * | `[uwsgi` | `uwsg` | `[uwsgi]` |
 * | `[UWSGI]` | `UWSGI` (names are case-sensitive) | `[uwsgi]` |
 *
 * The range is the header line. When the file has other sections only (say `[app]`), the first
 * header is reported and the message lists them. When it has no header at all, the first character
 * of the first non-blank line is reported and the fix adds `[uwsgi]` above the first option.
 *
 * An empty file, or one holding only comments and blank lines, is not reported: nothing in it would
 * be applied anyway.
 *
 * ## Why
 *
 * uWSGI takes as section name everything after `[` with the last character dropped, without checking
 * that it is `]`, and compares names exactly. When the wanted section is not found, uWSGI prints only
 * a warning and goes on without any of the file's options: the instance starts with defaults.
 *
 * ## Example
 *
 * ```ini
 * [uwsgi] ; production
 * master = true
 * ```
 *
 * The quick fix rewrites the header and keeps the comment:
 *
 * ```ini
 * ; production
 * [uwsgi]
 * master = true
 * ```
 *
 * ## Fixes in bulk
 *
 * Every fix is **unsafe**: uWSGI ignores the whole file today, and reads it after the fix. Only
 * `--unsafe-fixes` applies it.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line missing-section` on the line above.
 * - For the file: `# uwsgi-ini: disable missing-section` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "missing-section": "off" }` (or another severity), or `--rule missing-section=off`.
 * - For a file read with `--ini file.ini:app`: `"uwsgi.section": "app"`.
 *
 * See also the official page on [ini files and sections](https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html).
 */
export const missingSection: Rule = {
  id: 'missing-section', defaultSeverity: 'warning', order: 100, check, fixes,
  title: 'No section with the name uWSGI reads (`[uwsgi]` by default): uWSGI ignores the whole file',
  summary: { severity: 'warning', catches: 'no `[uwsgi]` section: BOM, `[ uwsgi ]`, `[uwsgi] ; x`, `[UWSGI]`' },
};
