import { strict as assert } from 'node:assert';
import { code, markdownToPlainText } from '../../../server/src/service/markup';

describe('markup', () => {
  describe('code', () => {
    it('fences with one backtick more than the longest run in the text', () => {
      assert.equal(code('a'), '`a`');
      assert.equal(code('a`b'), '``a`b``');
      assert.equal(code('a ``` b'), '````a ``` b````');
    });

    it('pads text that starts or ends with a backtick, and empty text', () => {
      assert.equal(code('`x'), '`` `x ``');
      assert.equal(code(''), '`  `');
    });

    it('shows control characters, so a line break cannot end the paragraph', () => {
      assert.equal(code('a\n\n![i](http://evil.test/i)'), '`a\\x0a\\x0a![i](http://evil.test/i)`');
      assert.equal(code('a\r\tb\u001b'), '`a\\x0d\\tb\\e`');
    });
  });

  describe('markdownToPlainText', () => {
    it('gives back what code() wrapped, exactly', () => {
      for (const text of ['a`b', '`x', 'a ``` b', '**bold** _it_ [l](u) \\(']) {
        assert.equal(markdownToPlainText(`x ${code(text)} y`), `x ${text} y`, text);
      }
    });
  });
});
