import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'entry-outside-section';

describe('rule entry-outside-section', () => {
  it('flags each key written before the first header', () => {
    const text = 'master = true\nprocesses = 4\n[uwsgi]\nvacuum = true\n';
    assert.deepEqual(findings(text, RULE), [
      { code: RULE, severity: 'warning', covers: 'master' },
      { code: RULE, severity: 'warning', covers: 'processes' },
    ]);
    assert.match(messages(text, RULE)[0]!, /`master` comes before any section header.*never uses this line/);
  });

  it('only informs about stray text before the header that names no option: nothing meant for uWSGI is lost', () => {
    const text = 'ite_uwsgi.ini file\nsudo tee /etc/uwsgi/emperor.ini <<EOF\nmaster\n[uwsgi]\nvacuum = true\n';
    assert.deepEqual(findings(text, RULE).map((f) => [f.covers, f.severity]), [
      ['ite_uwsgi.ini file', 'information'],
      ['sudo tee /etc/uwsgi/emperor.ini <<EOF', 'information'],
      ['master', 'warning'],
    ]);
    assert.match(messages(text, RULE)[0]!, /Harmless here/);
  });

  it('says nothing about comments before the header or keys under it', () => {
    assert.deepEqual(findings('# app\n; config\n[uwsgi]\nmaster = true\n', RULE), []);
  });

  it('covers `=` for an empty key', () => {
    assert.deepEqual(findings('= x\n[uwsgi]\n', RULE).map((f) => f.covers), ['=']);
  });

  it('leaves a header hidden by a byte order mark to missing-section', () => {
    assert.deepEqual(findings('\uFEFF[uwsgi]\nmaster = true\n', RULE), []);
  });

  it('names the configured section', () => {
    assert.match(messages('master = true\n[app]\n', RULE, { section: 'app' })[0]!, /under `\[app\]`/);
  });

  it('adds the header above the first option', () => {
    const text = '# top\r\nmaster = true\r\nprocesses = 4\r\n[uwsgi]\r\nvacuum = true\r\n';
    const result = fixed(text, RULE);
    assert.equal(result, '# top\r\n[uwsgi]\r\nmaster = true\r\nprocesses = 4\r\n[uwsgi]\r\nvacuum = true\r\n');
    assert.deepEqual(findings(result, RULE), []);
  });

  it('declares the header fix unsafe: uWSGI starts applying the options above it', () => {
    assert.deepEqual(fixSafety('master = true\n[uwsgi]\nsocket = :3031\n', RULE), ['*Add a `[uwsgi]` header above the first option: unsafe']);
  });
});
