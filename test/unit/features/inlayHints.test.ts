import { strict as assert } from 'node:assert';
import { InlayHint, Range } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/languageService';
import { MAX_INLAY_HINTS } from '../../../server/src/service/inlayHints';
import { documentOf, fakeFileSystem, service } from '../../support/spec';

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

function hints(text: string, settings?: unknown, uri?: string, range: Range = WHOLE): InlayHint[] {
  const ls = service(settings);
  return ls.getInlayHints(ls.parse(documentOf(text, uri)), range);
}

/** Each hint as `line:character label`. */
function shown(text: string, settings?: unknown, uri?: string, range?: Range): string[] {
  return hints(text, settings, uri, range).map((h) => `${h.position.line}:${h.position.character} ${h.label as string}`);
}

describe('inlay hints', () => {
  it('shows the resolved value after a value with placeholders', () => {
    assert.deepEqual(shown('[uwsgi]\nbase = /srv/app\nchdir = %(base)/src\n'), ['2:19 → /srv/app/src']);
    assert.equal(hints('[uwsgi]\nbase = /srv/app\nchdir = %(base)/src\n')[0]!.paddingLeft, true);
  });

  it('follows placeholders through other placeholders', () => {
    assert.deepEqual(shown('[uwsgi]\nroot = /srv\nbase = %(root)/app\nchdir = %(base)\n'), ['2:18 → /srv/app', '3:15 → /srv/app']);
  });

  it('expands magic variables from the file path, also inside placeholder values', () => {
    assert.deepEqual(shown('[uwsgi]\nlogto = /var/log/%n.log\n'), ['1:23 → /var/log/uwsgi.log']);
    assert.deepEqual(shown('[uwsgi]\nbase = %dapp\nchdir = %(base)\n'), ['1:12 → /srv/app/app', '2:15 → /srv/app/app']);
    assert.deepEqual(shown('[uwsgi]\nname = %c-%2\n', undefined, 'file:///etc/uwsgi/vassals/a.ini'), ['1:12 → vassals-vassals']);
    assert.deepEqual(shown('[uwsgi]\ndiscount = 100%%\n'), ['1:16 → 100%']);
  });

  it('shows nothing when any part cannot be known here', () => {
    assert.deepEqual(shown('[uwsgi]\nchdir = $(HOME)/%n\n'), []);
    assert.deepEqual(shown('[uwsgi]\nchdir = %(nope)/x\n'), []);
    assert.deepEqual(shown('[uwsgi]\nprocname = app@%h\n'), []);
    assert.deepEqual(shown('[uwsgi]\nbase = @(/etc/base)\nchdir = %(base)\n'), []);
    assert.deepEqual(shown('[uwsgi]\nlogto = /var/log/%n.log\n', undefined, 'untitled:Untitled-1'), []);
  });

  it('shows nothing for values without references', () => {
    assert.deepEqual(shown('[uwsgi]\nchdir = /srv/app\nsocket = :3031\n'), []);
  });

  it('leaves `%(...)` in immediate options alone, as uWSGI does', () => {
    assert.deepEqual(shown('[uwsgi]\nbase = /etc\nini = %(base)/x.ini\n'), []);
    assert.deepEqual(shown('[uwsgi]\nini = %dother.ini\n'), ['1:17 → /srv/app/other.ini']);
    assert.deepEqual(shown('[uwsgi]\nbase = /etc\nset = conf=%(base)/x\n'), ['2:20 → conf=/etc/x']);
  });

  it('shows nothing inside a for or if block, where `%(_)` changes per line', () => {
    assert.deepEqual(shown('[uwsgi]\nfor = a b\nsocket = /run/%(_).sock\nendfor\n'), []);
  });

  it('reads each section with its own placeholders', () => {
    assert.deepEqual(shown('[uwsgi]\nbase = /a\nchdir = %(base)\n[dev]\nbase = /b\nchdir = %(base)\n'), ['2:15 → /a', '5:15 → /b']);
  });

  it('answers only within the requested range', () => {
    const text = '[uwsgi]\nbase = /srv\na = %(base)/1\nb = %(base)/2\nc = %(base)/3\n';
    const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 13 } };
    assert.deepEqual(shown(text, undefined, undefined, range), ['3:13 → /srv/2']);
  });

  it('truncates long values, keeping the whole one in the tooltip', () => {
    const long = '/srv/' + 'x'.repeat(100);
    const [hint] = hints(`[uwsgi]\nbase = ${long}\nchdir = %(base)\n`);
    const label = hint!.label as string;
    assert.ok(label.length <= 62, `label of ${label.length} characters`);
    assert.ok(label.endsWith('…'));
    assert.equal(hint!.tooltip, long);
  });

  it('can be switched off', () => {
    assert.deepEqual(shown('[uwsgi]\nbase = /srv\nchdir = %(base)\n', { inlayHints: { placeholders: false } }), []);
  });

  it('places hints in CRLF files at the end of the value', () => {
    assert.deepEqual(shown('[uwsgi]\r\nbase = /srv\r\nchdir = %(base)  \r\n'), ['2:15 → /srv']);
  });

  it('shows what uWSGI applies, as the effective configuration does: placeholders of included files, no false blocks', () => {
    const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/base.ini': '[uwsgi]\nbase = /srv/shop\n' });
    const ls = getLanguageService({}, { fileSystem: fs });
    const text = '[uwsgi]\ninclude = %dbase.ini\nchdir = %(base)/src\nif-exists = %dnope\nlogto = %(base)/log\nendif =\n';
    const document = ls.parse(documentOf(text));
    assert.deepEqual(ls.getInlayHints(document, WHOLE).map((h) => `${h.position.line} ${h.label as string}`), ['1 → /srv/app/base.ini', '2 → /srv/shop/src', '3 → /srv/app/nope']);
    const view = ls.doEffectiveConfiguration(document).lines.map((l) => `${l.key} = ${l.value}`);
    assert.ok(view.includes('chdir = /srv/shop/src'), view.join('\n'));
  });

  it('answers at most MAX_INLAY_HINTS hints, the first ones, however many lines resolve', () => {
    const lines = Array.from({ length: MAX_INLAY_HINTS + 500 }, (_, i) => `n${i + 1} = %(n${i})`);
    const shownHints = shown(`[uwsgi]\nn0 = /srv\n${lines.join('\n')}\n`);
    assert.equal(shownHints.length, MAX_INLAY_HINTS);
    assert.deepEqual([shownHints[0], shownHints[MAX_INLAY_HINTS - 1]], ['2:10 → /srv', `${MAX_INLAY_HINTS + 1}:${`n${MAX_INLAY_HINTS} = %(n${MAX_INLAY_HINTS - 1})`.length} → /srv`]);
  });

  it('is empty for an empty document', () => {
    assert.deepEqual(shown(''), []);
  });
});
