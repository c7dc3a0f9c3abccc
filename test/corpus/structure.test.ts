import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { DocumentSymbol, Range, SelectionRange, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseIni } from '../../server/src/parser/parser';
import { getLanguageService } from '../../server/src/service/languageService';
import { CORPUS_DIR, corpusFiles } from './corpus';
import { EVERY_PATH_IS_A_FILE } from '../support/spec';

// Symbols, folding, links, selection ranges and formatting over every corpus file: nothing throws,
// every range lies inside the document, and formatting keeps what uWSGI reads while being idempotent.

const OPTIONS = { tabSize: 4, insertSpaces: true };

function inside(document: TextDocument, range: Range): boolean {
  const end = document.positionAt(document.getText().length);
  const valid = (p: { line: number; character: number }): boolean =>
    p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character)) &&
    document.offsetAt(p) === document.offsetAt(document.positionAt(document.offsetAt(p)));
  return valid(range.start) && valid(range.end) && document.offsetAt(range.start) <= document.offsetAt(range.end);
}

function contains(document: TextDocument, outer: Range, inner: Range): boolean {
  return document.offsetAt(outer.start) <= document.offsetAt(inner.start) && document.offsetAt(inner.end) <= document.offsetAt(outer.end);
}

/** What uWSGI reads: every entry's section, key and value, in order. */
function reading(text: string): string[] {
  return parseIni(text).entries.map((e) => `${e.section?.name ?? ''}\u0000${e.key}\u0000${e.value}`);
}

function lineEndings(text: string): { crlf: number; lf: number; finalNewline: boolean } {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  return { crlf, lf: (text.match(/\n/g) ?? []).length - crlf, finalNewline: text.endsWith('\n') };
}

describe('corpus: structure features on 502 real configs', function () {
  this.timeout(300_000);

  before(() => {
    // The corpus suites are run only where ../shared is (CI and the developers' machines).
    assert.ok(fs.existsSync(CORPUS_DIR), `the corpus is not at ${CORPUS_DIR} (it lives in ../shared beside the checkout)`);
  });

  const files = (): { name: string; document: TextDocument }[] =>
    corpusFiles().map((file) => ({ name: file.name, document: TextDocument.create(`file:///corpus/${file.name}`, 'uwsgi-ini', 1, file.text) }));

  it('document symbols: ranges inside the document, selection inside range, children inside parents', () => {
    const service = getLanguageService();
    const problems: string[] = [];
    for (const { name, document } of files()) {
      const check = (symbols: DocumentSymbol[], parent: DocumentSymbol | undefined): void => {
        for (const symbol of symbols) {
          if (symbol.name === '') problems.push(`${name}: empty symbol name`);
          if (!inside(document, symbol.range) || !contains(document, symbol.range, symbol.selectionRange)) problems.push(`${name}: ${symbol.name} range`);
          if (parent && !contains(document, parent.range, symbol.range)) problems.push(`${name}: ${symbol.name} outside ${parent.name}`);
          check(symbol.children ?? [], symbol);
        }
      };
      check(service.findDocumentSymbols(service.parse(document)), undefined);
    }
    assert.deepEqual(problems, []);
  });

  it('folding ranges: inside the document and nested', () => {
    const service = getLanguageService();
    const problems: string[] = [];
    for (const { name, document } of files()) {
      for (const lineFoldingOnly of [true, false]) {
        const ranges = service.getFoldingRanges(service.parse(document), { lineFoldingOnly });
        for (const range of ranges) {
          if (range.startLine >= range.endLine || range.endLine >= document.lineCount) problems.push(`${name}: ${JSON.stringify(range)}`);
        }
        for (const a of ranges) {
          for (const b of ranges) {
            const crosses = a.startLine < b.startLine && b.startLine <= a.endLine && a.endLine < b.endLine;
            if (crosses) problems.push(`${name}: ${JSON.stringify(a)} crosses ${JSON.stringify(b)}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('document links: ranges inside the document, file targets well formed', () => {
    // Links go only to files that exist: here every path does, so every path value is checked.
    const service = getLanguageService(undefined, { fileSystem: EVERY_PATH_IS_A_FILE });
    const problems: string[] = [];
    let count = 0;
    for (const { name, document } of files()) {
      for (const link of service.findDocumentLinks(service.parse(document))) {
        count++;
        if (!inside(document, link.range)) problems.push(`${name}: link range ${JSON.stringify(link.range)}`);
        if (!/^(file:\/\/\/|https?:\/\/)/.test(link.target ?? '')) problems.push(`${name}: target ${link.target}`);
        if (link.target?.startsWith('file:') && /[\s%](?![0-9A-F]{2})/.test(link.target)) problems.push(`${name}: unencoded ${link.target}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(count > 500, `only ${count} links over the corpus`);
  });

  it('selection ranges: at the start, middle and end of every line, each parent contains its child', () => {
    const service = getLanguageService();
    const problems: string[] = [];
    for (const { name, document } of files()) {
      const parsed = service.parse(document);
      const positions = [];
      for (let line = 0; line < document.lineCount; line++) {
        const length = document.offsetAt({ line: line + 1, character: 0 }) - document.offsetAt({ line, character: 0 });
        positions.push({ line, character: 0 }, { line, character: length >> 1 }, { line, character: Math.max(0, length - 1) });
      }
      const ranges = service.getSelectionRanges(parsed, positions);
      if (ranges.length !== positions.length) problems.push(`${name}: ${ranges.length} answers for ${positions.length} positions`);
      for (const first of ranges) {
        for (let range: SelectionRange | undefined = first; range; range = range.parent) {
          if (!inside(document, range.range)) problems.push(`${name}: ${JSON.stringify(range.range)}`);
          if (range.parent && !contains(document, range.parent.range, range.range)) problems.push(`${name}: parent does not contain ${JSON.stringify(range.range)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  for (const alignEquals of [false, true]) {
    it(`formatting${alignEquals ? ' with aligned =' : ''}: keeps what uWSGI reads, every non-blank character, the line endings; idempotent`, () => {
      const service = getLanguageService({ format: { enable: true, alignEquals } });
      const problems: string[] = [];
      let changed = 0;
      for (const { name, document } of files()) {
        const text = document.getText();
        const edits: TextEdit[] = service.format(service.parse(document), undefined, OPTIONS);
        for (const edit of edits) {
          if (!inside(document, edit.range)) problems.push(`${name}: edit out of range`);
          if (edit.range.start.line !== edit.range.end.line && edit.newText !== '') problems.push(`${name}: edit over several lines ${JSON.stringify(edit)}`);
        }
        const once = TextDocument.applyEdits(document, edits);
        if (once !== text) changed++;
        if (once.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) problems.push(`${name}: non-blank characters changed`);
        if (JSON.stringify(reading(once)) !== JSON.stringify(reading(text))) problems.push(`${name}: uWSGI would read something else`);
        const before = lineEndings(text);
        const after = lineEndings(once);
        if (before.finalNewline !== after.finalNewline) problems.push(`${name}: final newline changed`);
        if ((before.crlf === 0) !== (after.crlf === 0) || (before.lf === 0) !== (after.lf === 0)) problems.push(`${name}: line endings changed`);
        const again = service.format(service.parse(TextDocument.create(document.uri, 'uwsgi-ini', 2, once)), undefined, OPTIONS);
        if (again.length > 0) problems.push(`${name}: not idempotent: ${JSON.stringify(again.slice(0, 2))}`);
      }
      assert.deepEqual(problems, []);
      assert.ok(changed > 50, `formatting changed only ${changed} files`);
    });
  }
});
