import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes, validate, fixSafety } from '../../support/spec';

const RULE = 'duplicate-option';

describe('rule duplicate-option', () => {
  it('flags the earlier key of a last-wins option set twice, naming the later line', () => {
    const text = '[uwsgi]\nprocesses = 4\nmaster = true\nprocesses = 8\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'information', covers: 'processes' }]);
    assert.equal(messages(text, RULE)[0], '`processes` keeps only its last value: line 4 sets it again (`8`), so uWSGI never uses `4` from this line.');
  });

  it('points at the later line as related information', () => {
    const [diagnostic] = validate('[uwsgi]\nprocesses = 4\nprocesses = 8\n').filter((d) => d.code === RULE);
    assert.deepEqual(diagnostic!.relatedInformation?.map((r) => r.location.range), [{ start: { line: 2, character: 0 }, end: { line: 2, character: 9 } }]);
  });

  it('reports each earlier occurrence once', () => {
    assert.deepEqual(findings('[uwsgi]\nchdir = /a\nchdir = /b\nchdir = /c\n', RULE).length, 2);
  });

  it('says when the value is the same, counting true and True as the same flag', () => {
    assert.match(messages('[uwsgi]\nchdir = /srv\nchdir = /srv\n', RULE)[0]!, /set twice to the same value/);
    assert.match(messages('[uwsgi]\nmaster = true\nmaster = True\n', RULE)[0]!, /set twice to the same value/);
    assert.match(messages('[uwsgi]\nmaster = true\nmaster = false\n', RULE)[0]!, /never uses `true`/);
  });

  it('never flags options that add up: sockets, env, hooks, plugins', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = :80\nsocket = :81\nenv = A=1\nenv = B=2\nhook-asap = mkdir:/a\nhook-asap = mkdir:/b\n', RULE), []);
  });

  it('never flags immediate options, which act where they are written', () => {
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nstrict = false\n', RULE), []);
  });

  it('skips lines inside logic blocks, which may not apply', () => {
    assert.deepEqual(findings('[uwsgi]\nprocesses = 4\nif-env = BIG\nprocesses = 16\nendif\n', RULE), []);
  });

  it('ignores keys that are no options, and other sections', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = /a\nbase = /b\n', RULE), []);
    assert.deepEqual(findings('[other]\nprocesses = 2\n[uwsgi]\nprocesses = 4\n', RULE), []);
  });

  it('sees a repeat across a section pulled in with ini = :name', () => {
    assert.deepEqual(findings('[uwsgi]\nini = :base\nprocesses = 8\n[base]\nprocesses = 4\n', RULE).map((f) => f.covers), ['processes']);
  });

  it('removes a plain repeat as the preferred fix, CRLF kept', () => {
    const text = '[uwsgi]\r\nmaster = true\r\nvacuum = true\r\nmaster = true\r\n';
    const result = fixed(text, RULE);
    assert.equal(result, '[uwsgi]\r\nvacuum = true\r\nmaster = true\r\n');
    assert.deepEqual(findings(result, RULE), []);
  });

  it('does not prefer removing a differing value, nor a line of a shared section', () => {
    assert.deepEqual(quickFixes('[uwsgi]\nprocesses = 4\nprocesses = 8\n', RULE).map((a) => [a.title, a.isPreferred]), [['Remove this earlier line', false]]);
    assert.deepEqual(quickFixes('[uwsgi]\nini = :base\nmaster = true\n[base]\nmaster = true\n', RULE).map((a) => a.isPreferred), [false]);
  });

  it('removing a plain repeat is safe; choosing between differing values is not', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nmaster = true\nmaster = true\n', RULE), ['*Remove this earlier line: safe']);
    assert.deepEqual(fixSafety('[uwsgi]\nprocesses = 4\nprocesses = 8\n', RULE), ['Remove this earlier line: unsafe']);
    // A placeholder between the lines reads the earlier one.
    assert.deepEqual(fixSafety('[uwsgi]\nharakiri = 30\nx = %(harakiri)\nharakiri = 30\n', RULE), ['Remove this earlier line: unsafe']);
    assert.deepEqual(fixSafety('[uwsgi]\nharakiri = 30\nharakiri = 30\n', RULE), ['*Remove this earlier line: safe']);
  });
});
