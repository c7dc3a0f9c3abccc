import * as assert from 'node:assert/strict';
import { parseIni } from '../../../server/src/parser/parser';
import { DocumentModel, TOO_LARGE } from '../../../server/src/analysis/model';
import { AnalysisBudget, DEFAULT_ANALYSIS_LIMITS } from '../../../server/src/analysis/budget';

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

describe('DocumentModel: expansion and pulls within budgets', () => {
  it('expands placeholders through 8 levels, first definition first, and no deeper', () => {
    const lines = ['[uwsgi]', 'p0 = end', 'p0 = ignored'];
    for (let i = 1; i <= 9; i++) lines.push(`p${i} = %(p${i - 1})/${i}`);
    const model = modelOf(lines.join('\n') + '\n');
    assert.equal(model.resolveValue('x %(p7)'), 'x end/1/2/3/4/5/6/7', 'eight references deep');
    assert.equal(model.resolveValue('%(p8)'), undefined, 'nine references deep: past the depth of 8');
    assert.equal(model.resolveValue('%(p2)', 1), undefined, 'a smaller depth is honoured after a larger one was memoised');
  });

  it('gives unknown for a cycle and TOO_LARGE past the value budget, without building the value', () => {
    const model = modelOf(`[uwsgi]\na = %(b)\nb = %(a)%(a)\nc0 = xxxxxxxx\n${Array.from({ length: 40 }, (_, i) => `c${i + 1} = %(c${i})%(c${i})`).join('\n')}\n`);
    assert.equal(model.resolveValue('%(a)'), undefined);
    assert.equal(model.expandValue('%(c40)', 64), TOO_LARGE);
    assert.ok(model.resolveValue('%(c7)') === 'x'.repeat(8 * 128), 'a value within the budget is still expanded');
    assert.deepEqual(model.budgetProblems().map((p) => [p.kind, p.entry.key]), [['value-length', 'c14']]);
  });

  it('resolves the end of a chain of 100,000 names without deep recursion, and its first levels', () => {
    const model = modelOf(`[uwsgi]\nn0 = end\n${Array.from({ length: 100_000 }, (_, i) => `n${i + 1} = %(n${i})`).join('\n')}\n`);
    assert.equal(model.resolveValue('%(n100000)'), undefined);
    assert.equal(model.resolveValue('%(n7)'), 'end');
    assert.deepEqual(model.budgetProblems(), []);
  });

  it('applies each pulled section once, in the order of the first pull', () => {
    const model = modelOf('[uwsgi]\nini = :a\nini = :b\nini = :a\n[a]\nx = 1\nini = :b\n[b]\ny = 2\nini = :a\n');
    assert.deepEqual(model.applied.map((e) => `${e.key}=${e.value}`), ['ini=:a', 'x=1', 'ini=:b', 'y=2', 'ini=:a', 'ini=:b', 'ini=:a']);
    assert.deepEqual(model.budgetProblems(), []);
  });

  it('shares one pull budget between the models of a document', () => {
    const doc = parseIni(`[uwsgi]\n${Array.from({ length: 30 }, (_, i) => `[s${i}]\nini = :big\n`).join('')}[big]\n${'x = 1\n'.repeat(100)}`);
    const budget = new AnalysisBudget({ ...DEFAULT_ANALYSIS_LIMITS, maxPulledEntries: 1_000 });
    const models = Array.from({ length: 30 }, (_, i) => new DocumentModel(doc, { section: `s${i}`, budget }));
    assert.equal(models.filter((m) => m.has('x')).length, 10, 'ten pulls of 100 lines fit the budget of 1,000');
    assert.deepEqual(models[10]!.budgetProblems().map((p) => p.kind), ['pulled-entries']);
  });
});
