import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes, fixSafety } from '../../support/spec';

const RULE = 'missing-section';

describe('rule missing-section', () => {
  it('says nothing when the section is there, even after other sections', () => {
    assert.deepEqual(findings('[uwsgi]\nmaster = true\n', RULE), []);
    assert.deepEqual(findings('[app]\nx = 1\n[uwsgi]\nmaster = true\n', RULE), []);
  });

  it('says nothing about an empty file or one with only comments', () => {
    assert.deepEqual(findings('', RULE), []);
    assert.deepEqual(findings('# nothing yet\n\n; really\n', RULE), []);
  });

  it('flags a file without any header on its first character and adds the header above the first option', () => {
    const text = '# app\r\nmaster = true\r\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '#' }]);
    const result = fixed(text, RULE);
    assert.equal(result, '# app\r\n[uwsgi]\r\nmaster = true\r\n');
    assert.deepEqual(findings(result, RULE), []);
  });

  it('names the sections the file has when none is the one uWSGI reads', () => {
    assert.deepEqual(findings('[app]\nmaster = true\n', RULE), [{ code: RULE, severity: 'warning', covers: '[app]' }]);
    assert.match(messages('[app]\nmaster = true\n', RULE)[0]!, /No `\[uwsgi\]` section.*ignores `\[app\]`/);
    assert.deepEqual(findings('[app]\nmaster = true\n', RULE, { section: 'app' }), []);
  });

  it('sees through a byte order mark hiding the header, and removes it', () => {
    const text = '\uFEFF[uwsgi]\nmaster = true\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '\uFEFF[uwsgi]' }]);
    assert.match(messages(text, RULE)[0]!, /byte order mark/);
    const result = fixed(text, RULE);
    assert.equal(result, '[uwsgi]\nmaster = true\n');
    assert.deepEqual(findings(result, RULE), []);
  });

  it('explains spaces inside the brackets and rewrites the header', () => {
    const text = '[ uwsgi ]\r\nmaster = true\r\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '[ uwsgi ]' }]);
    assert.match(messages(text, RULE)[0]!, /names the section ` uwsgi `/);
    assert.equal(fixed(text, RULE), '[uwsgi]\r\nmaster = true\r\n');
  });

  it('explains a comment after the header and moves it to its own line', () => {
    const text = '[uwsgi] ; main app\r\nmaster = true\r\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['[uwsgi] ; main app']);
    assert.match(messages(text, RULE)[0]!, /no inline comments: `\[uwsgi\] ; main app` names the section `uwsgi\] ; main ap`/);
    const result = fixed(text, RULE);
    assert.equal(result, '; main app\r\n[uwsgi]\r\nmaster = true\r\n');
    assert.deepEqual(findings(result, RULE), []);
  });

  it('offers no move when the header comment ends in a magic %: on its own line it would swallow the header', () => {
    assert.deepEqual(quickFixes('[uwsgi] ; 100%', RULE), []);
    assert.equal(fixed('[uwsgi] ; 100%%\n', RULE), '; 100%%\n[uwsgi]\n');
  });

  it('explains a missing ] and a wrong case', () => {
    assert.match(messages('[uwsgi\nmaster = true\n', RULE)[0]!, /lacks its `\]`.*names the section `uwsg`/);
    assert.equal(fixed('[uwsgi\nmaster = true\n', RULE), '[uwsgi]\nmaster = true\n');
    assert.match(messages('[UWSGI]\nmaster = true\n', RULE)[0]!, /case-sensitive/);
    assert.equal(fixed('[UWSGI]\nmaster = true\n', RULE), '[uwsgi]\nmaster = true\n');
  });

  it('offers exactly one preferred fix', () => {
    const actions = quickFixes('[ uwsgi ]\nmaster = true\n', RULE);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to `[uwsgi]`', true]]);
  });

  it('declares its fixes unsafe: uWSGI starts reading a file it ignored', () => {
    assert.deepEqual(fixSafety('# app\nmaster = true\n', RULE), ['*Add a `[uwsgi]` header above the first option: unsafe']);
    assert.deepEqual(fixSafety('\uFEFF[uwsgi]\nmaster = true\n', RULE), ['*Remove the byte order mark: unsafe']);
    assert.deepEqual(fixSafety('[ uwsgi ]\nmaster = true\n', RULE), ['*Change to `[uwsgi]`: unsafe']);
  });
});
