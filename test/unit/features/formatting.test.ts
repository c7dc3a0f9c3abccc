import { strict as assert } from 'node:assert';
import { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, documentOf, service } from '../../support/spec';

const ENABLED = { format: { enable: true } };
const ALIGNED = { format: { enable: true, alignEquals: true } };
const OPTIONS: FormattingOptions = { tabSize: 4, insertSpaces: true };

function edits(text: string, settings: unknown = ENABLED, range?: Range, options: FormattingOptions = OPTIONS): TextEdit[] {
  const ls = service(settings);
  return ls.format(ls.parse(documentOf(text)), range, options);
}

function formatted(text: string, settings: unknown = ENABLED, range?: Range, options?: FormattingOptions): string {
  return applyEdits(text, edits(text, settings, range, options));
}

describe('formatting', () => {
  it('does nothing unless uwsgi.format.enable is set', () => {
    assert.deepEqual(edits('[uwsgi]\nmaster=true\n', {}), []);
  });

  it('puts one space on each side of =', () => {
    assert.equal(formatted('[uwsgi]\nmaster=true\nsocket   =\t:80\n'), '[uwsgi]\nmaster = true\nsocket = :80\n');
  });

  it('leaves the value as written, spaces and = inside it included', () => {
    assert.equal(formatted('[uwsgi]\nroute=^/a  b=c   # x\n'), '[uwsgi]\nroute = ^/a  b=c   # x\n');
  });

  it('writes an empty value as `key =`', () => {
    assert.equal(formatted('[uwsgi]\nmaster=   \n'), '[uwsgi]\nmaster =\n');
  });

  it('keeps indentation', () => {
    assert.equal(formatted('[uwsgi]\nif-env = X\n    socket=:80\nendif\n'), '[uwsgi]\nif-env = X\n    socket = :80\nendif\n');
  });

  it('trims trailing whitespace on every kind of line, comment text untouched', () => {
    assert.equal(formatted('[uwsgi]  \n#  a comment  \n  \nmaster  \n'), '[uwsgi]\n#  a comment\n\nmaster\n');
  });

  it('keeps trailing whitespace when the client asks not to trim', () => {
    assert.equal(formatted('[uwsgi]\nmaster=true  \n', ENABLED, undefined, { ...OPTIONS, trimTrailingWhitespace: false }), '[uwsgi]\nmaster = true  \n');
  });

  it('leaves key-only lines and `= value` lines as they are', () => {
    assert.equal(formatted('[uwsgi]\nmaster\n=  x\n'), '[uwsgi]\nmaster\n=  x\n');
  });

  it('puts exactly one blank line before each section header, none at the top of the file', () => {
    assert.equal(formatted('\n\n[uwsgi]\na = 1\n[app]\nb = 2\n\n\n\n[dev]\nc = 3\n'), '[uwsgi]\na = 1\n\n[app]\nb = 2\n\n[dev]\nc = 3\n');
  });

  it('keeps comments right above a header with it: the blank line goes before them', () => {
    assert.equal(formatted('[uwsgi]\na = 1\n# the app\n[app]\n'), '[uwsgi]\na = 1\n\n# the app\n[app]\n');
    assert.equal(formatted('# top\n[uwsgi]\n'), '# top\n[uwsgi]\n');
  });

  it('keeps CRLF line breaks, also in the blank lines it adds', () => {
    assert.equal(formatted('[uwsgi]\r\nmaster=true  \r\n[app]\r\nb=2\r\n'), '[uwsgi]\r\nmaster = true\r\n\r\n[app]\r\nb = 2\r\n');
  });

  it('keeps the final-newline state', () => {
    assert.equal(formatted('[uwsgi]\nmaster=true'), '[uwsgi]\nmaster = true');
    assert.equal(formatted('[uwsgi]\nmaster = true\n   '), '[uwsgi]\nmaster = true\n   ');
  });

  it('leaves lines joined with a trailing % alone', () => {
    const text = '[uwsgi]\nsocket=:80%\n00  \nmaster=true\n';
    assert.equal(formatted(text), '[uwsgi]\nsocket=:80%\n00  \nmaster = true\n');
  });

  it('never removes the blank after a % (uWSGI would read a different magic variable)', () => {
    // `%` + space expands to nothing; trimming would leave `%\n`, which joins the next line.
    assert.equal(formatted('[uwsgi]\na = x% \nb = 1\n'), '[uwsgi]\na = x% \nb = 1\n');
    // `key%= v` has no `=` for uWSGI (`%=` is a magic variable): the line stays as it is.
    assert.equal(formatted('[uwsgi]\nkey%= v\n'), '[uwsgi]\nkey%= v\n');
    // `%%` is a literal `%`: nothing to protect.
    assert.equal(formatted('[uwsgi]\na = 100%%  \n'), '[uwsgi]\na = 100%%\n');
  });

  it('leaves a line with a lone CR alone (a blank for uWSGI, a line break for editors)', () => {
    assert.equal(formatted('[uwsgi]\na=1\rb=2\nc=3\n'), '[uwsgi]\na=1\rb=2\nc = 3\n');
  });

  it('aligns = within each section when asked', () => {
    assert.equal(
      formatted('[uwsgi]\nmaster=true\nsocket = :80\nharakiri=30\n[app]\nmodule=x\n', ALIGNED),
      '[uwsgi]\nmaster   = true\nsocket   = :80\nharakiri = 30\n\n[app]\nmodule = x\n',
    );
  });

  it('emits one edit per changed line, none for lines already formatted', () => {
    const result = edits('[uwsgi]\nmaster = true\nsocket=:80\nworkers = 2\n');
    assert.deepEqual(result, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } }, newText: 'socket = :80' }]);
  });

  it('range formatting touches only the lines in the range', () => {
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } };
    assert.equal(formatted('[uwsgi]\na=1\nb=2\nc=3\n', ENABLED, range), '[uwsgi]\na=1\nb = 2\nc=3\n');
  });

  it('is idempotent', () => {
    const messy = '\n[uwsgi]  \nmaster=true\n# c\n[app]\nb=2   \n\n\n[x]\n';
    for (const settings of [ENABLED, ALIGNED]) {
      const once = formatted(messy, settings);
      assert.deepEqual(edits(once, settings), [], `second pass changed ${JSON.stringify(once)}`);
    }
  });

  it('an empty document has nothing to format', () => {
    assert.deepEqual(edits(''), []);
  });
});
