import { strict as assert } from 'node:assert';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { findings, messages, validate } from '../../support/spec';

const RULE = 'deprecated-option';

describe('rule deprecated-option', () => {
  it('marks die-on-term deprecated only in 2.1, as a hint with the deprecated tag', () => {
    const text = '[uwsgi]\ndie-on-term = true\n';
    assert.deepEqual(findings(text, RULE), []);
    assert.deepEqual(findings(text, RULE, { version: '2.1' }), [{ code: RULE, severity: 'hint', covers: 'die-on-term' }]);
    const [diagnostic] = validate(text, { version: '2.1' }).filter((d) => d.code === RULE);
    assert.deepEqual(diagnostic!.tags, [DiagnosticTag.Deprecated]);
    assert.match(messages(text, RULE, { version: '2.1' })[0]!, /logs a deprecation warning and otherwise ignores it/);
  });

  it('says nothing about current options', () => {
    assert.deepEqual(findings('[uwsgi]\nmaster = true\nvacuum = true\n', RULE, { version: '2.1' }), []);
  });
});
