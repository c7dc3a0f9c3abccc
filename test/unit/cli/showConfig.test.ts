import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/lint';

let workdir: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => '',
    isTTY: false,
    cwd: workdir,
  });
  return { code, stdout, stderr };
}

function write(name: string, text: string): void {
  fs.writeFileSync(path.join(workdir, name), text);
}

describe('uwsgi-ini-lint --show-config', () => {
  beforeEach(() => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-show-config-cli-'));
  });

  afterEach(() => {
    fs.rmSync(workdir, { recursive: true, force: true });
  });

  it("prints the list in uWSGI's own --show-config format", async () => {
    write('app.ini', '[uwsgi]\ninclude = base.ini\nsocket = :80 ; main\nchdir = %d\n');
    write('base.ini', '[uwsgi]\nmaster = true\n');
    const run = await cli(['--show-config', 'app.ini']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, [
      ';uWSGI instance configuration', '[uwsgi]', 'ini = app.ini', 'include = base.ini', 'master = true', 'socket = :80 ; main',
      `chdir = ${workdir}/`, ';end of configuration', '',
    ].join('\n'));
  });

  it('keeps variables it is not given unknown, and takes --env values', async () => {
    write('app.ini', '[uwsgi]\nhome = $(HOME)\nport = $(PORT)\n');
    const partial = await cli(['--show-config', 'app.ini', '--env', 'PORT=8000']);
    assert.match(partial.stdout, /home = \$\(HOME\)\nport = 8000\n/);
    assert.match(partial.stderr, /1 entries hold unknown values/);
    const json = JSON.parse((await cli(['--show-config', 'app.ini', '--format', 'json', '--env', 'PORT=8000'])).stdout);
    const home = json.entries.find((e: { key: string }) => e.key === 'home');
    assert.deepEqual(home.unknown, [{ text: '$(HOME)', source: 'env', reason: 'the environment variable HOME, not given' }]);
    assert.deepEqual([home.line, home.section, home.read], [2, 'uwsgi', undefined]);
  });

  it('with --env-from-process leaves an unset variable literal, as uWSGI does', async () => {
    write('app.ini', '[uwsgi]\nx = $(SURELY_NOT_SET_IN_THIS_PROCESS)\n');
    const run = await cli(['--show-config', 'app.ini', '--env-from-process']);
    assert.match(run.stdout, /x = \$\(SURELY_NOT_SET_IN_THIS_PROCESS\)\n/);
    assert.equal(run.stderr, '');
  });

  it('gives json provenance: file, line, include chain and block condition', async () => {
    write('app.ini', '[uwsgi]\nif-env = MODE=prod\ninclude = prod.ini\nendif =\n');
    write('prod.ini', '[uwsgi]\nprocesses = 8\n');
    const json = JSON.parse((await cli(['--show-config', 'app.ini', '--format', 'json', '--env', 'MODE=prod'])).stdout);
    const processes = json.entries.find((e: { key: string }) => e.key === 'processes');
    assert.equal(processes.file, path.join(workdir, 'prod.ini'));
    assert.deepEqual(processes.chain.map((l: { via: string; line: number }) => [l.via, l.line]), [['ini', 0], ['include', 3]]);
    assert.deepEqual(json.effective.find((o: { name: string }) => o.name === 'processes').values, ['8']);
  });

  it('exits 1 and says why where uWSGI would stop before showing anything', async () => {
    write('app.ini', '[uwsgi]\ninclude = missing.ini\n');
    const run = await cli(['--show-config', 'app.ini']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /uWSGI would stop here: open\("missing.ini"\)/);
  });

  it('refuses flags that do not go with it', async () => {
    write('app.ini', '[uwsgi]\n');
    assert.equal((await cli(['--show-config', 'app.ini', '--format', 'sarif'])).code, 2);
    assert.equal((await cli(['--show-config', 'app.ini', '--env', 'NOEQUALS'])).code, 2);
    assert.equal((await cli(['--show-config'])).code, 2);
  });

  it('is in the usage text', async () => {
    const help = await cli(['--help']);
    assert.match(help.stdout, /--show-config FILE\[:SECTION\]/);
    assert.match(help.stdout, /--env-from-process/);
  });
});
