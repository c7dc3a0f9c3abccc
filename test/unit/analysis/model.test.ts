import * as assert from 'node:assert/strict';
import { parseIni } from '../../../server/src/parser/parser';
import { DocumentModel } from '../../../server/src/analysis/model';

function modelOf(text: string): DocumentModel {
  return new DocumentModel(parseIni(text), { section: 'uwsgi' });
}

describe('DocumentModel: per-key queries', () => {
  it('entriesWhere gives the matching entries in applied order, sections pulled in at their loader line', () => {
    const model = modelOf('[uwsgi]\nuid = a\nini = :extra\ngid = b\nuid = c\n[extra]\ngid = d\n');
    const found = model.entriesWhere((key) => key === 'uid' || key === 'gid').map((entry) => `${entry.key}=${entry.value}`);
    assert.deepEqual(found, ['uid=a', 'gid=d', 'gid=b', 'uid=c']);
  });

  it('entriesWhere keeps applied order when many entries of several keys match', () => {
    const lines = ['[uwsgi]'];
    for (let i = 0; i < 100; i++) lines.push(i % 3 === 0 ? `uid = u${i}` : i % 3 === 1 ? `gid = g${i}` : `env = e${i}`);
    const model = modelOf(lines.join('\n') + '\n');
    const found = model.entriesWhere((key) => key !== 'env').map((entry) => entry.value);
    const expected = model.applied.filter((entry) => entry.key !== 'env').map((entry) => entry.value);
    assert.equal(found.length, 67);
    assert.deepEqual(found, expected);
  });

  it('entriesWhere asks about each distinct key once', () => {
    const model = modelOf('[uwsgi]\nprocesses = 1\nprocesses = 2\nmaster = true\n');
    const asked: string[] = [];
    model.entriesWhere((key) => {
      asked.push(key);
      return false;
    });
    assert.deepEqual(asked, ['processes', 'master']);
  });

  it('isDefined and definition answer for keys and set-placeholder names without building every definition', () => {
    const model = modelOf('[uwsgi]\nbase = /srv\nset-placeholder = port=8000\nbase = /opt\n');
    assert.equal(model.isDefined('base'), true);
    assert.equal(model.isDefined('port'), true);
    assert.equal(model.isDefined('missing'), false);
    assert.equal(model.definition('base')?.value, '/srv');
    assert.equal(model.definition('port')?.kind, 'set-placeholder');
    assert.equal(model.definition('missing'), undefined);
  });

  it('the first definition wins whether it is a key or a set-placeholder name', () => {
    const model = modelOf('[uwsgi]\nset-placeholder = app=first\napp = second\n');
    assert.equal(model.definition('app')?.value, 'first');
    assert.deepEqual(model.definitions.get('app')?.map((d) => d.value), ['first', 'second']);
  });

  it('definedNames lists each name once in first-definition order, the same as the definitions map', () => {
    const text = '[uwsgi]\nset-placeholder = a=1\nb = 2\nset = b=3\nset-ph = c=4\nd = 5\ndeclare-option = e=socket=$1\n';
    const names = modelOf(text).definedNames();
    assert.deepEqual(names, ['set-placeholder', 'a', 'b', 'set', 'set-ph', 'c', 'd', 'declare-option', 'e']);
    assert.deepEqual(names, [...modelOf(text).definitions.keys()]);
  });

  it('isLiteralValue is false for values with references, magic variables or a joined line', () => {
    const model = modelOf('[uwsgi]\na = plain value\nb = %(a)\nc = $(HOME)\nd = @(file)\ne = %n\nf = one %\n two\n');
    const literal = Object.fromEntries(model.applied.map((entry) => [entry.key, model.isLiteralValue(entry)]));
    assert.deepEqual(literal, { a: true, b: false, c: false, d: false, e: false, f: false });
  });
});
