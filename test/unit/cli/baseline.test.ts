import { strict as assert } from 'node:assert';
import { workdirPerTest } from '../../support/cli';
import { parseBaseline } from '../../../server/src/cli/baseline';

const LEGACY = '[uwsgi]\nuid = app\ngid = app\nvaccum = true\nharakiri = 30s\n';

describe('uwsgi-ini-lint --baseline', () => {
  const work = workdirPerTest();

  it('--update-baseline writes the documented format: file relative to the baseline, rule, line text, count', async () => {
    work.write('vassals/app.ini', `${LEGACY}harakiri = 30s\n`);
    const run = await work.lint(['--baseline', 'ci/baseline.json', '--update-baseline', 'vassals'], '', work.dir);
    // ci/ does not exist: nothing is written, and the status says so.
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stderr, 'uwsgi-ini-lint: baseline ci/baseline.json: no such file or directory\n');
    const made = await work.lint(['--baseline', 'baseline.json', '--update-baseline', 'vassals']);
    assert.equal(made.code, 0);
    assert.equal(made.stdout, '');
    assert.equal(made.stderr, 'uwsgi-ini-lint: baseline.json: wrote 4 findings of 1 file\n');
    assert.deepEqual(JSON.parse(work.read('baseline.json')), {
      version: 1,
      findings: [
        { file: 'vassals/app.ini', rule: 'duplicate-option', line: 'harakiri = 30s', count: 1 },
        { file: 'vassals/app.ini', rule: 'invalid-value', line: 'harakiri = 30s', count: 2 },
        { file: 'vassals/app.ini', rule: 'unknown-option', line: 'vaccum = true', count: 1 },
      ],
    });
  });

  it('reports only new findings, and stays valid when unrelated lines come and go', async () => {
    work.write('app.ini', LEGACY);
    await work.lint(['--baseline', 'baseline.json', '--update-baseline', 'app.ini']);
    const same = await work.lint(['--baseline', 'baseline.json', 'app.ini']);
    assert.equal(same.stdout, '0 problems (0 errors, 0 warnings, 0 information, 0 hints) in 0 files of 1 checked\n2 known problems in the baseline not shown\n');
    // Lines added above move every finding down: they stay known. The new typo is reported.
    work.write('app.ini', `# moved\n\n${LEGACY.replace('[uwsgi]\n', '[uwsgi]\nmaster = true\n')}procesess = 2\n`);
    const moved = await work.lint(['--baseline', 'baseline.json', 'app.ini']);
    assert.match(moved.stdout, /^app\.ini:9:1: warning unknown-option Unknown option `procesess`/m);
    assert.equal(moved.stdout.split('\n').filter((line) => line.startsWith('app.ini:')).length, 1);
    assert.match(moved.stdout, /^2 known problems in the baseline not shown$/m);
  });

  it('counts repeats: a third copy of a known line is new', async () => {
    work.write('app.ini', '[uwsgi]\nuid = app\ngid = app\nfoo-bar = 1\n');
    await work.lint(['--baseline', 'b.json', '--update-baseline', 'app.ini']);
    work.write('app.ini', '[uwsgi]\nuid = app\ngid = app\nfoo-bar = 1\n[other]\n[uwsgi]\nfoo-bar = 1\n');
    const run = await work.lint(['--baseline', 'b.json', 'app.ini']);
    assert.equal(run.stdout.split('\n').filter((line) => line.startsWith('app.ini:')).map((line) => line.split(':').slice(0, 2).join(':')).join(','), 'app.ini:7');
  });

  it('applies to the JSON, SARIF and github formats alike', async () => {
    work.write('app.ini', LEGACY);
    await work.lint(['--baseline', 'baseline.json', '--update-baseline', 'app.ini']);
    for (const format of ['json', 'github']) {
      const run = await work.lint(['--baseline', 'baseline.json', '--format', format, 'app.ini']);
      assert.ok(!run.stdout.includes('vaccum'), `${format}: ${run.stdout}`);
    }
  });

  it('rejects a broken baseline with a located message and status 2', async () => {
    work.write('app.ini', LEGACY);
    work.write('bad.json', '{"version": 1, "findings": [{"file": "app.ini", "rule": "x"}]}');
    const run = await work.lint(['--baseline', 'bad.json', 'app.ini']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'uwsgi-ini-lint: baseline bad.json: finding 1 must have a string "file", "rule" and "line" and a positive whole "count"\n');
    const missing = await work.lint(['--baseline', 'none.json', 'app.ini']);
    assert.equal(missing.stderr, 'uwsgi-ini-lint: baseline none.json: no such file or directory\n');
    assert.throws(() => parseBaseline('[]'), /not a baseline/);
    assert.throws(() => parseBaseline('{"version": 2, "findings": []}'), /unsupported baseline version 2/);
  });

  it('--update-baseline needs --baseline', async () => {
    const run = await work.lint(['--update-baseline', 'app.ini']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--update-baseline needs --baseline FILE/);
  });
});
