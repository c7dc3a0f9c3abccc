// The pre-commit hooks of .pre-commit-hooks.yaml, run by Debian's pre-commit with `try-repo`
// against a local clone of this repository, with the linter on PATH (`language: system`).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { binDir, need, ROOT, run, scratch, write } from './support';

describe('integrations: pre-commit hooks', function () {
  let dir: string;
  let clone: string;
  let project: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    need('pre-commit', 'apt-get install -y pre-commit');
    dir = scratch();
    clone = path.join(dir, 'hooks');
    // The clone has what is committed: the hooks file must be in the branch, not only on disk.
    const cloned = run('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], { cwd: dir });
    assert.equal(cloned.status, 0, cloned.stderr);
    env = { ...process.env, PATH: `${binDir(dir)}:${process.env['PATH']}`, PRE_COMMIT_HOME: path.join(dir, 'cache'), GIT_CONFIG_NOSYSTEM: '1' };
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeEach(() => {
    project = fs.mkdtempSync(path.join(dir, 'project-'));
    for (const args of [['init', '--quiet'], ['config', 'user.email', 'ci@example.invalid'], ['config', 'user.name', 'CI']]) {
      assert.equal(run('git', args, { cwd: project, env }).status, 0);
    }
  });

  const tryRepo = (hook: string) => {
    assert.equal(run('git', ['add', '-A'], { cwd: project, env }).status, 0);
    return run('pre-commit', ['try-repo', clone, hook, '--all-files', '--color', 'never'], { cwd: project, env });
  };

  it('uwsgi-ini-lint fails on an error in an .ini file and names it, and checks nothing else', () => {
    write(project, 'vassals/app.ini', '[uwsgi]\nuid = app\ngid = app\nhook-asap = exce:ls\n');
    write(project, 'notes.txt', '[uwsgi]\nhook-asap = exce:ls\n');
    const result = tryRepo('uwsgi-ini-lint');
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /uwsgi-ini-lint\.+Failed/);
    assert.match(result.stdout, /vassals\/app\.ini:4:13: error unknown-hook-action/);
    assert.ok(!result.stdout.includes('notes.txt'), result.stdout);
  });

  it('uwsgi-ini-lint passes a clean file', () => {
    write(project, 'uwsgi.ini', '[uwsgi]\nuid = app\ngid = app\nmaster = true\n');
    const result = tryRepo('uwsgi-ini-lint');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /uwsgi-ini-lint\.+Passed/);
  });

  it('uwsgi-ini-lint-fix applies the safe fixes, and pre-commit reports the file as changed', () => {
    write(project, 'uwsgi.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = true\nsocket = /run/app.sock\n');
    const result = tryRepo('uwsgi-ini-lint-fix');
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /files were modified by this hook/);
    assert.equal(fs.readFileSync(path.join(project, 'uwsgi.ini'), 'utf8'), '[uwsgi]\nuid = app\ngid = app\nvacuum = true\nsocket = /run/app.sock\n');
    // Run again: nothing left to fix, so it passes.
    const again = tryRepo('uwsgi-ini-lint-fix');
    assert.equal(again.status, 0, again.stdout + again.stderr);
  });
});
