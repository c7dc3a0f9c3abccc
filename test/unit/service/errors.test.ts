import { strict as assert } from 'node:assert';
import { errorText } from '../../../server/src/service/errors';

describe('errorText', () => {
  it('gives the stack of an Error, or only its message when asked', () => {
    const error = new Error('rule broke');
    assert.match(errorText(error), /^Error: rule broke\n\s+at /);
    assert.equal(errorText(error, false), 'rule broke');
  });

  it('falls back to the message when there is no stack, and to a string for anything else', () => {
    const error = new TypeError('no stack');
    error.stack = undefined;
    assert.equal(errorText(error), 'no stack');
    assert.equal(errorText('plain'), 'plain');
    assert.equal(errorText(42), '42');
    assert.equal(errorText(undefined), 'undefined');
  });
});
