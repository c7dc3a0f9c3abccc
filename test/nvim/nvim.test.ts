// The same server in a non-VS Code client: Neovim's built-in LSP client, headless, driven by
// nvim-lsp-probe.lua (from the project's recipes), which prints a JSON report of what it received.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const PROBE = path.join(__dirname, 'nvim-lsp-probe.lua');
const SERVER = path.join(ROOT, 'server/bin/uwsgi-ini-language-server.js');

interface ProbeReport {
  ok: boolean;
  failures: string[];
  steps: { name: string; data: Record<string, any> }[];
}

function probe(text: string, env: Record<string, string>): ProbeReport {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-nvim-'));
  try {
    const file = path.join(dir, 'uwsgi.ini');
    fs.writeFileSync(file, text);
    const out = path.join(dir, 'report.json');
    const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${PROBE}`], {
      env: {
        ...process.env,
        HOME: dir,
        XDG_CACHE_HOME: path.join(dir, 'cache'),
        XDG_STATE_HOME: path.join(dir, 'state'),
        LSP_CMD: JSON.stringify([process.execPath, SERVER, '--stdio']),
        LSP_FILE: file,
        LSP_FILETYPE: 'uwsgi-ini',
        LSP_SETTINGS: JSON.stringify({ uwsgi: { validation: { delayMs: 0 } } }),
        LSP_OUT: out,
        LSP_TIMEOUT_MS: '15000',
        ...env,
      },
      encoding: 'utf8',
      timeout: 50_000,
    });
    if (!fs.existsSync(out)) throw new Error(`nvim wrote no report (status ${result.status}): ${result.stderr}${result.stdout}`);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeReport;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function step(report: ProbeReport, name: string): Record<string, any> {
  const found = [...report.steps].reverse().find((s) => s.name === name && !('error' in s.data));
  assert.ok(found, `no ${name} step in ${JSON.stringify(report.failures)}`);
  return found.data;
}

describe('Neovim: the stdio server in a non-VS Code client', () => {
  before(function () {
    if (spawnSync('nvim', ['--version']).status !== 0) {
      throw new Error('nvim is not installed: apt-get install -y neovim');
    }
  });

  it('publishes diagnostics with rule ids and exact ranges', () => {
    const report = probe('[uwsgi]\nsocket = /run/app/app.sock\nvaccum = true\n', { LSP_EXPECT_DIAG_MIN: '1' });
    assert.deepEqual(report.failures, []);
    const diagnostics = step(report, 'diagnostics')['diagnostics'] as { code: string; lnum: number; col: number; end_col: number }[];
    const typo = diagnostics.find((d) => d.code === 'unknown-option');
    assert.deepEqual(typo && [typo.lnum, typo.col, typo.end_col], [2, 0, 6]);
  });

  it('answers hover on a hook phase', () => {
    const report = probe('[uwsgi]\nhook-as-root = mkdir:/run/app\nuid = app\ngid = app\n', { LSP_HOVER: '1:7', LSP_EXPECT_HOVER: 'root' });
    assert.deepEqual(report.failures, []);
    assert.match(String(step(report, 'hover')['text']), /as-root/);
  });

  it('completes hook phases after hook-', () => {
    const report = probe('[uwsgi]\nhook-\n', { LSP_COMPLETION: '1:5', LSP_EXPECT_COMPLETION: 'hook-asap', LSP_WAIT_DIAG: '0' });
    assert.deepEqual(report.failures, []);
    const labels = step(report, 'completion')['labels'] as string[];
    // Exactly the hook phases of uWSGI 2.0: no option keys, no 2.1-only phases.
    assert.equal(labels.length, 24, `labels: ${labels.join(', ')}`);
    assert.ok(labels.includes('hook-as-root') && !labels.includes('hook-as-vassal-before-drop'), `labels: ${labels.join(', ')}`);
  });
});
