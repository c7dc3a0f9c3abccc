import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { CORPUS_DIR, corpusFiles } from './corpus';

// Completion, hover and inlay hints at every position of every corpus file: nothing throws, every
// range lies inside the document, and the ranges an editor needs to contain the cursor do.

function inside(document: TextDocument, range: Range): boolean {
  const end = document.positionAt(document.getText().length);
  const valid = (p: Position): boolean =>
    p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character)) &&
    document.offsetAt(p) === document.offsetAt(document.positionAt(document.offsetAt(p)));
  return valid(range.start) && valid(range.end) && document.offsetAt(range.start) <= document.offsetAt(range.end);
}

/** LSP: a completion edit must be on one line and contain the position completion was asked at. */
function holdsCursor(document: TextDocument, range: Range, offset: number): boolean {
  return range.start.line === range.end.line && document.offsetAt(range.start) <= offset && offset <= document.offsetAt(range.end);
}

describe('corpus: completion, hover and inlay hints at every position of 502 real configs', function () {
  this.timeout(600_000);

  before(() => {
    // The corpus suites are run only where ../shared is (CI and the developers' machines).
    assert.ok(fs.existsSync(CORPUS_DIR), `the corpus is not at ${CORPUS_DIR} (it lives in ../shared beside the checkout)`);
  });

  it('never throws and answers with ranges inside the document', () => {
    const service = getLanguageService(undefined, { clientFeatures: { markdown: true, snippets: true, resolveDocumentation: true } });
    const problems: string[] = [];
    const report = (name: string, document: TextDocument, offset: number, what: string): void => {
      if (problems.length < 50) problems.push(`${name} at ${JSON.stringify(document.positionAt(offset))}: ${what}`);
    };
    let positions = 0;
    let items = 0;
    const started = Date.now();
    for (const file of corpusFiles()) {
      const document = TextDocument.create(`file:///corpus/${file.name}`, 'uwsgi-ini', 1, file.text);
      const parsed = service.parse(document);
      const length = file.text.length;
      for (let offset = 0; offset <= length; offset++) {
        const position = document.positionAt(offset);
        // Between `\r` and `\n` is no position of its own.
        if (document.offsetAt(position) !== offset) continue;
        positions++;
        let list;
        try {
          list = service.doComplete(parsed, position);
        } catch (error) {
          report(file.name, document, offset, `completion threw ${String(error)}`);
          continue;
        }
        items += list.items.length;
        // Items of one list mostly share one range object: check each distinct one once.
        const checked = new Set<Range>();
        for (const item of list.items) {
          const range = (item.textEdit as TextEdit | undefined)?.range;
          if (!range) {
            report(file.name, document, offset, `item ${item.label} without a textEdit`);
            continue;
          }
          if (checked.has(range)) continue;
          checked.add(range);
          if (!inside(document, range)) report(file.name, document, offset, `completion range ${JSON.stringify(range)} outside`);
          else if (!holdsCursor(document, range, offset)) report(file.name, document, offset, `completion range ${JSON.stringify(range)} does not hold the cursor`);
        }
        try {
          const hover = service.doHover(parsed, position);
          if (hover?.range && (!inside(document, hover.range) || document.offsetAt(hover.range.start) > offset || offset > document.offsetAt(hover.range.end))) {
            report(file.name, document, offset, `hover range ${JSON.stringify(hover.range)}`);
          }
        } catch (error) {
          report(file.name, document, offset, `hover threw ${String(error)}`);
        }
      }
      try {
        const whole = { start: { line: 0, character: 0 }, end: document.positionAt(length) };
        for (const hint of service.getInlayHints(parsed, whole)) {
          if (!inside(document, { start: hint.position, end: hint.position })) report(file.name, document, 0, `inlay hint at ${JSON.stringify(hint.position)}`);
        }
      } catch (error) {
        report(file.name, document, 0, `inlay hints threw ${String(error)}`);
      }
    }
    console.log(`    ${positions} positions, ${items} completion items, ${Date.now() - started} ms`);
    assert.deepEqual(problems, []);
  });
});
