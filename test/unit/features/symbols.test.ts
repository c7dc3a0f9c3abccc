import { strict as assert } from 'node:assert';
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { documentOf, service } from '../../support/spec';

function symbolsOf(text: string, settings?: unknown): DocumentSymbol[] {
  const ls = service(settings);
  return ls.findDocumentSymbols(ls.parse(documentOf(text)));
}

function covers(text: string, range: Range): string {
  const document = documentOf(text);
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

// SymbolKind is a namespace of constants, not an enum: map the numbers back for readable specs.
const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

/** name/kind tree, children in brackets. */
function outline(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map((s) => {
    const kind = KIND_NAMES.get(s.kind) ?? String(s.kind);
    return s.children && s.children.length > 0 ? [s.name, kind, outline(s.children)] : [s.name, kind];
  });
}

describe('document symbols', () => {
  it('nests entries under their section, options as properties', () => {
    assert.deepEqual(outline(symbolsOf('[uwsgi]\nmaster = true\nsocket = :8000\n')), [
      ['uwsgi', 'Namespace', [['master', 'Property'], ['socket', 'Property']]],
    ]);
  });

  it('shows hook keys as events and keys that are no option as variables (placeholders)', () => {
    assert.deepEqual(outline(symbolsOf('[uwsgi]\nhook-asap = exec:true\nbase = /srv\nchdir = %(base)\n')), [
      ['uwsgi', 'Namespace', [['hook-asap', 'Event'], ['base', 'Variable'], ['chdir', 'Property']]],
    ]);
  });

  it('a key declared with declare-option is an option, not a placeholder', () => {
    assert.deepEqual(outline(symbolsOf('[uwsgi]\ndeclare-option = app=socket=$1\napp = :80\n')), [
      ['uwsgi', 'Namespace', [['declare-option', 'Property'], ['app', 'Property']]],
    ]);
  });

  it('nests the body of a logic block under its opener; the closer is part of the block range', () => {
    const text = '[uwsgi]\nif-env = PORT\nsocket = :%(_)\nendif\nfor = a b\nmount = /%(_)=x\nendfor\nmaster = true\n';
    const symbols = symbolsOf(text);
    assert.deepEqual(outline(symbols), [
      ['uwsgi', 'Namespace', [['if-env', 'Operator', [['socket', 'Property']]], ['for', 'Struct', [['mount', 'Property']]], ['master', 'Property']]],
    ]);
    assert.equal(covers(text, symbols[0]!.children![0]!.range), 'if-env = PORT\nsocket = :%(_)\nendif');
    assert.equal(covers(text, symbols[0]!.children![0]!.selectionRange), 'if-env');
  });

  it('an unclosed block ends at its section end; a block never reaches into the next section', () => {
    const text = '[uwsgi]\nif-env = X\na = 1\n[uwsgi]\nb = 2\nendif\n';
    const symbols = symbolsOf(text);
    assert.deepEqual(outline(symbols), [
      ['uwsgi', 'Namespace', [['if-env', 'Operator', [['a', 'Variable']]]]],
      ['uwsgi', 'Namespace', [['b', 'Variable'], ['endif', 'Property']]],
    ]);
    assert.equal(covers(text, symbols[0]!.children![0]!.range), 'if-env = X\na = 1');
  });

  it('puts entries before the first header at the top level, before the sections', () => {
    assert.deepEqual(outline(symbolsOf('master = true\n[uwsgi]\nworkers = 2\n')), [
      ['master', 'Property'],
      ['uwsgi', 'Namespace', [['workers', 'Property']]],
    ]);
  });

  it('section range: header to the end of its last line; selection range: the name', () => {
    const text = '[uwsgi]\nmaster = true\n\n# end\n[app]\n';
    const [uwsgi, app] = symbolsOf(text);
    assert.equal(covers(text, uwsgi!.range), '[uwsgi]\nmaster = true\n\n# end');
    assert.equal(covers(text, uwsgi!.selectionRange), 'uwsgi');
    assert.equal(covers(text, app!.range), '[app]');
  });

  it('entry range: the whole line; selection range: the key; detail: the value', () => {
    const text = '[uwsgi]\n  socket  =  :8000  \n';
    const entry = symbolsOf(text)[0]!.children![0]!;
    assert.equal(covers(text, entry.range), '  socket  =  :8000  ');
    assert.equal(covers(text, entry.selectionRange), 'socket');
    assert.equal(entry.detail, ':8000');
  });

  it('a line joined with a trailing % is one symbol spanning both lines', () => {
    const text = '[uwsgi]\nsocket = :80%\n00\nmaster = true\n';
    const entries = symbolsOf(text)[0]!.children!;
    assert.deepEqual(entries.map((e) => covers(text, e.range)), ['socket = :80%\n00', 'master = true']);
  });

  it('never gives a symbol an empty name (VS Code rejects them)', () => {
    const symbols = symbolsOf('[]\n= value\n');
    assert.deepEqual(outline(symbols), [['(unnamed section)', 'Namespace', [['(empty key)', 'Variable']]]]);
  });

  it('keeps CRLF line breaks out of the ranges', () => {
    const text = '[uwsgi]\r\nmaster = true\r\n';
    const [section] = symbolsOf(text);
    assert.equal(covers(text, section!.range), '[uwsgi]\r\nmaster = true');
    assert.equal(covers(text, section!.children![0]!.range), 'master = true');
  });

  it('an empty document has no symbols', () => {
    assert.deepEqual(symbolsOf(''), []);
  });
});
