import { strict as assert } from 'node:assert';
import { findings, messages } from '../../support/spec';
import { doublingChain, mutualPulls, sectionChain, selfReference } from '../../adversarial/amplifiers';

const RULE = 'analysis-limit';

describe('rule analysis-limit', () => {
  it('reports, once, the placeholder whose value grows past 64 KB', () => {
    const text = doublingChain();
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'information', covers: '%(a13)%(a13)' }]);
    assert.match(messages(text, RULE)[0]!, /^Not checked beyond a limit: the value of `a14` expands to more than 64 KB/);
  });

  it('reports the pull that goes deeper than 16 levels, on its line', () => {
    const text = sectionChain(40);
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), [':s16']);
    assert.match(messages(text, RULE)[0]!, /`ini` pulls a section in more than 16 levels deep/);
  });

  it('does not report a placeholder that uses itself (unknown, not too large) nor sections that pull each other', () => {
    assert.deepEqual(findings(selfReference(), RULE), []);
    assert.deepEqual(findings(mutualPulls(), RULE), []);
  });

  it('does not report ordinary configs', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = /srv/app\nchdir = %(base)/src\nini = :extra\n[extra]\nmaster = true\n', RULE), []);
  });
});
