// Issue 13: documents of a few hundred bytes that multiply work (placeholders that double,
// sections that pull each other) and documents whose cost grew with sections times lines. Each is
// checked in a real child process, the CLI and the server over stdio, against a time bound and a
// bound on the peak resident memory of that process.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../protocol/lspClient';
import { AMPLIFIERS } from './amplifiers';

const LINT_BIN = path.resolve(__dirname, '../../server/bin/uwsgi-ini-lint.js');
const REPORT_RSS = path.resolve(__dirname, 'reportRss.js');
/** Generous: a child process needs ~200 ms to start; the work itself should take a few ms. */
const TIME_BOUND_MS = 2_000;
const RSS_BOUND_MB = 300;
const HOSTILE_URI = 'file:///srv/hostile/uwsgi.ini';
const SMALL_URI = 'file:///srv/app/uwsgi.ini';
const SMALL_TEXT = '[uwsgi]\nbase = /srv/app\nchdir = %(base)/src\nmaster = true\n';

function peakRssMb(stderr: string): number {
  const match = /max-rss-kb=(\d+)/.exec(stderr);
  assert.ok(match, `the child reported no peak RSS; stderr: ${stderr.slice(-500)}`);
  return Number(match[1]) / 1024;
}

/** The line and character of the first `%(` on the first line that starts with `key`. */
function placeholderPosition(text: string, key: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = Math.max(0, lines.findIndex((l) => l.startsWith(key)));
  return { line, character: Math.max(0, lines[line]!.indexOf('%(') + 2) };
}

describe('adversarial: amplification (issue 13)', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    assert.ok(fs.existsSync(path.resolve(__dirname, '../../server/out/cli/lint.js')), 'build first: npx tsc -b');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-amplify-'));
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [index, { name, text }] of AMPLIFIERS.entries()) {
    it(`the CLI checks ${name} within ${TIME_BOUND_MS} ms and ${RSS_BOUND_MB} MB`, () => {
      const file = path.join(dir, `amplifier${index}.ini`);
      fs.writeFileSync(file, text);
      const started = performance.now();
      const result = spawnSync(process.execPath, ['--require', REPORT_RSS, LINT_BIN, '--no-color', '--format', 'json', file], {
        encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024,
      });
      const ms = performance.now() - started;
      assert.equal(result.signal, null, `killed after ${ms.toFixed(0)} ms`);
      assert.ok(result.status === 0 || result.status === 1, `status ${result.status}: ${result.stderr.slice(-500)}`);
      assert.ok(ms < TIME_BOUND_MS, `took ${ms.toFixed(0)} ms`);
      const rss = peakRssMb(result.stderr);
      assert.ok(rss < RSS_BOUND_MB, `peak RSS ${rss.toFixed(0)} MB`);
      assert.ok(Array.isArray(JSON.parse(result.stdout)));
    });

    it(`the server answers on ${name} within ${TIME_BOUND_MS} ms and ${RSS_BOUND_MB} MB, and still answers on another document`, async () => {
      const client = new LspClient(['--stdio'], undefined, ['--require', REPORT_RSS]);
      try {
        client.settings = { validation: { delayMs: 0 } };
        await client.initialize();
        client.open(SMALL_URI, SMALL_TEXT);
        await client.diagnostics(SMALL_URI);
        const started = performance.now();
        const elapsed = (): string => `${(performance.now() - started).toFixed(0)} ms`;
        client.open(HOSTILE_URI, text);
        // The hover on the small document waits behind whatever the hostile one costs.
        const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', {
          textDocument: { uri: SMALL_URI }, position: { line: 2, character: 12 },
        }, 1_000);
        assert.ok(hover?.contents, 'hover on the small document');
        await client.diagnostics(HOSTILE_URI);
        const lineCount = text.split('\n').length;
        const whole = { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } };
        const at = placeholderPosition(text, text.includes('\nsocket') ? 'socket' : 'chdir');
        await client.request('textDocument/hover', { textDocument: { uri: HOSTILE_URI }, position: at }, TIME_BOUND_MS);
        const hints = await client.request<unknown[]>('textDocument/inlayHint', { textDocument: { uri: HOSTILE_URI }, range: whole }, TIME_BOUND_MS);
        await client.request('textDocument/documentLink', { textDocument: { uri: HOSTILE_URI } }, TIME_BOUND_MS);
        await client.request('textDocument/completion', { textDocument: { uri: HOSTILE_URI }, position: at }, TIME_BOUND_MS);
        await client.request('textDocument/definition', { textDocument: { uri: HOSTILE_URI }, position: at }, TIME_BOUND_MS);
        assert.ok(performance.now() - started < 2 * TIME_BOUND_MS, `all requests took ${elapsed()}`);
        const after = await client.request<{ contents: unknown } | null>('textDocument/hover', {
          textDocument: { uri: SMALL_URI }, position: { line: 2, character: 12 },
        }, 1_000);
        assert.ok(after?.contents, 'hover on the small document once the hostile one was checked');
        assert.ok(JSON.stringify(hints).length < 4 * text.length + 100_000, 'inlay hints stay about the size of the document');
        assert.equal(await client.shutdown(), 0);
        const rss = peakRssMb(client.stderr);
        assert.ok(rss < RSS_BOUND_MB, `peak RSS ${rss.toFixed(0)} MB`);
      } finally {
        if (client.process.exitCode === null) client.kill();
      }
    });
  }
});
