import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readSettingsFile } from '../../../server/src/settings/settingsFile';

const VALID = [
  '[tool.uwsgi-ini]',
  'plugins = ["python3"]',
  'strict = true',
  'exclude = ["legacy"]',
  '[tool.uwsgi-ini.rules]',
  'missing-vacuum = "off"',
  '[[tool.uwsgi-ini.overrides]]',
  'files = ["vassals/*.ini"]',
  'section = "prod"',
].join('\n');

describe('settings files: any text gives settings and located problems, never an exception', () => {
  const check = (text: string): void => {
    for (const kind of ['pyproject', 'own', 'user'] as const) {
      const file = readSettingsFile('/p/f.toml', text, kind, ['missing-vacuum']);
      for (const problem of file?.problems ?? []) {
        assert.ok(problem.line >= 1 && problem.column >= 1, JSON.stringify(problem));
        assert.ok(problem.message.length > 0);
      }
    }
  };

  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => check(text)), { numRuns: 300 });
  });

  it('a valid file with a slice cut out or a piece of TOML syntax put in', () => {
    const piece = fc.constantFrom('[', ']', '[[', '=', '"', '"""', "'", '{', '}', ',', '\n', '.', '#', 'x = 1\n', 'rules = 3\n', 'overrides = "a"\n');
    fc.assert(fc.property(fc.nat(VALID.length), fc.nat(8), piece, (at, cut, insert) => {
      check(VALID.slice(0, at) + insert + VALID.slice(at + cut));
    }), { numRuns: 500 });
  });

  it('the valid file reads without problems', () => {
    const file = readSettingsFile('/p/pyproject.toml', VALID, 'pyproject', ['missing-vacuum']);
    assert.deepEqual(file?.problems, []);
    assert.deepEqual(file?.overrides.map((o) => [o.files, o.line, o.layer.section?.value]), [[['vassals/*.ini'], 7, 'prod']]);
  });
});
