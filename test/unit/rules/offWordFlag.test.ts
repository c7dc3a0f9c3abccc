import { strict as assert } from 'node:assert';
import { findings, fixed, fixSafety, messages } from '../../support/spec';

const RULE = 'off-word-flag';

describe('rule off-word-flag', () => {
  it('warns on a flag word that means off, on the value', () => {
    assert.deepEqual(findings('[uwsgi]\nvacuum = disabled\n', RULE), [{ code: RULE, severity: 'warning', covers: 'disabled' }]);
    assert.equal(
      messages('[uwsgi]\nvacuum = disabled\n', RULE)[0],
      'uWSGI turns `vacuum` on: only an exact `false`, `off`, `no` or `0` switches a flag off, and `disabled` is none of them. Write `false` for off, or `true` to say what uWSGI does now.',
    );
  });

  it('knows the usual off words, in any case', () => {
    const words = ['disable', 'Disabled', 'NONE', 'n', 'F', 'never', 'nope', 'null', 'nil', '0.0', '00'];
    const text = `[uwsgi]\n${words.map((w) => `master = ${w}`).join('\n')}\n`;
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), words);
  });

  it('leaves real off values, on values and other odd words alone', () => {
    assert.deepEqual(findings('[uwsgi]\nvacuum = false\nmaster = OFF\nstrict = no\nlazy-apps = 0\nenable-threads = yes\nsingle-interpreter\n', RULE), []);
    // `maybe` does not say which way it was meant: invalid-value's information.
    assert.deepEqual(findings('[uwsgi]\nvacuum = maybe\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nvacuum = maybe\n', 'invalid-value').map((f) => f.severity), ['information']);
  });

  it('gives one finding: invalid-value no longer notes the off words', () => {
    assert.deepEqual(findings('[uwsgi]\nvacuum = disabled\n').filter((f) => f.code !== 'no-privilege-drop').map((f) => f.code), [RULE]);
  });

  it('offers false (preferred, unsafe) and true (safe)', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nvacuum = none\n', RULE), ['*Change to `false`: unsafe', 'Change to `true`: safe']);
    assert.equal(fixed('[uwsgi]\r\nvacuum = none\r\n', RULE), '[uwsgi]\r\nvacuum = false\r\n');
    assert.equal(fixed('[uwsgi]\nvacuum = none\n', RULE, 'Change to `true`'), '[uwsgi]\nvacuum = true\n');
    // A `%(vacuum)` elsewhere reads the word: changing it changes that value too.
    assert.deepEqual(fixSafety('[uwsgi]\nvacuum = none\nprocname = %(vacuum)\n', RULE), ['*Change to `false`: unsafe', 'Change to `true`: unsafe']);
  });

  it('reports the word before a comment, and leaves a comment that flips false to inline-comment', () => {
    const text = '[uwsgi]\nvacuum = disabled # not here\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['disabled']);
    assert.deepEqual(findings(text, 'inline-comment').map((f) => f.severity), ['information']);
    assert.equal(fixed(text, RULE), '[uwsgi]\nvacuum = false # not here\n');
    assert.deepEqual(findings('[uwsgi]\nvacuum = false # not here\n', RULE), []);
  });

  it('covers the inverted flag and immediate flags too', () => {
    assert.deepEqual(findings('[uwsgi]\ndisable-logging = none\nstrict = never\n', RULE).map((f) => f.covers), ['none', 'never']);
  });

  it('ignores references, quoted words, keys that are no flags and lines not applied', () => {
    assert.deepEqual(findings('[uwsgi]\nvacuum = $(VACUUM)\nmaster = "none"\nchdir = none\nmy-flag = disabled\n[other]\nvacuum = disabled\n', RULE), []);
  });
});
