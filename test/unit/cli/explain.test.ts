import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workdirPerTest } from '../../support/cli';
import { allRules } from '../../../server/src/service/rules';

const DOCS = path.join(__dirname, '..', '..', '..', 'docs', 'rules');

describe('uwsgi-ini-lint --explain', () => {
  const work = workdirPerTest();

  it('prints the page of docs/rules for every rule', async () => {
    for (const rule of allRules) {
      const run = await work.lint(['--explain', rule.id]);
      assert.equal(run.code, 0, rule.id);
      assert.equal(run.stdout, fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8'), rule.id);
    }
  });

  it('rejects an unknown rule in one line, with the closest ids, and status 2', async () => {
    const run = await work.lint(['--explain', 'missing-vacum']);
    assert.deepEqual([run.code, run.stdout, run.stderr], [2, '', 'uwsgi-ini-lint: unknown rule "missing-vacum" (did you mean missing-vacuum? see --list-rules)\n']);
    const far = await work.lint(['--explain', 'zzz']);
    assert.equal(far.stderr, 'uwsgi-ini-lint: unknown rule "zzz" (see --list-rules)\n');
  });

  it('escapes what it echoes of the argument, and knows no inherited names', async () => {
    const run = await work.lint(['--explain', 'x\x1b]0;t\x07']);
    assert.equal(run.stderr, 'uwsgi-ini-lint: unknown rule "x\\x1b]0;t\\x07" (see --list-rules)\n');
    assert.equal((await work.lint(['--explain', 'constructor'])).code, 2);
    assert.equal((await work.lint(['--explain', '__proto__'])).code, 2);
  });

  it('--list-rules keeps its table', async () => {
    const run = await work.lint(['--list-rules']);
    assert.equal(run.stdout.split('\n')[0], 'unknown-option\twarning\tKey that is no option of the configured uWSGI: uWSGI keeps it as a placeholder and ignores it');
    assert.equal(run.stdout.trimEnd().split('\n').length, allRules.length);
  });
});
