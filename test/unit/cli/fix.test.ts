import { strict as assert } from 'node:assert';
import { workdirPerTest } from '../../support/cli';

describe('uwsgi-ini-lint --fix, --unsafe-fixes, --diff', () => {
  const work = workdirPerTest();

  it('--fix writes the safe fixes, keeps CRLF and the BOM, and reports what is left', async () => {
    work.write('app.ini', '\uFEFF# app\r\n[uwsgi]\r\nuid = app\r\ngid = app\r\nvaccum = true\r\nsocket = /run/app.sock\r\n');
    const run = await work.lint(['--fix', 'app.ini']);
    assert.deepEqual(work.bytes('app.ini'), Buffer.from('\uFEFF# app\r\n[uwsgi]\r\nuid = app\r\ngid = app\r\nvacuum = true\r\nsocket = /run/app.sock\r\n', 'utf8'));
    assert.equal(run.code, 0);
    // A byte order mark makes the first line a key outside any section: harmless, and left alone.
    assert.equal(run.stdout.split('\n').filter((line) => / (error|warning|information|hint) /.test(line)).map((line) => line.split(' ').slice(0, 3).join(' ')).join('\n'), 'app.ini:1:1: information entry-outside-section');
    assert.ok(run.stdout.endsWith('in 1 file of 1 checked\n1 problem fixed in 1 file\n'), run.stdout);
  });

  it('--fix leaves unsafe fixes to --unsafe-fixes', async () => {
    work.write('app.ini', '[uwsgi]\nuid = app\ngid = app\nsocket = /run/app.sock\n');
    const safe = await work.lint(['--fix', 'app.ini']);
    assert.equal(work.read('app.ini'), '[uwsgi]\nuid = app\ngid = app\nsocket = /run/app.sock\n');
    assert.match(safe.stdout, /app\.ini:4:10: information missing-vacuum/);
    assert.match(safe.stdout, /^0 problems fixed in 0 files$/m);
    const unsafe = await work.lint(['--unsafe-fixes', 'app.ini']);
    assert.equal(work.read('app.ini'), '[uwsgi]\nuid = app\ngid = app\nsocket = /run/app.sock\nvacuum = true\n');
    assert.match(unsafe.stdout, /^1 problem fixed in 1 file$/m);
  });

  it('a second --fix changes nothing', async () => {
    work.write('app.ini', '[uwsgi]\nprocesess = 4 # four\nmaster = true\nmaster = true\n');
    await work.lint(['--fix', 'app.ini']);
    const once = work.read('app.ini');
    assert.equal(once, '[uwsgi]\n# four\nprocesses = 4\nmaster = true\n');
    const again = await work.lint(['--fix', 'app.ini']);
    assert.equal(work.read('app.ini'), once);
    assert.match(again.stdout, /^0 problems fixed in 0 files$/m);
  });

  it('the status after --fix is that of the findings left', async () => {
    work.write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = true\nhook-asap = exce:ls\n');
    const run = await work.lint(['--fix', 'app.ini']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /app\.ini:5:13: error unknown-hook-action/);
    assert.equal(work.read('app.ini'), '[uwsgi]\nuid = app\ngid = app\nvacuum = true\nhook-asap = exce:ls\n');
  });

  it('--diff prints a unified diff, writes nothing and exits 1; with nothing to fix it prints nothing and exits 0', async () => {
    work.write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    const run = await work.lint(['--diff', 'app.ini']);
    assert.equal(run.stdout, '--- app.ini\n+++ app.ini\n@@ -1,4 +1,4 @@\n [uwsgi]\n uid = app\n gid = app\n-vaccum = true\n+vacuum = true\n');
    assert.equal(run.code, 1);
    assert.equal(work.read('app.ini'), '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    work.write('clean.ini', '[uwsgi]\nuid = app\ngid = app\n');
    const clean = await work.lint(['--diff', 'clean.ini']);
    assert.deepEqual([clean.code, clean.stdout], [0, '']);
  });

  it('--diff --unsafe-fixes shows the unsafe fixes too', async () => {
    work.write('app.ini', '[uwsgi]\nsocket = /run/app.sock\n');
    const run = await work.lint(['--diff', '--unsafe-fixes', 'app.ini']);
    assert.equal(run.stdout, '--- app.ini\n+++ app.ini\n@@ -1,2 +1,5 @@\n [uwsgi]\n socket = /run/app.sock\n+uid = www-data\n+gid = www-data\n+vacuum = true\n');
  });

  it('--diff escapes control characters of the file', async () => {
    work.write('app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = \x1b[2J\n');
    const run = await work.lint(['--diff', 'app.ini']);
    assert.ok(!run.stdout.includes('\x1b'));
    assert.match(run.stdout, /^\+vacuum = \\x1b\[2J$/m);
  });

  it('fixes standard input to stdout and reports on stderr', async () => {
    const run = await work.lint(['--fix', '-'], '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    assert.equal(run.stdout, '[uwsgi]\nuid = app\ngid = app\nvacuum = true\n');
    assert.match(run.stderr, /^1 problem fixed in 1 file$/m);
  });

  it('writes standard input back unchanged when there is nothing to fix', async () => {
    const run = await work.lint(['--fix', '-'], '[uwsgi]\nuid = app\ngid = app\n');
    assert.equal(run.stdout, '[uwsgi]\nuid = app\ngid = app\n');
    assert.equal(run.code, 0);
    assert.match(run.stderr, /^0 problems fixed in 0 files$/m);
  });

  it('never fixes a file that is not valid UTF-8, and says so', async () => {
    const bytes = Buffer.concat([Buffer.from('[uwsgi]\nuid = app\ngid = app\nvaccum = true\nchdir = /srv/'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    work.write('app.ini', bytes);
    const run = await work.lint(['--fix', 'app.ini']);
    assert.deepEqual(work.bytes('app.ini'), bytes);
    assert.match(run.stderr, /app\.ini: not valid UTF-8, not fixed/);
    assert.match(run.stdout, /unknown-option/);
  });
});
