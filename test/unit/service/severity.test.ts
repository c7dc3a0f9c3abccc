import { strict as assert } from 'node:assert';
import { SEVERITY_NUMBER, severityName } from '../../../server/src/service/severity';

describe('severity names and LSP numbers', () => {
  it('gives each name the number LSP defines', () => {
    assert.deepEqual({ ...SEVERITY_NUMBER }, { error: 1, warning: 2, information: 3, hint: 4 });
  });

  it('names each number, and reads none or an unknown one as an error', () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => severityName(n as 1 | 2 | 3 | 4)), ['error', 'warning', 'information', 'hint']);
    assert.equal(severityName(undefined), 'error');
    assert.equal(severityName(7 as 1), 'error');
  });
});
