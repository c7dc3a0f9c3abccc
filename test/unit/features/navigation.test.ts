import { strict as assert } from 'node:assert';
import { Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isRenameRefusal } from '../../../server/src/service/navigation';
import { applyEdits, documentOf, service, URI, withCursor } from '../../support/spec';

/** The texts the locations cover, each prefixed with its line number. */
function shown(text: string, locations: Location[]): string[] {
  const document = documentOf(text);
  return locations.map((l) => `${l.range.start.line}:${text.slice(document.offsetAt(l.range.start), document.offsetAt(l.range.end))}`);
}

function definition(marked: string): string[] {
  const { text, position } = withCursor(marked);
  const ls = service();
  return shown(text, ls.findDefinition(ls.parse(documentOf(text)), position));
}

function references(marked: string, includeDeclaration = true): string[] {
  const { text, position } = withCursor(marked);
  const ls = service();
  return shown(text, ls.findReferences(ls.parse(documentOf(text)), position, includeDeclaration));
}

function prepare(marked: string): string {
  const { text, position } = withCursor(marked);
  const ls = service();
  const result = ls.prepareRename(ls.parse(documentOf(text)), position);
  if (isRenameRefusal(result)) return `refused: ${result.message}`;
  const document = documentOf(text);
  return `${result.placeholder} @ ${text.slice(document.offsetAt(result.range.start), document.offsetAt(result.range.end))}`;
}

/** The renamed text, or `refused: <message>`. */
function rename(marked: string, newName: string): string {
  const { text, position } = withCursor(marked);
  const ls = service();
  const result: WorkspaceEdit | { message: string } = ls.doRename(ls.parse(documentOf(text)), position, newName);
  if (isRenameRefusal(result)) return `refused: ${result.message}`;
  return applyEdits(text, (result.changes?.[URI] ?? []) as TextEdit[]);
}

describe('go to definition', () => {
  it('goes from %(name) to the key that defines it', () => {
    assert.deepEqual(definition('[uwsgi]\nbase = /srv\nchdir = %(b|ase)\n'), ['1:base']);
  });

  it('works at the very start and the very end of the name', () => {
    assert.deepEqual(definition('[uwsgi]\nbase = /srv\nchdir = %(|base)\n'), ['1:base']);
    assert.deepEqual(definition('[uwsgi]\nbase = /srv\nchdir = %(base|)\n'), ['1:base']);
  });

  it('goes nowhere from the %( and ) around the name', () => {
    assert.deepEqual(definition('[uwsgi]\nbase = /srv\nchdir = |%(base)\n'), []);
    assert.deepEqual(definition('[uwsgi]\nbase = /srv\nchdir = %(base)|/x\n'), []);
  });

  it('goes to the first definition: the one uWSGI reads', () => {
    assert.deepEqual(definition('[uwsgi]\nbase = /a\nbase = /b\nchdir = %(ba|se)\n'), ['1:base']);
    assert.deepEqual(definition('[uwsgi]\nbase = /a\nba|se = /b\n'), ['1:base']);
  });

  it('goes to a name set with set-placeholder or set-ph', () => {
    assert.deepEqual(definition('[uwsgi]\nset-placeholder = app=/srv/app\nchdir = %(a|pp)\n'), ['1:app']);
    assert.deepEqual(definition('[uwsgi]\nset-ph = app=/srv/app\nchdir = %(app|)\n'), ['1:app']);
  });

  it('finds operands of placeholder math', () => {
    assert.deepEqual(definition('[uwsgi]\nbase = 8000\nsocket = :%(ba|se + 1)\n'), ['1:base']);
  });

  it('goes from a key using a declared option to its declaration', () => {
    assert.deepEqual(definition('[uwsgi]\ndeclare-option = app=socket=$1\nap|p = :80\n'), ['1:app']);
  });

  it('follows a section pulled in with ini = :name', () => {
    assert.deepEqual(definition('[uwsgi]\nini = :base\nchdir = %(r|oot)\n[base]\nroot = /srv\n'), ['4:root']);
  });

  it('reads the cursor\'s own section when it is not the selected one', () => {
    assert.deepEqual(definition('[uwsgi]\nroot = /a\n[dev]\nroot = /b\nchdir = %(ro|ot)\n'), ['3:root']);
  });

  it('finds nothing for an undefined placeholder, an option key nobody reads, or lines before the first header', () => {
    assert.deepEqual(definition('[uwsgi]\nchdir = %(nop|e)\n'), []);
    assert.deepEqual(definition('[uwsgi]\nsock|et = :80\n'), []);
    assert.deepEqual(definition('base = /a\nchdir = %(ba|se)\n'), []);
  });

  it('works on CRLF files', () => {
    assert.deepEqual(definition('[uwsgi]\r\nbase = /srv\r\nchdir = %(ba|se)\r\n'), ['1:base']);
  });

  it('finds nothing in an empty document', () => {
    assert.deepEqual(definition('|'), []);
  });
});

