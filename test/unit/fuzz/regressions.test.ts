// Inputs the fuzzer once broke the services with, kept as fixed cases so they stay fixed in the
// ordinary test run (the fuzz suite itself explores new inputs each day).
// The time bounds are loose on purpose: the quadratic versions took minutes, and a loaded machine
// must not turn a linear run red.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exerciseDocument, fuzzService } from '../../fuzz/harness';
import { getLanguageService } from '../../../server/src/service/languageService';
import { EVERY_PATH_IS_A_FILE } from '../../support/spec';

const ls = fuzzService();

describe('fuzz regressions', () => {
  it('a byte order mark after `[uwsgi]` gives missing-section a message (it was empty)', () => {
    const { diagnostics } = exerciseDocument(ls, '[uwsgi]\uFEFF\nmaster = true\n', { applyFixes: true });
    const missing = diagnostics.find((d) => d.code === 'missing-section');
    assert.ok(missing, 'uWSGI names that section `uwsgi]`, so [uwsgi] is missing');
    assert.match(missing.message as string, /names the section `uwsgi\]`/);
  });

  it('a lone surrogate in a path does not make document links throw', () => {
    const text = '[uwsgi]\nchdir =\uDC00 /www\npidfile = /run/\uD800x.pid\n';
    exerciseDocument(ls, text);
    // Links go only to files that exist: here every path does.
    const linking = getLanguageService(undefined, { fileSystem: EVERY_PATH_IS_A_FILE });
    const links = linking.findDocumentLinks(linking.parse(TextDocument.create('file:///srv/uwsgi.ini', 'uwsgi-ini', 1, text)));
    assert.equal(links.length, 2);
    for (const link of links) assert.doesNotThrow(() => decodeURIComponent(link.target ?? ''));
  });

  it('formats 100,000 sections in linear time (a per-line scan to the end of the file was quadratic)', () => {
    const text = `[uwsgi]\nmaster = true\n${Array.from({ length: 100_000 }, (_, i) => `[s${i}]\nx = ${i}\n`).join('')}`;
    const started = performance.now();
    ls.format(ls.parse(TextDocument.create('file:///srv/uwsgi.ini', 'uwsgi-ini', 1, text)), undefined, { tabSize: 4, insertSpaces: true });
    assert.ok(performance.now() - started < 10_000, `${(performance.now() - started).toFixed(0)} ms`);
  });

  it('segments 100,000 `%(` in one value in linear time (each one scanned to the end before)', () => {
    const text = `[uwsgi]\nchdir = ${'%('.repeat(100_000)}x)\n`;
    const started = performance.now();
    ls.doValidation(ls.parse(TextDocument.create('file:///srv/uwsgi.ini', 'uwsgi-ini', 1, text)));
    assert.ok(performance.now() - started < 10_000, `${(performance.now() - started).toFixed(0)} ms`);
  });

  it('completion in a header split by lone carriage returns gives a well-formed range', () => {
    const text = '[\r\r[';
    exerciseDocument(ls, text, { positions: [{ line: 1, character: 0 }] });
    const item = ls.doComplete(ls.parse(TextDocument.create('file:///srv/uwsgi.ini', 'uwsgi-ini', 1, text)), { line: 1, character: 0 }).items[0];
    assert.deepEqual(item && item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined,
      { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
  });
});
