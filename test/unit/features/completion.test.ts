import { strict as assert } from 'node:assert';
import { CompletionItem, CompletionItemTag, CompletionList, InsertTextFormat, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/languageService';
import { applyEdits, documentOf, fakeFileSystem, service, withCursor } from '../../support/spec';
import type { ClientFeatures } from '../../../server/src/service/markup';

function complete(marked: string, settings?: unknown, features?: Partial<ClientFeatures>, uri?: string): CompletionList {
  const ls = service(settings, { clientFeatures: features });
  const { text, position } = withCursor(marked);
  return ls.doComplete(ls.parse(documentOf(text, uri)), position);
}

function labels(marked: string, settings?: unknown): string[] {
  return complete(marked, settings).items.map((i) => i.label);
}

function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} among ${list.items.slice(0, 30).map((i) => i.label).join(', ')}`);
  return found;
}

/** The text after accepting `label` (snippet syntax left as is). */
function accept(marked: string, label: string, features?: Partial<ClientFeatures>, settings?: unknown): string {
  const { text } = withCursor(marked);
  const edit = item(complete(marked, settings, features), label).textEdit as TextEdit;
  return applyEdits(text, [edit]);
}

/** The text the edit's range covers. */
function covers(marked: string, label: string): string {
  const { text } = withCursor(marked);
  const edit = item(complete(marked), label).textEdit as TextEdit;
  const doc = documentOf(text);
  return text.slice(doc.offsetAt(edit.range.start), doc.offsetAt(edit.range.end));
}

function bySortText(list: CompletionList): string[] {
  return [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
}

describe('completion', () => {
  describe('option keys', () => {
    it('offers every option of the configured version on a blank line, to be asked again as the key is typed', () => {
      const list = complete('[uwsgi]\n|\n');
      // Whatever is typed next may start `hook-`, whose list differs (see "hook phases").
      assert.equal(list.isIncomplete, true);
      const names = list.items.map((i) => i.label);
      assert.ok(names.length > 1000, `only ${names.length} options`);
      for (const name of ['master', 'vacuum', 'socket', 'module', 'hook-asap', 'endif']) assert.ok(names.includes(name), name);
      // `else` and `hook-as-vassal-before-drop` exist on the 2.1 branch only.
      assert.ok(!names.includes('else'));
      assert.ok(!names.includes('hook-as-vassal-before-drop'));
      assert.ok(labels('[uwsgi]\n|\n', { version: '2.1' }).includes('hook-as-vassal-before-drop'));
    });

    it('ranks the options real configs use most first', () => {
      const order = bySortText(complete('[uwsgi]\n|\n'));
      assert.ok(order.indexOf('master') < 10, `master at ${order.indexOf('master')}`);
      assert.ok(order.indexOf('processes') < order.indexOf('cgi-mode'));
    });

    it('replaces the whole key under the cursor and keeps an existing `=`', () => {
      assert.equal(covers('[uwsgi]\nvac|cum = true\n', 'vacuum'), 'vaccum');
      assert.equal(accept('[uwsgi]\nvac|cum = true\n', 'vacuum'), '[uwsgi]\nvacuum = true\n');
      assert.equal(covers('[uwsgi]\n|vaccum = true\n', 'vacuum'), 'vaccum');
      assert.equal(covers('[uwsgi]\nvaccum| = true\n', 'vacuum'), 'vaccum');
      assert.equal(covers('[uwsgi]\n  proc|\n', 'processes'), 'proc');
    });

    it('inserts `key = ` and `key = true` for flags, as snippets when the client takes them', () => {
      assert.equal(accept('[uwsgi]\nvac|\n', 'vacuum', { snippets: true }), '[uwsgi]\nvacuum = ${1|true,false|}\n');
      assert.equal(accept('[uwsgi]\nchd|\n', 'chdir', { snippets: true }), '[uwsgi]\nchdir = ${1}\n');
      assert.equal(accept('[uwsgi]\nvac|\n', 'vacuum', { snippets: false }), '[uwsgi]\nvacuum = true\n');
      assert.equal(accept('[uwsgi]\nchd|\n', 'chdir', { snippets: false }), '[uwsgi]\nchdir = \n');
      assert.equal(item(complete('[uwsgi]\nchd|\n', undefined, { snippets: false }), 'chdir').insertTextFormat, InsertTextFormat.PlainText);
      assert.equal(item(complete('[uwsgi]\nchd|\n', undefined, { snippets: true }), 'chdir').insertTextFormat, InsertTextFormat.Snippet);
    });

    it('describes each option: value type, plugin, documentation', () => {
      const list = complete('[uwsgi]\n|\n');
      assert.equal(item(list, 'vacuum').detail, 'flag · core');
      assert.equal(item(list, 'module').detail, 'text · python plugin');
      const docs = item(list, 'vacuum').documentation as MarkupContent;
      assert.equal(docs.kind, 'markdown');
      assert.match(docs.value, /^\*\*vacuum\*\*/);
      assert.match(docs.value, /Options\.html#vacuum/);
    });

    it('tags deprecated options', () => {
      assert.deepEqual(item(complete('[uwsgi]\n|\n', { version: '2.1' }), 'die-on-term').tags, [CompletionItemTag.Deprecated]);
      assert.equal(item(complete('[uwsgi]\n|\n', { version: '2.0' }), 'die-on-term').tags, undefined);
    });

    it('sinks last-wins options already set, not repeatable ones', () => {
      const list = complete('[uwsgi]\nmaster = true\nsocket = :3031\n|\n');
      const order = bySortText(list);
      assert.ok(order.indexOf('master') > order.indexOf('zerg'), 'master after every unset option');
      assert.match(item(list, 'master').detail!, /already set/);
      assert.ok(order.indexOf('socket') < 10, 'socket can be repeated');
    });

    it('offers options of plugins that are not loaded last, saying which plugin they need', () => {
      const list = complete('[uwsgi]\n|\n');
      assert.match(item(list, 'lua').detail!, /needs plugin lua/);
      const order = bySortText(list);
      assert.ok(order.indexOf('lua') > order.indexOf('zerg'));
      assert.doesNotMatch(item(complete('[uwsgi]\nplugins = lua\n|\n'), 'lua').detail!, /needs plugin/);
      assert.doesNotMatch(item(complete('[uwsgi]\n|\n', { plugins: ['lua51'] }), 'lua').detail!, /needs plugin/);
    });

    it('offers options declared with declare-option', () => {
      assert.match(item(complete('[uwsgi]\ndeclare-option = app=socket=$1\n|\n'), 'app').detail!, /declare-option, line 2/);
    });

    it('offers a section header on a blank line before any header', () => {
      assert.ok(labels('|').includes('[uwsgi]'));
      assert.equal(accept('|', '[uwsgi]'), '[uwsgi]');
      assert.ok(!labels('[uwsgi]\n|\n').includes('[uwsgi]'));
    });

    it('answers in CRLF files with ranges on the right line', () => {
      const list = complete('[uwsgi]\r\nmaster = true\r\nvac|\r\n');
      assert.deepEqual((item(list, 'vacuum').textEdit as TextEdit).range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
      assert.equal(accept('[uwsgi]\r\nvac|\r\n', 'vacuum', { snippets: false }), '[uwsgi]\r\nvacuum = true\r\n');
    });

    it('offers nothing in comments, indentation before a key, or after the key and its blanks', () => {
      assert.deepEqual(labels('[uwsgi]\n# mas|ter\n'), []);
      assert.deepEqual(labels('[uwsgi]\n |  master = true\n'), []);
      assert.deepEqual(labels('[uwsgi]\nmaster | = true\n'), []);
    });
  });

  describe('hook phases', () => {
    it('offers exactly the phases of the family after `hook-`', () => {
      const names = labels('[uwsgi]\nhook-|\n');
      for (const name of ['hook-asap', 'hook-as-root', 'hook-as-user', 'hook-touch', 'hook-accepting1-once']) assert.ok(names.includes(name), name);
      assert.ok(names.every((n) => n.startsWith('hook-')));
      assert.ok(!names.includes('hook-as-vassal-before-drop'), '2.1 only');
      assert.ok(labels('[uwsgi]\nhook-|\n', { version: '2.1' }).includes('hook-as-vassal-before-drop'));
    });

    it('lists them in start-up order with their documentation', () => {
      const list = complete('[uwsgi]\nhook-a|\n');
      const order = bySortText(list);
      assert.ok(order.indexOf('hook-asap') < order.indexOf('hook-as-root'));
      assert.ok(order.indexOf('hook-as-root') < order.indexOf('hook-as-user'));
      assert.match((item(list, 'hook-as-root').documentation as MarkupContent).value, /as-root/);
      assert.equal(covers('[uwsgi]\nhook-a|\n', 'hook-asap'), 'hook-a');
    });

    it('is asked again while the key may still grow into a family prefix, and no longer after', () => {
      // VS Code does not re-ask on a `-` that is part of the word: only an incomplete list makes
      // it ask again, and without that `hook-` kept the option list it had for `h`.
      for (const marked of ['[uwsgi]\nh|\n', '[uwsgi]\nhook|\n', '[uwsgi]\nex|\n', '[uwsgi]\nc|\n', '[uwsgi]\nmount|\n', '[uwsgi]\num|\n']) {
        assert.equal(complete(marked).isIncomplete, true, marked);
      }
      for (const marked of ['[uwsgi]\nhooks|\n', '[uwsgi]\nmas|\n', '[uwsgi]\nhook-|\n', '[uwsgi]\nhook-as|\n', '[uwsgi]\nhttp-|\n']) {
        assert.equal(complete(marked).isIncomplete, false, marked);
      }
    });

    it('puts each family\'s start-up phases first in start-up order, asap first, filtered by the whole key', () => {
      for (const family of ['hook', 'exec', 'call', 'mount', 'umount']) {
        const list = complete(`[uwsgi]\n${family}-|\n`);
        const order = bySortText(list);
        assert.equal(order[0], `${family}-asap`, family);
        assert.ok(order.indexOf(`${family}-as-root`) < order.indexOf(`${family}-as-vassal`), family);
        assert.equal(item(list, `${family}-as-root`).filterText, `${family}-as-root`);
      }
      const order = bySortText(complete('[uwsgi]\nhook-|\n'));
      for (const [earlier, later] of [['hook-asap', 'hook-as-root'], ['hook-as-root', 'hook-as-user'], ['hook-as-user', 'hook-pre-app'], ['hook-pre-app', 'hook-post-app'], ['hook-as-user', 'hook-master-start']]) {
        assert.ok(order.indexOf(earlier!) < order.indexOf(later!), `${earlier} before ${later}`);
      }
    });

    it('leaves the cursor after ` = ` with the action list opening when a hook phase is accepted', () => {
      assert.equal(accept('[uwsgi]\nhook-|\n', 'hook-asap', { snippets: true }), '[uwsgi]\nhook-asap = ${1}\n');
      assert.equal(accept('[uwsgi]\nhook-|\n', 'hook-asap', { snippets: false }), '[uwsgi]\nhook-asap = \n');
      assert.deepEqual(item(complete('[uwsgi]\nhook-|\n'), 'hook-asap').command, { title: 'Suggest hook actions', command: 'editor.action.triggerSuggest' });
      // The same item reached through the option list, before the `-` is typed.
      assert.equal(item(complete('[uwsgi]\nhoo|\n'), 'hook-as-root').command?.command, 'editor.action.triggerSuggest');
      // The actions the command opens are there at that cursor.
      assert.ok(labels('[uwsgi]\nhook-asap = |\n').includes('mkdir'));
    });

    it('opens no list after phases whose value is not an action, or when the `=` is already there', () => {
      assert.equal(item(complete('[uwsgi]\nhook-|\n'), 'hook-touch').command, undefined, 'its file comes first');
      assert.equal(item(complete('[uwsgi]\nexec-|\n'), 'exec-asap').command, undefined);
      assert.equal(item(complete('[uwsgi]\ncall-|\n'), 'call-asap').command, undefined);
      assert.equal(item(complete('[uwsgi]\nhook-|= mkdir:/x\n'), 'hook-asap').command, undefined);
      assert.equal(item(complete('[uwsgi]\nmas|\n'), 'master').command, undefined);
    });

    it('knows which families a phase has', () => {
      const mount = labels('[uwsgi]\nmount-|\n');
      assert.ok(mount.includes('mount-as-root'));
      assert.ok(!mount.includes('mount-as-user'), 'there is no mount-as-user');
      assert.ok(!mount.includes('mount-check'), 'an option, not a phase');
      const call = labels('[uwsgi]\ncall-|\n');
      assert.ok(call.includes('call-as-vassal1') && call.includes('call-as-user'));
      assert.deepEqual(labels('[uwsgi]\numount-|\n').filter((n) => n === 'umount-as-user'), []);
    });
  });

  describe('values', () => {
    it('offers every hook action with its syntax as a snippet', () => {
      const list = complete('[uwsgi]\nhook-asap = |\n');
      assert.equal((item(list, 'mkdir').textEdit as TextEdit).newText, 'mkdir:${1:path}');
      assert.equal((item(list, 'write').textEdit as TextEdit).newText, 'write:${1:file} ${2:content}');
      assert.match(item(list, 'mkdir').detail!, /mkdir:<path>/);
      assert.match((item(list, 'chown').documentation as MarkupContent).value, /\*\*chown\*\*/);
      assert.equal(accept('[uwsgi]\nhook-asap = |\n', 'mkdir', { snippets: false }), '[uwsgi]\nhook-asap = mkdir:\n');
    });

    it('replaces only the action name when its arguments are already written', () => {
      assert.equal(accept('[uwsgi]\nhook-asap = mk|dr:/run/app\n', 'mkdir'), '[uwsgi]\nhook-asap = mkdir:/run/app\n');
      assert.equal(accept('[uwsgi]\nhook-asap = !|:/x\n', 'unlink'), '[uwsgi]\nhook-asap = !unlink:/x\n');
      assert.deepEqual(labels('[uwsgi]\nhook-asap = mkdir:/ru|n\n'), []);
    });

    it('adds the space after a bare `=`', () => {
      assert.equal(accept('[uwsgi]\nhook-asap =|\n', 'mkdir', { snippets: false }), '[uwsgi]\nhook-asap = mkdir:\n');
    });

    it('offers actions after the file of hook-touch, and nothing for exec- hooks', () => {
      assert.deepEqual(labels('[uwsgi]\nhook-touch = /tmp/re|load\n'), []);
      assert.equal(accept('[uwsgi]\nhook-touch = /tmp/reload |\n', 'print', { snippets: false }), '[uwsgi]\nhook-touch = /tmp/reload print:\n');
      assert.deepEqual(labels('[uwsgi]\nexec-asap = |\n'), []);
    });

    it('offers true and false for flags, replacing the value', () => {
      assert.deepEqual(labels('[uwsgi]\nmaster = |\n'), ['true', 'false']);
      assert.equal(accept('[uwsgi]\nmaster = tr|ue\n', 'false'), '[uwsgi]\nmaster = false\n');
      assert.deepEqual(labels('[uwsgi]\nprocesses = |\n'), []);
    });

    it('offers plugin names, also after a comma, replacing one item', () => {
      assert.ok(labels('[uwsgi]\nplugins = |\n').includes('python'));
      assert.ok(labels('[uwsgi]\nneed-plugin = |\n').includes('http'));
      assert.ok(!labels('[uwsgi]\nplugin = |\n').includes('core'));
      assert.equal(accept('[uwsgi]\nplugins = python,|\n', 'http'), '[uwsgi]\nplugins = python,http\n');
      assert.equal(accept('[uwsgi]\nplugins = python, ht|tpx,gevent\n', 'http'), '[uwsgi]\nplugins = python, http,gevent\n');
    });

    it('offers the other sections of this file after `ini = :`', () => {
      assert.deepEqual(labels('[uwsgi]\nini = :|\n[dev]\nx = 1\n[prod]\ny = 2\n[dev]\n'), ['dev', 'prod']);
      assert.equal(accept('[uwsgi]\nini = %p:d|\n[dev]\n', 'dev'), '[uwsgi]\nini = %p:dev\n[dev]\n');
      assert.deepEqual(labels('[uwsgi]\nini = other.ini|\n[dev]\n'), []);
    });

    it('offers the placeholders of this section inside `%(`, with their values', () => {
      const list = complete('[uwsgi]\nbase = /srv/app\nset-placeholder = env=prod\nchdir = %(|\n');
      assert.equal(item(list, 'base').detail, '/srv/app');
      assert.equal(item(list, 'env').detail, 'prod');
      assert.ok(!list.items.some((i) => i.label === 'chdir'), 'not the line being written');
      assert.equal(accept('[uwsgi]\nbase = /srv/app\nchdir = %(|\n', 'base'), '[uwsgi]\nbase = /srv/app\nchdir = %(base)\n');
      assert.equal(accept('[uwsgi]\nbase = /srv/app\nchdir = %(b|ax)/src\n', 'base'), '[uwsgi]\nbase = /srv/app\nchdir = %(base)/src\n');
      assert.ok(!labels('[other]\nsecret = 1\n[uwsgi]\nchdir = %(|\n').includes('secret'), 'other sections are not read');
    });

    it('offers the placeholders an included file defines, after this file\'s own, with where they are set', () => {
      const fs = fakeFileSystem({ '/srv/app/uwsgi.ini': '', '/srv/app/base.ini': '[uwsgi]\nroot = /srv/shop\nini = %p:more\n[more]\nvenv = %(root)/venv\n' });
      const ls = getLanguageService({}, { fileSystem: fs });
      const { text, position } = withCursor('[uwsgi]\ninclude = %dbase.ini\nbase = /x\nchdir = %(|\n');
      const list = ls.doComplete(ls.parse(documentOf(text)), position);
      const names = list.items.map((i) => `${i.label as string}: ${i.detail}`);
      assert.deepEqual(names.filter((n) => /^(base|root|venv):/.test(n)), ['base: /x', 'root: /srv/shop (base.ini:2)', 'venv: %(root)/venv (base.ini:5)']);
    });

    it('offers `_` inside a for or if block only', () => {
      assert.match(item(complete('[uwsgi]\nfor = a b\nsocket = /run/%(|.sock\nendfor\n'), '_').detail!, /current item of `for` \(line 2\)/);
      assert.ok(labels('[uwsgi]\nif-env = HOME\nchdir = %(|\nendif\n').includes('_'));
      assert.ok(!labels('[uwsgi]\nchdir = %(|\n').includes('_'));
    });

    it('offers magic variables after `%`, with their value for this file', () => {
      const list = complete('[uwsgi]\nchdir = %|x\n');
      assert.equal(item(list, '%d').detail, '/srv/app/');
      assert.equal(item(list, '%n').detail, 'uwsgi');
      assert.equal(item(list, '%h').detail, 'known when uWSGI runs');
      assert.equal(accept('[uwsgi]\nchdir = %|x\n', '%d'), '[uwsgi]\nchdir = %dx\n');
      assert.equal(item(complete('[uwsgi]\nchdir = %|x\n', undefined, undefined, 'untitled:Untitled-1'), '%d').detail, 'known when uWSGI runs');
    });

    it('treats a `%` typed at the end of a line as the start of a magic variable', () => {
      assert.equal(accept('[uwsgi]\nchdir = %|\nmaster = true\n', '%d'), '[uwsgi]\nchdir = %d\nmaster = true\n');
      assert.ok(labels('[uwsgi]\nbase = /x\nchdir = %|\n').includes('%(base)'));
    });

    it('leaves `%%(` alone: it is a literal percent sign', () => {
      assert.deepEqual(labels('[uwsgi]\nbase = 1\nchdir = %%(|\n'), []);
    });
  });

  describe('section headers', () => {
    it('offers uwsgi and the sections that `ini = :name` loads', () => {
      assert.deepEqual(labels('[uwsgi]\nini = :dev\n[|]\n'), ['dev', 'uwsgi']);
      assert.equal(accept('[uw|\n', 'uwsgi'), '[uwsgi]\n');
      assert.equal(accept('[|dev]\n', 'uwsgi'), '[uwsgi]\n');
      assert.deepEqual(labels('|[uwsgi]\n'), []);
    });
  });

  describe('client features', () => {
    it('defers documentation to resolve when the client asks for it', () => {
      const ls = service(undefined, { clientFeatures: { resolveDocumentation: true } });
      const { text, position } = withCursor('[uwsgi]\nvac|\n');
      const vacuum = ls.doComplete(ls.parse(documentOf(text)), position).items.find((i) => i.label === 'vacuum')!;
      assert.equal(vacuum.documentation, undefined);
      const resolved = ls.doResolveCompletion(vacuum);
      assert.match((resolved.documentation as MarkupContent).value, /^\*\*vacuum\*\*/);
    });

    it('writes plain-text documentation for clients without markdown', () => {
      const docs = item(complete('[uwsgi]\n|\n', undefined, { markdown: false }), 'vacuum').documentation as MarkupContent;
      assert.equal(docs.kind, 'plaintext');
      assert.doesNotMatch(docs.value, /\*\*|`/);
      assert.match(docs.value, /^vacuum\n/);
    });
  });

  it('keeps edit ranges on the cursor\'s line when a `%` joins a key over two lines', () => {
    const edit = item(complete('[uwsgi]\nhook-%\nas|ap = mkdir:/x\n'), 'hook-asap').textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  });

  it('never throws on an empty document or positions past the end', () => {
    assert.ok(labels('|').length > 1000);
    const ls = service();
    const parsed = ls.parse(documentOf('[uwsgi]\nmaster = true'));
    assert.doesNotThrow(() => ls.doComplete(parsed, { line: 99, character: 99 }));
  });
});
