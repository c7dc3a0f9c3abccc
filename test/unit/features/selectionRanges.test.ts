import { strict as assert } from 'node:assert';
import { SelectionRange } from 'vscode-languageserver-types';
import { documentOf, service, withCursor } from '../../support/spec';

/** The texts selected by successive "expand selection", innermost first. */
function expansions(marked: string): string[] {
  const { text, position } = withCursor(marked);
  const ls = service();
  const document = documentOf(text);
  const [first] = ls.getSelectionRanges(ls.parse(document), [position]);
  const texts: string[] = [];
  for (let range: SelectionRange | undefined = first; range; range = range.parent) {
    texts.push(text.slice(document.offsetAt(range.range.start), document.offsetAt(range.range.end)));
  }
  return texts;
}

describe('selection ranges', () => {
  const doc = '[uwsgi]\nchdir = %(base)/app\n\n[app]\n';

  it('placeholder name, %(...) segment, value, entry, section, document', () => {
    assert.deepEqual(expansions('[uwsgi]\nchdir = %(ba|se)/app\n\n[app]\n'), ['base', '%(base)', '%(base)/app', 'chdir = %(base)/app', '[uwsgi]\nchdir = %(base)/app\n', doc]);
  });

  it('at the very start of a value: the first segment', () => {
    assert.deepEqual(expansions('[uwsgi]\nchdir = |%(base)/app\n\n[app]\n').slice(0, 3), ['%(base)', '%(base)/app', 'chdir = %(base)/app']);
  });

  it('at the very end of a value: its last segment', () => {
    assert.deepEqual(expansions('[uwsgi]\nchdir = %(base)/app|\n\n[app]\n').slice(0, 2), ['/app', '%(base)/app']);
  });

  it('a value with one segment is not selected twice', () => {
    assert.deepEqual(expansions('[uwsgi]\nsocket = :8|0\n'), [':80', 'socket = :80', '[uwsgi]\nsocket = :80', '[uwsgi]\nsocket = :80\n']);
  });

  it('on the key (start or end): key, entry', () => {
    assert.deepEqual(expansions('[uwsgi]\n|socket = :80\n').slice(0, 2), ['socket', 'socket = :80']);
    assert.deepEqual(expansions('[uwsgi]\nsocket| = :80\n').slice(0, 2), ['socket', 'socket = :80']);
  });

  it('an indented, padded line: trimmed entry, then the whole line', () => {
    assert.deepEqual(expansions('[uwsgi]\n  sock|et = :80  \n').slice(0, 3), ['socket', 'socket = :80', '  socket = :80  ']);
  });

  it('inside a logic block: entry, block, section', () => {
    assert.deepEqual(expansions('[uwsgi]\nif-env = X\nsock|et = :80\nendif\n').slice(1, 4), [
      'socket = :80', 'if-env = X\nsocket = :80\nendif', '[uwsgi]\nif-env = X\nsocket = :80\nendif',
    ]);
  });

  it('section header name, header, section', () => {
    assert.deepEqual(expansions('[uw|sgi]\nmaster = true\n'), ['uwsgi', '[uwsgi]', '[uwsgi]\nmaster = true', '[uwsgi]\nmaster = true\n']);
  });

  it('keeps CRLF out of line selections', () => {
    assert.deepEqual(expansions('[uwsgi]\r\nsocket = :8|0\r\n').slice(0, 3), [':80', 'socket = :80', '[uwsgi]\r\nsocket = :80']);
  });

  it('an empty document: just the (empty) document', () => {
    assert.deepEqual(expansions('|'), ['']);
  });

  it('answers every position asked for, in order', () => {
    const ls = service();
    const document = documentOf('[uwsgi]\nmaster = true\n');
    const ranges = ls.getSelectionRanges(ls.parse(document), [{ line: 1, character: 0 }, { line: 0, character: 2 }]);
    assert.deepEqual(ranges.map((r) => r.range.start.line), [1, 0]);
  });
});
