// The README's Neovim snippets, taken from the README as written and loaded as init.lua: they
// must give the filetype uwsgi-ini to the files the VS Code manifest claims (and to no other
// .ini), start one uwsgi-ini-language-server from PATH, and get its diagnostics.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DRIVER = path.join(__dirname, 'readme-driver.lua');
const LSP_START_08 = path.join(__dirname, 'lsp-start-0.8.lua');

/** The ```lua block right after the README paragraph that starts with `lead`. */
function snippet(lead: string): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  // A paragraph: lines up to a blank one; the block must follow it directly.
  const found = [...readme.matchAll(/^(Neovim[^\n]*(?:\n[^\n]+)*)\n\n```lua\n([\s\S]*?)^```$/gm)].filter((m) => m[1]!.startsWith(lead));
  assert.equal(found.length, 1, `one lua block after a paragraph starting "${lead}" in README.md`);
  return found[0]![2]!;
}

function nvimVersion(): [number, number] {
  const out = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const m = /NVIM v(\d+)\.(\d+)/.exec(out);
  if (!m) throw new Error('nvim is not installed: apt-get install -y neovim');
  return [Number(m[1]), Number(m[2])];
}

interface Report {
  nvim: string;
  errors: string[];
  clients: number;
  files: Record<string, { filetype: string; clients: string[]; codes: string[] }>;
}

// Files as a project lays them out. The manifest (package.json contributes.languages) takes
// uwsgi.ini, emperor.ini, uwsgi*.ini, *.uwsgi.ini and **/vassals/*.ini.
const CLAIMED = ['uwsgi.ini', 'emperor.ini', 'uwsgi-api.ini', 'app.uwsgi.ini', 'vassals/api.ini', 'deploy/vassals/web.ini'];
// ...and not these: other ini files, also inside a folder whose name contains "uwsgi".
const NOT_CLAIMED = ['setup.ini', 'myuwsgi.ini', 'uwsgi-ini/tox.ini', 'vassals/old/api.ini'];
const TYPO = '[uwsgi]\nsocket = /run/app.sock\nvaccum = true\n';

function runSnippet(init: string, before: string[]): Report {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-nvim-readme-'));
  try {
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(path.join(ROOT, 'server/bin/uwsgi-ini-language-server.js'), path.join(bin, 'uwsgi-ini-language-server'));
    const project = path.join(dir, 'project');
    const files = [...CLAIMED, ...NOT_CLAIMED].map((f) => path.join(project, f));
    for (const file of files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, TYPO);
    }
    fs.writeFileSync(path.join(dir, 'init.lua'), init);
    const out = path.join(dir, 'report.json');
    const result = spawnSync('nvim', ['--headless', '-i', 'NONE', '-n', ...before, '-u', path.join(dir, 'init.lua'), '-c', `luafile ${DRIVER}`], {
      cwd: project,
      env: {
        ...process.env,
        HOME: dir,
        XDG_CONFIG_HOME: path.join(dir, 'config'),
        XDG_DATA_HOME: path.join(dir, 'data'),
        XDG_CACHE_HOME: path.join(dir, 'cache'),
        XDG_STATE_HOME: path.join(dir, 'state'),
        PATH: [bin, path.dirname(process.execPath), process.env['PATH']].join(path.delimiter),
        DRIVER_FILES: JSON.stringify(files),
        DRIVER_OUT: out,
        DRIVER_TIMEOUT_MS: '15000',
      },
      encoding: 'utf8',
      timeout: 50_000,
    });
    if (!fs.existsSync(out)) throw new Error(`nvim wrote no report (status ${result.status}): ${result.stderr}${result.stdout}`);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
    report.files = Object.fromEntries(Object.entries(report.files).map(([f, v]) => [path.relative(project, f), v]));
    return report;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function assertWorks(report: Report): void {
  assert.deepEqual(report.errors, []);
  const filetypes = Object.fromEntries(Object.entries(report.files).map(([f, v]) => [f, v.filetype]));
  for (const file of CLAIMED) assert.equal(filetypes[file], 'uwsgi-ini', `${file}: ${JSON.stringify(filetypes)}`);
  for (const file of NOT_CLAIMED) assert.notEqual(filetypes[file], 'uwsgi-ini', `${file}: ${JSON.stringify(filetypes)}`);
  for (const file of CLAIMED) {
    assert.deepEqual(report.files[file]!.clients, ['uwsgi-ini'], file);
    assert.ok(report.files[file]!.codes.includes('unknown-option'), `${file}: ${JSON.stringify(report.files[file])}`);
  }
  for (const file of NOT_CLAIMED) assert.deepEqual(report.files[file]!.clients, [], file);
  // One server for all the buffers, not one per file.
  assert.equal(report.clients, 1);
}

describe('Neovim: the README snippets as written', () => {
  const [major, minor] = nvimVersion();
  const has08 = major > 0 || minor >= 8;

  it(`the Neovim 0.7 snippet (on Neovim ${major}.${minor})`, function () {
    if (has08) this.timeout(60_000);
    assertWorks(runSnippet(snippet('Neovim 0.7'), []));
  });

  it(`the Neovim 0.8+ snippet (on Neovim ${major}.${minor}${has08 ? '' : ', with 0.8\'s vim.lsp.start and filetype.lua default stood in by test/nvim/lsp-start-0.8.lua'})`, () => {
    assertWorks(runSnippet(snippet('Neovim 0.8'), has08 ? [] : ['--cmd', `luafile ${LSP_START_08}`]));
  });
});
