import { strict as assert } from 'node:assert';
import { matchesGlob } from '../../../server/src/settings/glob';

describe('settings globs (exclude, overrides.files)', () => {
  const cases: [string, string, boolean][] = [
    ['vassals/*.ini', 'vassals/app.ini', true],
    ['vassals/*.ini', 'vassals/old/app.ini', false],
    ['vassals/*.ini', 'other/vassals/app.ini', false],
    ['vassals/**/*.ini', 'vassals/app.ini', true],
    ['vassals/**/*.ini', 'vassals/a/b/app.ini', true],
    ['*.ini', 'deep/down/app.ini', true],
    ['app?.ini', 'app1.ini', true],
    ['app?.ini', 'app10.ini', false],
    ['legacy', 'legacy/x/y.ini', true],
    ['legacy/', 'a/legacy/y.ini', true],
    ['deploy/legacy', 'deploy/legacy/y.ini', true],
    ['deploy/legacy', 'x/deploy/legacy/y.ini', false],
    ['./vassals/*.ini', 'vassals/a.ini', true],
    ['[ab].ini', 'b.ini', true],
    ['[!ab].ini', 'b.ini', false],
    ['a.ini', 'a_ini', false],
    ['', 'a.ini', false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(matchesGlob(pattern, path), expected);
    });
  }
});
