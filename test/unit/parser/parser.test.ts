import { strict as assert } from 'node:assert';
import { parseIni } from '../../../server/src/parser/parser';
import { tokens } from '../../../server/src/parser/tokens';
import { EntryLine, LineKind, SectionLine } from '../../../server/src/parser/ast';

function entries(text: string): [string, string][] {
  return parseIni(text).entries.map((e) => [e.key, e.value]);
}

function roundTrip(text: string): string {
  let out = '';
  let last = 0;
  for (const token of tokens(parseIni(text))) {
    assert.equal(token.start, last, `token gap at ${last}`);
    assert.ok(token.end > token.start, 'empty token');
    out += text.slice(token.start, token.end);
    last = token.end;
  }
  return out;
}

describe('parser: lines the way uWSGI reads them', () => {
  it('splits key and value at the first "=" and trims both', () => {
    assert.deepEqual(entries('[uwsgi]\n  k2 =  v2=v3  \n'), [['k2', 'v2=v3']]);
  });

  it('reads a line without "=" as a key with an empty value', () => {
    const [entry] = parseIni('[uwsgi]\nmaster\n').entries;
    assert.equal(entry!.key, 'master');
    assert.equal(entry!.value, '');
    assert.equal(entry!.equals, -1);
  });

  it('reads "= x" as an empty key', () => {
    assert.deepEqual(entries('[uwsgi]\n= x\n'), [['', 'x']]);
  });

  it('keeps an inline "# comment" as part of the value', () => {
    assert.deepEqual(entries('[uwsgi]\nsocket = :80 # main\n'), [['socket', ':80 # main']]);
  });

  it('treats # and ; as comments only as the first non-blank character', () => {
    const doc = parseIni('  # a\n\t; b\nx = #c\n');
    assert.deepEqual(doc.lines.map((l) => l.kind), [LineKind.Comment, LineKind.Comment, LineKind.Entry]);
  });

  it('keeps quotes: there is no quoting', () => {
    assert.deepEqual(entries('[uwsgi]\nx = "a b"\n'), [['x', '"a b"']]);
  });

  it('names a section by dropping the last character after "["', () => {
    const names = parseIni('[uwsgi]\n[ uwsgi ]\n[uwsgi] ; c\n[uwsgi\n[\n').sections.map((s) => s.name);
    assert.deepEqual(names, ['uwsgi', ' uwsgi ', 'uwsgi] ; ', 'uwsg', '']);
  });

  it('records the dropped closer character', () => {
    const header = parseIni('[uwsgi\n').lines[0] as SectionLine;
    assert.equal(header.closer, 'i');
  });

  it('puts keys before the first header into no section', () => {
    const doc = parseIni('a = 1\n[uwsgi]\nb = 2\n');
    assert.deepEqual(doc.orphanEntries.map((e) => e.key), ['a']);
    assert.equal(doc.orphanEntries[0]!.section, undefined);
    assert.deepEqual(doc.sections[0]!.entries.map((e) => e.key), ['b']);
  });

  it('does not trim a UTF-8 BOM, so a header after it is no header', () => {
    const doc = parseIni('\uFEFF[uwsgi]\nx = 1\n');
    assert.equal(doc.sections.length, 0);
    assert.equal(doc.orphanEntries[0]!.key, '\uFEFF[uwsgi]');
  });

  it('trims CR of CRLF files', () => {
    assert.deepEqual(entries('[uwsgi]\r\nmaster = true\r\nprocesses = 4\r\n'), [['master', 'true'], ['processes', '4']]);
  });

  it('splits lines only on LF: a lone CR stays inside the line', () => {
    const doc = parseIni('[uwsgi]\na = 1\rb = 2\n');
    assert.deepEqual(doc.entries.map((e) => [e.key, e.value]), [['a', '1\rb = 2']]);
  });

  it('joins the next line after a "%" right before the newline', () => {
    assert.deepEqual(entries('[uwsgi]\nchdir = /srv/%\napp\n'), [['chdir', '/srv/app']]);
  });

  it('does not join after "%%" (an escaped percent)', () => {
    assert.deepEqual(entries('[uwsgi]\na = 100%%\nb = 2\n'), [['a', '100%%'], ['b', '2']]);
  });

  it('lets a joining "%" swallow the next line into a comment', () => {
    const doc = parseIni('# note %\nmaster = true\n[uwsgi]\n');
    assert.equal(doc.lines[0]!.kind, LineKind.Comment);
    assert.equal(doc.entries.length, 0);
  });

  it('gives exact offsets for key and value', () => {
    const text = '[uwsgi]\n  socket = /tmp/a.sock\n';
    const entry = parseIni(text).entries[0] as EntryLine;
    assert.equal(text.slice(entry.keySpan.start, entry.keySpan.end), 'socket');
    assert.equal(text.slice(entry.valueSpan.start, entry.valueSpan.end), '/tmp/a.sock');
  });

  it('keeps repeated sections and repeated keys in order', () => {
    const doc = parseIni('[uwsgi]\nsocket = a\n[other]\nx = 1\n[uwsgi]\nsocket = b\n');
    assert.deepEqual(doc.sections.map((s) => s.name), ['uwsgi', 'other', 'uwsgi']);
    assert.deepEqual(doc.entries.filter((e) => e.section?.name === 'uwsgi').map((e) => e.value), ['a', 'b']);
  });
});

