import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { corpusFiles } from './corpus';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/**
 * Corpus files that uWSGI itself refuses, each checked with the real binary (npm run test:oracle
 * reproduces the verdicts). An error from us is right there; anywhere else it is a false alarm.
 */
const REJECTED_BY_UWSGI: Record<string, string> = {};

describe('corpus: diagnostics on 502 real configs', function () {
  this.timeout(60_000);
  const service = getLanguageService();
  const results = corpusFiles().map((file) => {
    const document = TextDocument.create(`file:///corpus/${file.name}`, 'uwsgi-ini', 1, file.text);
    return { file, document, diagnostics: service.doValidation(service.parse(document)) };
  });

  it('never reports an error on a file uWSGI accepts', () => {
    const errors = results.flatMap(({ file, document, diagnostics }) =>
      REJECTED_BY_UWSGI[file.name] ? [] : diagnostics
        .filter((d) => d.severity === DiagnosticSeverity.Error)
        .map((d) => `${file.name}:${d.range.start.line + 1}: ${d.code} ${document.getText(d.range)} — ${d.message}`));
    assert.deepEqual(errors, []);
  });

  it('finds the real typos people committed', () => {
    const unknownKeys = new Set(results.flatMap(({ document, diagnostics }) =>
      diagnostics.filter((d) => d.code === 'unknown-option').map((d) => document.getText(d.range))));
    for (const typo of ['vaccum', 'chmod-sock', 'proesses', 'harakari', 'deamonize', 'pidefile']) {
      assert.ok(unknownKeys.has(typo), `${typo} not reported as unknown-option`);
    }
  });

  it('prints the count of findings per rule and severity', () => {
    const counts = new Map<string, number>();
    for (const { diagnostics } of results) {
      for (const d of diagnostics) {
        const key = `${d.code}\t${SEVERITY[d.severity ?? 1]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const rows = [...counts].sort((a, b) => b[1] - a[1]);
    console.log(`\n      findings over ${results.length} files:`);
    for (const [key, count] of rows) console.log(`      ${String(count).padStart(6)}  ${key}`);
    assert.ok(rows.length > 0);
  });
});
