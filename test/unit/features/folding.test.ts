import { strict as assert } from 'node:assert';
import { FoldingRange } from 'vscode-languageserver-types';
import { FoldingContext } from '../../../server/src/service/folding';
import { documentOf, service } from '../../support/spec';

function foldingOf(text: string, context: FoldingContext = { lineFoldingOnly: true }): FoldingRange[] {
  const ls = service();
  return ls.getFoldingRanges(ls.parse(documentOf(text)), context);
}

/** `start-end` (plus `:comment`) per range, for line-folding clients. */
function lines(text: string, context?: FoldingContext): string[] {
  return foldingOf(text, context).map((r) => `${r.startLine}-${r.endLine}${r.kind ? `:${r.kind}` : ''}`);
}

describe('folding ranges', () => {
  it('folds a section from its header to its last non-blank line', () => {
    assert.deepEqual(lines('[uwsgi]\nmaster = true\nworkers = 2\n\n\n[app]\nmodule = x\n'), ['0-2', '5-6']);
  });

  it('does not fold a section with nothing under the header', () => {
    assert.deepEqual(lines('[uwsgi]\n\n[app]\n'), []);
  });

  it('folds a logic block up to the line before its closer, so the closer stays visible', () => {
    assert.deepEqual(lines('[uwsgi]\nif-env = PORT\nsocket = :%(_)\nhttp = :%(_)\nendif\n'), ['0-4', '1-3']);
  });

  it('without lineFoldingOnly, a block folds from the end of its opener to the start of its closer', () => {
    const [, block] = foldingOf('[uwsgi]\nfor = a b\n  mount = /%(_)=x\n  endfor\n', { lineFoldingOnly: false });
    assert.deepEqual(block, { startLine: 1, startCharacter: 9, endLine: 3, endCharacter: 2 });
  });

  it('folds an unclosed block to its last line in the section, never past the next header', () => {
    assert.deepEqual(lines('[uwsgi]\nif-env = X\na = 1\nb = 2\n[uwsgi]\nc = 3\n'), ['0-3', '1-3', '4-5']);
  });

  it('folds runs of two or more comment lines as comments, not single ones', () => {
    assert.deepEqual(lines('# one\n# two\n; three\n[uwsgi]\n# alone\nmaster = true\n'), ['0-2:comment', '3-5']);
  });

  it('counts physical lines: a value joined with a trailing % spans two', () => {
    assert.deepEqual(lines('[uwsgi]\nsocket = :80%\n00\n'), ['0-2']);
  });

  it('works the same on CRLF files', () => {
    assert.deepEqual(lines('# a\r\n# b\r\n[uwsgi]\r\nif-env = X\r\na = 1\r\nendif\r\n'), ['0-1:comment', '2-5', '3-4']);
  });

  it('honours the client range limit', () => {
    assert.equal(foldingOf('# a\n# b\n[uwsgi]\na = 1\n[app]\nb = 1\n', { lineFoldingOnly: true, rangeLimit: 2 }).length, 2);
  });

  it('an empty document has no folding ranges', () => {
    assert.deepEqual(foldingOf(''), []);
  });
});
