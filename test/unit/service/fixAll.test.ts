import { strict as assert } from 'node:assert';
import { CodeActionKind } from 'vscode-languageserver-types';
import { applyAction, documentOf, fixedAll, service } from '../../support/spec';
import { FIX_ALL_KIND, differenceEdit, fixAll } from '../../../server/src/service/fixAll';

/** The source.fixAll action for a text, asked for with `only`. */
function fixAllActions(text: string, only: string[] | undefined) {
  const ls = service();
  const doc = ls.parse(documentOf(text));
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return ls.doCodeActions(doc, range, { diagnostics: ls.doValidation(doc), ...(only ? { only } : {}) }).filter((a) => a.kind === FIX_ALL_KIND);
}

describe('fix all', () => {
  it('applies the safe preferred fixes and leaves the unsafe ones', () => {
    const text = '[uwsgi]\nvaccum = true\nsocket = /run/app.sock\nharakiri = 30s\n';
    assert.equal(fixedAll(text), '[uwsgi]\nvacuum = true\nsocket = /run/app.sock\nharakiri = 30\n');
  });

  it('applies the unsafe ones too at the unsafe level', () => {
    assert.equal(fixedAll('[uwsgi]\nsocket = /run/app.sock\n', 'unsafe'), '[uwsgi]\nsocket = /run/app.sock\nuid = www-data\ngid = www-data\nvacuum = true\n');
  });

  it('never applies a fix that is not preferred, nor a guess between two candidates', () => {
    assert.equal(fixedAll('[uwsgi]\nprocesses = 4\nprocesses = 8\n', 'unsafe').startsWith('[uwsgi]\nprocesses = 4\nprocesses = 8\n'), true);
    assert.equal(fixedAll('[uwsgi]\nhook-asap = exce:ls\n'), '[uwsgi]\nhook-asap = exce:ls\n');
  });

  it('keeps CRLF, a byte order mark and the bytes around each fix', () => {
    assert.equal(fixedAll('\uFEFF# app\r\n[uwsgi]\r\n\tvaccum = true \r\nx-y = 1\r\n'), '\uFEFF# app\r\n[uwsgi]\r\n\tvacuum = true \r\nx-y = 1\r\n');
  });

  it('resolves overlapping edits in later rounds, deterministically', () => {
    // The rename and the comment line both edit the start of the line: one per round.
    const ls = service();
    const result = ls.fixAll(ls.parse(documentOf('[uwsgi]\nprocesess = 4 # four\n')), 'safe');
    assert.equal(result.text, '[uwsgi]\n# four\nprocesses = 4\n');
    assert.equal(result.rounds, 2);
    assert.equal(result.converged, true);
    assert.deepEqual(result.applied.map((fix) => `${fix.rule}: ${fix.title}`), [
      'unknown-option: Change to `processes`',
      'inline-comment: Move the comment to its own line above',
    ]);
  });

  it('stops at the round bound and says it did not settle', () => {
    const ls = service();
    const document = ls.parse(documentOf('[uwsgi]\nprocesess = 4 # four\n'));
    const host = { parse: (d: ReturnType<typeof documentOf>) => ls.parse(d), validate: ls.doValidation, settingsOf: ls.settingsOf };
    const result = fixAll(host, document, 'safe', 1);
    assert.equal(result.text, '[uwsgi]\nprocesses = 4 # four\n');
    assert.equal(result.rounds, 1);
    assert.equal(result.converged, false);
  });

  it('is idempotent: a second run changes nothing', () => {
    const text = '[uwsgi]\nprocesess = 4 # four\nmaster = true\nmaster = true\nendif\n';
    const once = fixedAll(text);
    assert.equal(once, '[uwsgi]\n# four\nprocesses = 4\nmaster = true\n');
    assert.equal(fixedAll(once), once);
  });

  it('gives nothing for a rule set to off', () => {
    assert.equal(fixedAll('[uwsgi]\nvaccum = true\n', 'safe', { diagnostics: { 'unknown-option': 'off' } }), '[uwsgi]\nvaccum = true\n');
  });

  it('offers source.fixAll.uwsgi-ini as one edit when the request asks for source actions', () => {
    const text = '[uwsgi]\nvaccum = true\nharakiri = 30s\n';
    for (const only of [[FIX_ALL_KIND], [CodeActionKind.SourceFixAll], [CodeActionKind.Source]]) {
      const actions = fixAllActions(text, only);
      assert.equal(actions.length, 1, only.join());
      assert.equal(actions[0]!.title, 'Fix all safe uwsgi-ini problems (2)');
      assert.equal(actions[0]!.edit!.changes![documentOf(text).uri]!.length, 1);
      assert.equal(applyAction(text, actions[0]!), '[uwsgi]\nvacuum = true\nharakiri = 30\n');
    }
  });

  it('offers no fix-all action for quick-fix requests, the lightbulb, or nothing to fix', () => {
    assert.deepEqual(fixAllActions('[uwsgi]\nvaccum = true\n', [CodeActionKind.QuickFix]), []);
    assert.deepEqual(fixAllActions('[uwsgi]\nvaccum = true\n', undefined), []);
    assert.deepEqual(fixAllActions('[uwsgi]\nsocket = /run/app.sock\n', [FIX_ALL_KIND]), []);
  });

  it('marks at most one quick fix per diagnostic preferred', () => {
    const ls = service();
    const text = '[uwsgi]\nbase = /srv\nbse = x\ninclude = %(bas)/x.ini\n';
    const doc = ls.parse(documentOf(text));
    for (const diagnostic of ls.doValidation(doc)) {
      const preferred = ls.doCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic] }).filter((a) => a.isPreferred);
      assert.ok(preferred.length <= 1, `${diagnostic.code}: ${preferred.map((a) => a.title).join(' | ')}`);
    }
  });

  it('writes the difference as one edit that never splits CRLF', () => {
    const before = 'a\r\nb\r\n';
    const edit = differenceEdit(documentOf(before), before, 'a\nb\r\n')!;
    assert.deepEqual(edit.range, { start: { line: 0, character: 1 }, end: { line: 1, character: 0 } });
    assert.equal(edit.newText, '\n');
    assert.equal(differenceEdit(documentOf(before), before, before), undefined);
  });
});
