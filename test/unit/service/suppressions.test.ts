import { strict as assert } from 'node:assert';
import { applyAction, findings, suppressionActions } from '../../support/spec';

describe('suppression comments', () => {
  it('silences a rule on the next line only', () => {
    const text = '[uwsgi]\nuid = a\ngid = a\n# uwsgi-ini: disable-next-line unknown-option\nvaccum = 1\nproesses = 2\n';
    assert.deepEqual(findings(text, 'unknown-option').map((f) => f.covers), ['proesses']);
  });

  it('silences several rules, or every rule without ids', () => {
    const text = '[uwsgi]\n# uwsgi-ini: disable-next-line unknown-option, invalid-value\nvaccum = four\n; uwsgi-ini: disable-next-line\nproesses = 2\n';
    assert.deepEqual(findings(text).filter((f) => f.code === 'unknown-option'), []);
  });

  it('silences a rule for the whole file', () => {
    const text = '[uwsgi]\nvaccum = 1\n# uwsgi-ini: disable unknown-option\nproesses = 2\n';
    assert.deepEqual(findings(text, 'unknown-option'), []);
  });

  it('offers the line and file directives as quick fixes, keeping CRLF', () => {
    const text = '[uwsgi]\r\n  vaccum = 1\r\n';
    const actions = suppressionActions(text, 'unknown-option');
    assert.deepEqual(actions.map((a) => a.title), ['Disable unknown-option for this line', 'Disable unknown-option for this file']);
    assert.equal(applyAction(text, actions[0]!), '[uwsgi]\r\n  # uwsgi-ini: disable-next-line unknown-option\r\n  vaccum = 1\r\n');
    assert.equal(applyAction(text, actions[1]!), '# uwsgi-ini: disable unknown-option\r\n[uwsgi]\r\n  vaccum = 1\r\n');
    assert.deepEqual(findings(applyAction(text, actions[0]!), 'unknown-option'), []);
  });

  it('puts a file directive below the first line of a file with a byte order mark, so the mark stays where it was', () => {
    const text = '\uFEFF[uwsgi]\nvaccum = 1\n';
    const action = suppressionActions(text, 'missing-section').find((a) => a.title.endsWith('for this file'))!;
    assert.equal(applyAction(text, action), '\uFEFF[uwsgi]\n# uwsgi-ini: disable missing-section\nvaccum = 1\n');
  });
});
