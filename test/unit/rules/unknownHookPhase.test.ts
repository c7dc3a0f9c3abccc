import { strict as assert } from 'node:assert';
import { findings, fixed, messages, quickFixes, validate, fixSafety } from '../../support/spec';

const RULE = 'unknown-hook-phase';

describe('rule unknown-hook-phase', () => {
  it('flags a misspelt phase on the phase part of the key and suggests the real one', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asapp = mkdir:/x\n', RULE), [{ code: RULE, severity: 'warning', covers: 'asapp' }]);
    assert.match(messages('[uwsgi]\nexec-pre-ap = ls\n', RULE)[0]!, /`pre-ap` is no hook phase.*Did you mean `exec-pre-app`\?/);
  });

  it('says nothing about real phases and look-alike options', () => {
    assert.deepEqual(findings('[uwsgi]\nhook-asap = mkdir:/x\nexec-pre-app = ls\ncall-as-vassal3 = f\nmount-check = /srv\n', RULE), []);
  });

  it('explains a phase that has no exec- option, naming uwsgiconf, and moves the command to hook-', () => {
    const text = '[uwsgi]\nexec-master-start = touch /tmp/x\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: 'master-start' }]);
    const [message] = messages(text, RULE);
    assert.match(message!, /no `exec-` option/);
    assert.match(message!, /uwsgiconf's `MainProcess\.run_command_on_event\(\)`/);
    assert.equal(fixed(text, RULE), '[uwsgi]\nhook-master-start = exec:touch /tmp/x\n');
  });

  it('leaves phases of another version to unknown-option, so nothing is reported twice', () => {
    const text = '[uwsgi]\nhook-as-vassal-before-drop = print:x\n';
    assert.deepEqual(findings(text, RULE), []);
    assert.deepEqual(findings(text).map((f) => f.code), ['unknown-option']);
    assert.deepEqual(findings(text, undefined, { version: '2.1' }), []);
  });

  it('reports every unknown hook key exactly once across the two rules', () => {
    for (const key of ['hook-asapp', 'exec-master-start', 'umount-as-user', 'call-as-vassal2']) {
      const codes = validate(`[uwsgi]\n${key} = x:y\n`).map((d) => d.code).filter((c) => c === RULE || c === 'unknown-option');
      assert.deepEqual(codes, [RULE], key);
    }
  });

  it('becomes an error in strict mode', () => {
    assert.equal(findings('[uwsgi]\nstrict = true\nhook-asapp = print:x\n', RULE)[0]!.severity, 'error');
  });

  it('leaves keys used as placeholders alone, except under strict mode', () => {
    assert.deepEqual(findings('[uwsgi]\nexec-dir = /srv\nchdir = %(exec-dir)\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nstrict = true\nexec-dir = /srv\nchdir = %(exec-dir)\n', RULE), [{ code: RULE, severity: 'error', covers: 'dir' }]);
  });

  it('fixes a typo by replacing the phase only, keeping CRLF', () => {
    assert.equal(fixed('[uwsgi]\r\nhook-asapp = print:x\r\n', RULE), '[uwsgi]\r\nhook-asap = print:x\r\n');
    assert.ok(quickFixes('[uwsgi]\nhook-asapp = print:x\n', RULE).some((a) => a.isPreferred && a.title === 'Change the phase to `asap`'));
  });

  it('has fixes that make the diagnostic go away', () => {
    for (const text of ['[uwsgi]\nhook-asapp = print:x\n', '[uwsgi]\r\nexec-as-mule = ls\r\n']) {
      assert.deepEqual(findings(fixed(text, RULE), RULE), [], text);
    }
  });

  it('renames safely to the one close phase, and declares moving to hook- unsafe', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nhook-asapp = print:x\n', RULE), ['*Change the phase to `asap`: safe']);
    assert.deepEqual(fixSafety('[uwsgi]\nexec-master-start = touch /tmp/x\n', RULE), ['*Change to `hook-master-start = exec:...`: unsafe']);
  });
});
