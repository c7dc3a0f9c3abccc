// Hostile documents: huge, deeply repetitive, binary. Every service must answer within a time
// bound with a sensible, bounded result (at most 1000 diagnostics) and ranges inside the text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../../server/src/cli/lint';
import { MAX_DIAGNOSTICS } from '../../server/src/service/validation';
import { MAX_VALIDATED_LENGTH } from '../../server/src/service/languageService';
import { exerciseDocument, FUZZ_URI, fuzzService } from '../fuzz/harness';

const ls = fuzzService();

function timed<T>(run: () => T): { result: T; ms: number; heapMb: number } {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 1e6 };
}

/** Every service, with code actions for the first diagnostics only (a thousand would test nothing more). */
function survive(text: string, budgetMs: number, positions = [{ line: 1, character: 3 }]): ReturnType<typeof exerciseDocument> {
  const { result, ms } = timed(() => exerciseDocument(ls, text, { positions, maxCodeActionDiagnostics: 10 }));
  assert.ok(ms < budgetMs, `took ${ms.toFixed(0)} ms, budget ${budgetMs} ms`);
  assert.ok(result.diagnostics.length <= MAX_DIAGNOSTICS);
  return result;
}

describe('adversarial: hostile documents', function () {
  this.timeout(180_000);

  it('one line of a million characters', () => {
    const text = `[uwsgi]\nchdir = ${'a'.repeat(1_000_000)}\n`;
    const { diagnostics } = survive(text, 5_000, [{ line: 1, character: 500_000 }]);
    assert.deepEqual(diagnostics.map((d) => d.code), []);
  });

  it('100,000 sections', () => {
    const text = `[uwsgi]\nmaster = true\n${Array.from({ length: 100_000 }, (_, i) => `[s${i}]\nx = ${i}\n`).join('')}`;
    survive(text, 20_000);
  });

  it('100,000 repetitions of %( in one value (no quadratic matching)', () => {
    const text = `[uwsgi]\nchdir = ${'%('.repeat(100_000)}\n`;
    const { result, ms } = timed(() => ls.doValidation(ls.parse(TextDocument.create(FUZZ_URI, 'uwsgi-ini', 1, text))));
    assert.ok(ms < 2_000, `validation took ${ms.toFixed(0)} ms`);
    assert.ok(result.length <= MAX_DIAGNOSTICS);
    survive(text, 10_000, [{ line: 1, character: 1001 }]);
  });

  it('100,000 lines of %(', () => {
    survive(`[uwsgi]\n${'chdir = %(\n'.repeat(100_000)}`, 20_000);
  });

  it('10,000 unclosed if-env lines: diagnostics capped at 1000', () => {
    const { diagnostics } = survive(`[uwsgi]\n${'if-env = HOME\n'.repeat(10_000)}`, 10_000);
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS, 'one problem per line, capped');
  });

  it('NUL bytes, replacement characters and lone surrogates', () => {
    survive(`[uwsgi]\n${'a\0b = \0\0\uFFFD\uD800 %(\0)\n'.repeat(50_000)}`, 20_000);
  });

  it('non-UTF-8 bytes decoded as an editor would', () => {
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 7 === 0 ? 0x0a : 0x80 + ((i * 37) % 128);
    survive(`[uwsgi]\n${bytes.toString('utf8')}`, 10_000);
    survive(`[uwsgi]\n${bytes.toString('latin1')}`, 10_000);
  });

  it('a 50 MB document: parsed, answered, and not validated beyond the size limit', () => {
    const line = 'socket = 127.0.0.1:8000 # a comment here\n';
    const text = `[uwsgi]\n${line.repeat(Math.ceil(50 * 1024 * 1024 / line.length))}`;
    const { result, ms, heapMb } = timed(() => {
      const document = ls.parse(TextDocument.create(FUZZ_URI, 'uwsgi-ini', 1, text));
      const diagnostics = ls.doValidation(document);
      const hover = ls.doHover(document, { line: 1, character: 2 });
      return { diagnostics, hover };
    });
    assert.ok(ms < 20_000, `took ${ms.toFixed(0)} ms`);
    assert.ok(heapMb < 1_500, `used ${heapMb.toFixed(0)} MB of heap`);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.range.start.line]), [['document-too-large', 0]]);
    assert.match(String(result.diagnostics[0]!.message), /50\.0 MB/);
    assert.ok(result.hover, 'hover still answers on the huge document');
  });

  it('a document just under the size limit is still validated up to the diagnostics cap', () => {
    const line = 'socket = 127.0.0.1:8000 # a comment here\n';
    const text = `[uwsgi]\n${line.repeat(Math.floor((MAX_VALIDATED_LENGTH - 16) / line.length))}`;
    assert.ok(text.length <= MAX_VALIDATED_LENGTH);
    const diagnostics = ls.doValidation(ls.parse(TextDocument.create(FUZZ_URI, 'uwsgi-ini', 1, text)));
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS, 'an inline comment on every line, reported up to the cap');
  });

  it('a binary file named .ini: the service copes, the CLI reports it as not checked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-binary-'));
    try {
      const bytes = Buffer.alloc(1 << 20);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
      // An editor may still open such a file: the language service must answer within its caps.
      const diagnostics = ls.doValidation(ls.parse(TextDocument.create(FUZZ_URI, 'uwsgi-ini', 1, bytes.toString('utf8'))));
      assert.ok(diagnostics.length <= MAX_DIAGNOSTICS);
      fs.writeFileSync(path.join(dir, 'uwsgi.ini'), bytes);
      let stdout = '';
      let stderr = '';
      const status = await runCli(['--no-color', '--format', 'json', 'uwsgi.ini'], {
        stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Promise.resolve(''), isTTY: false, cwd: dir,
      });
      assert.equal(status, 2);
      assert.equal(stderr, 'uwsgi-ini-lint: uwsgi.ini: binary file, not checked\n');
      assert.deepEqual(JSON.parse(stdout), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
