import { strict as assert } from 'node:assert';
import { findings, messages } from '../../support/spec';
import { doublingChain, mutualPulls, sectionChain, selfReference, wideChain } from '../../adversarial/amplifiers';

const RULE = 'analysis-limit';

describe('rule analysis-limit', () => {
  it('reports, once, the placeholder whose value grows past 64 KB', () => {
    const text = wideChain();
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'information', covers: '%(a4)'.repeat(8) }]);
    assert.match(messages(text, RULE)[0]!, /^Not checked beyond a limit: the value of `a5` expands to more than 64 KB/);
  });

  it('does not report a doubling chain: past 8 levels it is unknown, as deep references always were', () => {
    assert.deepEqual(findings(doublingChain(), RULE), []);
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