describe('parser: config logic blocks', () => {
  it('closes a block with any closing key', () => {
    const doc = parseIni('[uwsgi]\nif-env = A\nx = 1\nendfor\n');
    assert.equal(doc.blocks.length, 1);
    assert.equal(doc.blocks[0]!.kind, 'if');
    assert.equal(doc.blocks[0]!.closer!.key, 'endfor');
    assert.deepEqual(doc.blocks[0]!.body.map((e) => e.key), ['x']);
  });

  it('records an unclosed block', () => {
    const doc = parseIni('[uwsgi]\nfor-times = 3\nx = %(_)\n');
    assert.equal(doc.blocks[0]!.kind, 'for');
    assert.equal(doc.blocks[0]!.closer, undefined);
  });

  it('records a nested opener instead of throwing', () => {
    const doc = parseIni('[uwsgi]\nif-env = A\nifdir = /x\nendif\n');
    assert.equal(doc.blocks.length, 1);
    assert.deepEqual(doc.blocks[0]!.nested.map((e) => e.key), ['ifdir']);
  });

  it('records a stray end', () => {
    const doc = parseIni('[uwsgi]\nend\nendif =\n');
    assert.deepEqual(doc.strayBlockEnds.map((e) => e.key), ['end', 'endif']);
  });

  it('lets a block span sections of the same name but not others', () => {
    const doc = parseIni('[uwsgi]\nif-env = A\n[other]\nendif\n[uwsgi]\nx = 1\nend-if\n');
    assert.equal(doc.blocks.length, 1);
    assert.equal(doc.blocks[0]!.closer!.key, 'end-if');
    assert.deepEqual(doc.strayBlockEnds.map((e) => e.key), ['endif']);
  });
});

describe('parser: lossless', () => {
  const samples = [
    '', 'a', '\n', '\r', '\r\n', '[', '[]', '=', '%', '%\n', '%%\n', '%\r\n', '\u0000\u0001',
    '[uwsgi]\r\nsocket = :80 ; x\r\n\r\n  \t\r\n%\nk=v=w\n[uwsgi\nmaster\n= x\n',
    '\uFEFF[uwsgi]\nx = \uD83D\uDE00 %(a) $(B) @(c)\n', 'x = \uD800 lone surrogate\n', 'a = b\n\n\n',
  ];
  for (const sample of samples) {
    it(`round-trips ${JSON.stringify(sample)}`, () => {
      assert.equal(roundTrip(sample), sample);
    });
  }

  it('round-trips a long random mix of the characters that matter', () => {
    const alphabet = ['[', ']', '=', '%', '(', ')', '#', ';', ' ', '\t', '\r', '\n', 'a', 'k', '$', '@', '!', ':', '\uFEFF'];
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = Math.floor(random() * 200);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.equal(roundTrip(text), text);
    }
  });

  it('parses a single 1M-character line in linear time', () => {
    const text = '[uwsgi]\nx = ' + 'a'.repeat(1_000_000) + '\n';
    const doc = parseIni(text);
    assert.equal(doc.entries[0]!.value.length, 1_000_000);
  });

  it('parses a line of a million "%" without quadratic join scanning', () => {
    const text = '%'.repeat(1_000_001) + '\nx = 1\n';
    const doc = parseIni(text);
    assert.equal(doc.lines.length, 1);
  });
});

describe('parser: adversarial shapes', () => {
  it('handles 100,000 joined blank lines in one logical line', () => {
    const text = '%\n'.repeat(100_000) + '[uwsgi]\n';
    const doc = parseIni(text);
    assert.equal(doc.lines.length, 1);
    assert.equal(doc.sections[0]!.name, 'uwsgi');
  });

  it('handles 100,000 sections', () => {
    const doc = parseIni('[s]\nx = 1\n'.repeat(100_000));
    assert.equal(doc.sections.length, 100_000);
  });
});