describe('find references', () => {
  const text = '[uwsgi]\nbase = /srv\nchdir = %(base)\npythonpath = %(base)/lib\nsocket = :%(base + 1)\n';

  it('lists every %(name), math operands included, and the definitions', () => {
    assert.deepEqual(references(text.replace('base =', 'ba|se =')), ['1:base', '2:base', '3:base', '4:base']);
  });

  it('leaves the definitions out when asked to', () => {
    assert.deepEqual(references(text.replace('chdir = %(base)', 'chdir = %(b|ase)'), false), ['2:base', '3:base', '4:base']);
  });

  it('counts the key name tested by if-opt as a reference', () => {
    assert.deepEqual(references('[uwsgi]\nbase = /srv\nif-opt = base=/srv\nchdir = %(b|ase)\nendif\n'), ['1:base', '2:base', '3:base']);
  });

  it('for a declared option, the keys using it are references and the declaration is the declaration', () => {
    const declared = '[uwsgi]\ndeclare-option = app=socket=$1\napp = :80\napp| = :81\n';
    assert.deepEqual(references(declared, false), ['2:app', '3:app']);
    assert.deepEqual(references(declared, true), ['1:app', '2:app', '3:app']);
  });
});

describe('rename', () => {
  it('prepareRename gives the name under the cursor, at its start and at its end', () => {
    assert.equal(prepare('[uwsgi]\nbase = /srv\nchdir = %(|base)\n'), 'base @ base');
    assert.equal(prepare('[uwsgi]\nbase| = /srv\nchdir = %(base)\n'), 'base @ base');
  });

  it('renames the definition and every use, math operands and if-opt included', () => {
    assert.equal(
      rename('[uwsgi]\nba|se = 8000\nif-opt = base\nsocket = :%(base)\nhttp = :%(base + 1)\nendif\n', 'port'),
      '[uwsgi]\nport = 8000\nif-opt = port\nsocket = :%(port)\nhttp = :%(port + 1)\nendif\n',
    );
  });

  it('renames a set-placeholder name and its uses, keeping CRLF line breaks', () => {
    assert.equal(
      rename('[uwsgi]\r\nset-ph = app=/srv/app\r\nchdir = %(a|pp)\r\n', 'root'),
      '[uwsgi]\r\nset-ph = root=/srv/app\r\nchdir = %(root)\r\n',
    );
  });

  it('renames a declared option with the keys that use it', () => {
    assert.equal(
      rename('[uwsgi]\ndeclare-option = app=socket=$1\napp = :80\nap|p = :81\n', 'listen-on'),
      '[uwsgi]\ndeclare-option = listen-on=socket=$1\nlisten-on = :80\nlisten-on = :81\n',
    );
  });

  it('refuses to rename a uWSGI option, even one read as a placeholder', () => {
    assert.match(prepare('[uwsgi]\nsocket = :80\nhttp = %(sock|et)\n'), /^refused: `socket` is a uWSGI option/);
    assert.match(rename('[uwsgi]\nsocket = :80\nhttp = %(sock|et)\n', 'x'), /^refused: /);
  });

  it('refuses anything that is not a placeholder name', () => {
    assert.match(prepare('[uw|sgi]\n'), /^refused: Only placeholder names/);
    assert.match(prepare('[uwsgi]\nchdir = /sr|v\n'), /^refused: Only placeholder names/);
    assert.match(prepare('[uwsgi]\n# %(ba|se)\n'), /^refused: /);
    assert.match(prepare('|'), /^refused: /);
  });

  it('refuses %(_) inside a logic block', () => {
    assert.match(prepare('[uwsgi]\nfor = a b\nmount = /%(|_)=x\nendfor\n'), /^refused: `%\(_\)` is the loop item/);
  });

  it('rejects new names uWSGI would read differently', () => {
    const text = '[uwsgi]\nba|se = /srv\nchdir = %(base)\n';
    for (const bad of ['', 'a=b', 'a b', 'a(b', 'a)b', 'a%b', '#x', ';x', '[x']) {
      assert.match(rename(text, bad), /^refused: /, JSON.stringify(bad));
    }
    assert.match(rename(text, 'socket'), /^refused: `socket` is already an option name/);
    assert.match(rename('[uwsgi]\nba|se = /srv\nroot = /\nchdir = %(base)\n', 'root'), /^refused: `root` is already defined/);
  });

  it('renaming to the same name changes nothing', () => {
    assert.equal(rename('[uwsgi]\nba|se = /srv\nchdir = %(base)\n', 'base'), '[uwsgi]\nbase = /srv\nchdir = %(base)\n');
  });
});
