// The --diff output against GNU diff and patch: the same hunks as `diff -u`, and patch applies it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { splitLines, unifiedDiff } from '../../../server/src/cli/diff';

const asIs = (line: string): string => line;

/** `diff -u` of two texts, from the first hunk on (its header names temporary files). */
function gnuDiff(before: string, after: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-diff-'));
  try {
    fs.writeFileSync(path.join(dir, 'a'), before);
    fs.writeFileSync(path.join(dir, 'b'), after);
    const out = spawnSync('diff', ['-u', 'a', 'b'], { cwd: dir, encoding: 'utf8' }).stdout;
    return out.split('\n').slice(2).join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function ours(before: string, after: string): string {
  return unifiedDiff(before, after, 'x.ini', asIs).split('\n').slice(2).join('\n');
}

describe('unified diff', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `key${i} = ${i}\n`);
  const base = lines.join('');
  const cases: Record<string, string> = {
    'one line changed': base.replace('key5 = 5', 'key5 = five'),
    'two changes far apart (two hunks)': base.replace('key2 = 2', 'key2 = two').replace('key25 = 25', 'x = 1\nkey25 = 25'),
    'two changes close together (one hunk)': base.replace('key10 = 10', 'ten = 10').replace('key15 = 15', ''),
    'a line inserted at the top': `[uwsgi]\n${base}`,
    'the last line removed': lines.slice(0, -1).join(''),
    'a line added after a last line without a line break': `${base}tail = 1\nmore = 2`,
  };
  for (const [name, after] of Object.entries(cases)) {
    it(`gives the hunks diff -u gives: ${name}`, () => {
      const before = name.includes('without a line break') ? `${base}tail = 1` : base;
      assert.equal(ours(before, after), gnuDiff(before, after));
    });
  }

  it('is a patch that patch applies', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-diff-'));
    try {
      const after = base.replace('key3 = 3', 'key3 = three').replace('key20 = 20\n', '');
      fs.writeFileSync(path.join(dir, 'x.ini'), base);
      const result = spawnSync('patch', ['-p0', '--quiet'], { cwd: dir, input: unifiedDiff(base, after, 'x.ini', asIs), encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'x.ini'), 'utf8'), after);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is empty for equal texts, and bounded for texts with nothing in common', () => {
    assert.equal(unifiedDiff(base, base, 'x.ini', asIs), '');
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}\n`).join('');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}\n`).join('');
    const out = unifiedDiff(a, b, 'x.ini', asIs);
    assert.match(out, /^@@ -1,3000 \+1,3000 @@$/m);
    assert.equal(out.split('\n').filter((line) => line.startsWith('-a')).length, 3000);
  });

  it('stays quick on a long file with changes at both ends, and keeps the common lines out of the hunks', () => {
    const long = Array.from({ length: 200_000 }, (_, i) => `k${i} = ${i}\n`);
    const changed = [...long];
    for (let i = 0; i < 200_000; i += 400) changed[i] = `k${i} = changed\n`;
    const started = Date.now();
    const out = unifiedDiff(long.join(''), changed.join(''), 'x.ini', asIs);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.equal(out.split('\n').filter((line) => line.startsWith('+k')).length, 500);
    assert.equal(out.split('\n').filter((line) => line.startsWith('-k')).length, 500);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-diff-'));
    try {
      fs.writeFileSync(path.join(dir, 'x.ini'), long.join(''));
      const result = spawnSync('patch', ['-p0', '--quiet'], { cwd: dir, input: out, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.ok(fs.readFileSync(path.join(dir, 'x.ini'), 'utf8') === changed.join(''), 'patch gives the changed text');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every line break in the pieces it compares', () => {
    assert.deepEqual(splitLines('a\r\nb\nc'), ['a\r\n', 'b\n', 'c']);
    assert.deepEqual(splitLines(''), []);
  });
});
