import { strict as assert } from 'node:assert';
import { Hover, MarkupContent } from 'vscode-languageserver-types';
import { documentOf, service, withCursor } from '../../support/spec';
import type { ClientFeatures } from '../../../server/src/service/markup';
import { allPhases } from '../../../server/src/registry/registry';

function hover(marked: string, settings?: unknown, features?: Partial<ClientFeatures>, uri?: string): Hover | null {
  const ls = service(settings, { clientFeatures: features });
  const { text, position } = withCursor(marked);
  return ls.doHover(ls.parse(documentOf(text, uri)), position);
}

/** The hover's text and the document text its range covers. */
function hovered(marked: string, settings?: unknown, features?: Partial<ClientFeatures>, uri?: string): { text: string; covers: string } {
  const result = hover(marked, settings, features, uri);
  assert.ok(result, `no hover at ${JSON.stringify(marked)}`);
  const { text } = withCursor(marked);
  const doc = documentOf(text);
  const range = result.range!;
  return { text: (result.contents as MarkupContent).value, covers: text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end)) };
}

describe('hover', () => {
  describe('option keys', () => {
    it('explains the option, its value, whether it repeats, uwsgiconf and the reference, over the key', () => {
      const { text, covers } = hovered('[uwsgi]\nvac|uum = true\n');
      assert.equal(covers, 'vacuum');
      assert.match(text, /^\*\*vacuum\*\*/);
      assert.match(text, /Value: flag — a boolean \(`false`, `off`, `no` or `0` switch it off/);
      assert.match(text, /Last value wins/);
      assert.match(text, /Core option; uWSGI 2\.0 and 2\.1/);
      assert.match(text, /`MainProcess\.set_basic_params\(vacuum=True\)`/);
      assert.match(text, /\(https:\/\/uwsgi-docs\.readthedocs\.io\/en\/latest\/Options\.html#vacuum\)/);
    });

    it('answers at the very start and the very end of the key', () => {
      assert.equal(hovered('[uwsgi]\n|vacuum = true\n').covers, 'vacuum');
      assert.equal(hovered('[uwsgi]\nvacuum| = true\n').covers, 'vacuum');
    });

    it('says a repeatable option adds one item per line', () => {
      assert.match(hovered('[uwsgi]\nsock|et = :3031\n').text, /Repeatable: each line adds one/);
    });

    it('says the value kind and the repeat once when the docs text is composed from the facts', () => {
      const paragraphs = hovered('[uwsgi]\nplugin-d|ir = /opt/plugins\n').text.split('\n\n');
      assert.equal(paragraphs[1], 'Takes a string; each occurrence adds one item. Repeatable: each line adds one.');
      assert.equal(paragraphs[2], 'Value: string list.');
    });

    it('warns when the option needs a plugin that is not loaded, or another version', () => {
      assert.match(hovered('[uwsgi]\nlu|a = app.lua\n').text, /Needs the `lua` plugin, which neither/);
      assert.doesNotMatch(hovered('[uwsgi]\nplugins = lua\nlu|a = app.lua\n').text, /which neither/);
      assert.match(hovered('[uwsgi]\nel|se =\n').text, /Exists in uWSGI 2\.1 only; the configured version is 2\.0/);
    });

    it('explains unknown keys used as placeholders and custom options', () => {
      assert.match(hovered('[uwsgi]\nba|se = /srv/%n\n').text, /not a uWSGI 2\.0 option[\s\S]*`%\(base\)` in later values reads `\/srv\/uwsgi`: uWSGI keeps the key as a placeholder, without any effect/);
      assert.match(hovered('[uwsgi]\ndeclare-option = app=socket=$1\nap|p = :3031\n').text, /custom option[\s\S]*line 2/);
    });

    it('uses the CRLF file\'s own lines', () => {
      const result = hover('[uwsgi]\r\nmaster = true\r\nvac|uum = true\r\n')!;
      assert.deepEqual(result.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
    });
  });

  describe('hook phases', () => {
    it('tells when the phase runs, in which process, as whom, what a failure does, uwsgiconf', () => {
      const { text, covers } = hovered('[uwsgi]\nhook-as-r|oot = mkdir:/run/app\n');
      assert.equal(covers, 'hook-as-root');
      assert.match(text, /^\*\*hook-as-root\*\*/);
      assert.match(text, /Start-up step 5 of \d+, after `post-jail` and before `as-user`/);
      assert.match(text, /still root/);
      assert.match(text, /If it fails: uWSGI stops/);
      assert.match(text, /`MainProcess\.phases\.PRIV_DROP_PRE`/);
      assert.match(text, /`hook-` runs a hook action/);
    });

    it('follows the family: call-as-root failures are ignored, exec- runs a shell command', () => {
      assert.match(hovered('[uwsgi]\ncall-as-r|oot = my_func\n').text, /If it fails: uWSGI logs it and goes on/);
      assert.match(hovered('[uwsgi]\nexec-as-u|ser = ls\n').text, /no longer root[\s\S]*`exec-` runs the value as a shell command/);
    });

    it('warns about a phase the configured version lacks', () => {
      assert.match(hovered('[uwsgi]\nhook-as-vassal-before-dr|op = print:x\n').text, /Not in uWSGI 2\.0, the configured version/);
      assert.doesNotMatch(hovered('[uwsgi]\nhook-as-vassal-before-dr|op = print:x\n', { version: '2.1' }).text, /Not in uWSGI/);
    });

    it('calls event phases what they are', () => {
      assert.match(hovered('[uwsgi]\nhook-as-vas|sal = print:x\n').text, /Runs when something happens after start-up/);
    });
  });

  describe('hook actions', () => {
    it('explains the action under the cursor, not its arguments', () => {
      const { text, covers } = hovered('[uwsgi]\nhook-asap = mk|dir:/run/app\n');
      assert.equal(covers, 'mkdir');
      assert.match(text, /^\*\*mkdir\*\* \(hook action\)/);
      assert.match(text, /Syntax: `mkdir:<path>`/);
      assert.equal(hover('[uwsgi]\nhook-asap = mkdir:/ru|n/app\n'), null);
    });

    it('says which actions need root, and finds the action after hook-touch\'s file', () => {
      assert.match(hovered('[uwsgi]\nhook-as-user = ch|own:/x a b\n').text, /Needs root/);
      assert.equal(hovered('[uwsgi]\nhook-touch = /tmp/reload pri|nt:reloading\n').covers, 'print');
      assert.equal(hovered('[uwsgi]\nhook-asap = !|unlink:/x\n').covers, 'unlink');
    });
  });

  describe('references in values', () => {
    it('shows where a placeholder is defined and what it resolves to', () => {
      const { text, covers } = hovered('[uwsgi]\nbase = %dapp\nchdir = %(ba|se)/src\n');
      assert.equal(covers, '%(base)');
      assert.match(text, /defined by `base = %dapp` on line 2/);
      assert.match(text, /resolves to `\/srv\/app\/app`/);
    });

    it('says an undefined placeholder stays as written', () => {
      assert.match(hovered('[uwsgi]\nchdir = %(no|pe)\n').text, /not defined in this section, so uWSGI leaves the text as written/);
    });

    it('does not guess values that depend on the environment', () => {
      assert.match(hovered('[uwsgi]\nbase = $(HOME)/app\nchdir = %(ba|se)\n').text, /not evaluated by the editor/);
    });

    it('explains `%(_)` inside a loop', () => {
      assert.match(hovered('[uwsgi]\nfor = a b\nsocket = /run/%(|_).sock\nendfor\n').text, /current item of the loop `for = a b` \(line 2\)/);
    });

    it('warns that immediate options do not expand placeholders', () => {
      assert.match(hovered('[uwsgi]\nbase = /etc\nini = %(ba|se)/x.ini\n').text, /`ini` is applied while uWSGI reads the file, so `%\(\.\.\.\)` is not expanded/);
      assert.doesNotMatch(hovered('[uwsgi]\nbase = /etc\nset = x=%(ba|se)\n').text, /not expanded/);
    });

    it('expands file magic variables from the document path', () => {
      assert.match(hovered('[uwsgi]\nchdir = %|d\n').text, /For this file: `\/srv\/app\/`/);
      assert.match(hovered('[uwsgi]\nlogto = /var/log/%n|.log\n').text, /For this file: `uwsgi`/);
      assert.match(hovered('[uwsgi]\nlogto = %0|\n', undefined, undefined, 'file:///etc/uwsgi/vassals/a.ini').text, /For this file: `etc`/);
      assert.match(hovered('[uwsgi]\nchdir = %|d\n', undefined, undefined, 'untitled:Untitled-1').text, /no file path yet/);
    });

    it('says what machine-dependent variables are, without a value', () => {
      const { text } = hovered('[uwsgi]\nprocname = app@%|h\n');
      assert.match(text, /hostname of the machine running uWSGI/);
      assert.match(text, /not evaluated by the editor/);
      assert.match(hovered('[uwsgi]\nchdir = /x%|z\n').text, /not a magic variable: uWSGI removes both characters/);
    });

    it('explains $(VAR) and @(...) without evaluating them', () => {
      const env = hovered('[uwsgi]\nchdir = $(HO|ME)/app\n');
      assert.equal(env.covers, '$(HOME)');
      assert.match(env.text, /environment variable `HOME`[\s\S]*Not evaluated by the editor/);
      const exec = hovered('[uwsgi]\nprocesses = @(exec://n|proc)\n');
      assert.match(exec.text, /`nproc`[\s\S]*runs the command with the shell[\s\S]*Not evaluated by the editor/);
      assert.match(hovered('[uwsgi]\nchdir = @(/etc/app/d|ir)\n').text, /the content of the file `\/etc\/app\/dir`/);
    });
  });

  describe('the specific fact first, the general background after', () => {
    const paragraphs = (marked: string): string[] => hovered(marked).text.split('\n\n');
    const startupSteps = allPhases().filter((p) => p.kind === 'startup').length;

    it('a phase opens with itself and when it runs; the hook family comes after the phase facts', () => {
      const asap = paragraphs('[uwsgi]\nhook-as|ap = mkdir:/run/app\n');
      assert.equal(asap[0], `**hook-asap** (hook phase \`asap\`). Start-up step 1 of ${startupSteps}, the first, before \`pre-jail\`.`);
      assert.match(asap[1]!, /^The earliest phase/);
      assert.equal(asap[2], 'Process: main process, right after the configuration is applied; it is still root (when started as root).  \nIf it fails: uWSGI stops.');
      assert.equal(asap[3], '`hook-` runs a hook action written `action:arguments`, e.g. `mkdir:/run/app`, when uWSGI reaches this phase; never run by the editor. The phase also takes `exec-asap`, `call-asap`, `mount-asap` and `umount-asap` lines.');
      assert.equal(paragraphs('[uwsgi]\nhook-accepting1-on|ce = print:x\n')[0], `**hook-accepting1-once** (hook phase \`accepting1-once\`). Start-up step ${startupSteps} of ${startupSteps}, after \`accepting1\`, the last.`);
    });

    it('an event phase opens with the event', () => {
      assert.equal(
        paragraphs('[uwsgi]\nhook-tou|ch = /srv/flush print:x\n')[0],
        '**hook-touch** (hook phase `touch`). Runs when something happens after start-up, not as a start-up step: master (needs master), when the named file changes.',
      );
    });

    it('a call variant is named as written', () => {
      assert.match(paragraphs('[uwsgi]\ncall-as-vas|sal1 = f\n')[0]!, /^\*\*call-as-vassal1\*\* \(hook phase `as-vassal`\)/);
    });

    it('an option opens with what it does; the value kind and the warnings follow', () => {
      const vacuum = paragraphs('[uwsgi]\nvac|uum = true\n');
      assert.equal(vacuum[0], '**vacuum**');
      assert.match(vacuum[1]!, /^On exit, removes the files uWSGI created/);
      assert.match(vacuum[2]!, /^Value: flag/);
      const lua = paragraphs('[uwsgi]\nlu|a = app.lua\n');
      assert.match(lua[2]!, /^⚠ Needs the `lua` plugin/);
      assert.match(lua[3]!, /^Value: text/);
    });

    it('an unknown key opens with what it reads as a placeholder', () => {
      assert.equal(
        hovered('[uwsgi]\nba|se = /srv\n').text,
        '**`base`** (not a uWSGI 2.0 option)\n\n`%(base)` in later values reads `/srv`: uWSGI keeps the key as a placeholder, without any effect as an option.',
      );
    });

    it('placeholder arithmetic opens with its operands, then how uWSGI computes', () => {
      assert.equal(
        hovered('[uwsgi]\na = 2\nb = %(a |+ x)\n').text,
        '`%(a + x)` is placeholder arithmetic with `a` = `2` and `x` = 0 (not defined).\n\nuWSGI applies `+ - * /` strictly left to right, and joins operands written side by side as text.' +
          '\n\nuWSGI applies `2` here (see **uWSGI: Show Effective Configuration**).',
      );
    });

    it('ends with the value uWSGI applies to the line, the one the effective configuration shows', () => {
      assert.match(hovered('[uwsgi]\nbase = /srv\nchdir = %(ba|se)/app\n').text, /\n\nuWSGI applies `\/srv\/app` here \(see \*\*uWSGI: Show Effective Configuration\*\*\)\.$/);
      // Nothing to add where the value is the placeholder alone: the hover said what it resolves to.
      assert.doesNotMatch(hovered('[uwsgi]\nbase = /srv\nchdir = %(ba|se)\n').text, /uWSGI applies `\/srv` here/);
    });

    it('@(...) opens with what replaces it', () => {
      assert.equal(
        hovered('[uwsgi]\nprocesses = @(exec://n|proc)\n').text,
        '`@(exec://nproc)` is replaced by what the command `nproc` prints.\n\nuWSGI runs the command with the shell when it loads this configuration. Not evaluated by the editor.',
      );
      assert.equal(
        hovered('[uwsgi]\nchdir = @(/etc/app/d|ir)\n').text,
        '`@(/etc/app/dir)` is replaced by the content of the file `/etc/app/dir`.\n\nuWSGI reads the file when it loads this configuration; one trailing newline is removed, and a missing file stops uWSGI. Not evaluated by the editor.',
      );
    });

    it('a reference an immediate option does not expand says so first', () => {
      assert.equal(
        hovered('[uwsgi]\nini = $(HO|ME)/x.ini\n').text,
        '⚠ `ini` is applied while uWSGI reads the file, so `$(...)` is not expanded in its value: uWSGI uses the text as written.\n\n' +
          '`$(HOME)` is replaced by the environment variable `HOME` when uWSGI applies the configuration; when it is unset the text stays as written.\n\nNot evaluated by the editor.',
      );
      assert.match(hovered('[uwsgi]\nbase = /etc\nini = %(ba|se)/x.ini\n').text, /^⚠ `ini` is applied while uWSGI reads the file, so `%\(\.\.\.\)` is not expanded/);
    });

    it('a private hook action says so right after what the action does', () => {
      const unlink = paragraphs('[uwsgi]\nhook-asap = !un|link:/x\n');
      assert.equal(unlink[0], '**unlink** (hook action)');
      assert.equal(unlink[2], 'The leading `!` keeps the arguments out of uWSGI\'s logs.');
      assert.match(unlink[3]!, /^Syntax: `unlink:<file>`/);
    });
  });

  describe('sections and the rest', () => {
    it('tells whether uWSGI reads a section', () => {
      assert.match(hovered('[uw|sgi]\n').text, /when the command line names none/);
      assert.match(hovered('[uwsgi]\nini = :dev\n[d|ev]\n').text, /Loaded by `ini = :dev` \(line 2\)/);
      assert.match(hovered('[uwsgi]\n[pr|od]\n').text, /only when started with `--ini file\.ini:prod`/);
    });

    it('has nothing to say about comments, blanks, plain values or empty documents', () => {
      assert.equal(hover('[uwsgi]\n# vac|uum\n'), null);
      assert.equal(hover('[uwsgi]\n|\n'), null);
      assert.equal(hover('[uwsgi]\nchdir = /s|rv\n'), null);
      assert.equal(hover('|'), null);
    });

    it('answers in plain text to clients without markdown', () => {
      const result = hover('[uwsgi]\nvac|uum = true\n', undefined, { markdown: false })!;
      const contents = result.contents as MarkupContent;
      assert.equal(contents.kind, 'plaintext');
      assert.match(contents.value, /^vacuum\n/);
      assert.doesNotMatch(contents.value, /\*\*|`/);
      assert.match(contents.value, /uWSGI option reference \(https:\/\/uwsgi-docs\.readthedocs\.io\/en\/latest\/Options\.html#vacuum\)/);
    });

    it('gives plain-text clients config text exactly as written, even when it looks like markdown', () => {
      const result = hover('[uwsgi]\nbase = a`b ``c`` _d_ **e** [f](g)\nchdir = %(ba|se)\n', undefined, { markdown: false })!;
      assert.equal((result.contents as MarkupContent).value, '%(base) is defined by base = a`b ``c`` _d_ **e** [f](g) on line 2.\n\nIt resolves to a`b ``c`` _d_ **e** [f](g).');
    });
  });
});

// What an editor's markdown renderer would make of a hover: markdown-it with raw HTML and
// linkify on, which is at least as eager as VS Code's renderer to turn text into links.
interface MarkdownToken { type: string; content: string; attrs: [string, string][] | null; children: MarkdownToken[] | null }
const MarkdownIt = require('markdown-it') as new (options: object) => { parse(src: string, env: object): MarkdownToken[] };
const renderer = new MarkdownIt({ html: true, linkify: true });

function inlineTokens(markdown: string): MarkdownToken[] {
  return renderer.parse(markdown, {}).flatMap((token) => [token, ...(token.children ?? [])]);
}

/** Text that closes code spans and writes every kind of link, image and HTML markdown knows. */
const EVIL = 'a` ![i](http://evil.test/i.png) [l](http://evil.test/l) <http://evil.test/a> http://evil.test/b www.evil.test x@evil.test <img src="http://evil.test/c"> **bold** `` ![j](http://evil.test/j.png) ``';
/** Without `)` and `=`, for names that end at the first `)` or `=`. */
const EVIL_NAME = 'b` <http://evil.test/a> http://evil.test/b www.evil.test x@evil.test <b>x</b> **bold** `` <http://evil.test/d> ``';
/** Without `:` and `-` too: an environment variable's name ends there. */
const EVIL_ENV = 'c` www.evil.test <b>x</b> **bold** ``';

describe('hover markdown with config text in it', () => {
  it('puts a section name that closes a code span into a longer fence', () => {
    assert.equal(
      hovered('[uwsgi]\n[a`![i](http://evil.test/i.png)|]\n').text,
      '**``[a`![i](http://evil.test/i.png)]``** (section)\n\nuWSGI reads this section only when started with ``--ini file.ini:a`![i](http://evil.test/i.png)``; otherwise it skips it.',
    );
  });

  // [hover kind, document, settings, uri]; the last three kinds show nothing of the value.
  const cases: [string, string, unknown?, string?][] = [
    ['a section nothing loads', `[uwsgi]\n[|${EVIL}]\n`],
    ['the checked section', `[|${EVIL}]\n`, { section: EVIL }],
    ['a section loaded by ini', `[uwsgi]\nini = :${EVIL}\n[|${EVIL}]\n[${EVIL}]\n`],
    ['a custom option', `[uwsgi]\ndeclare-option = app=socket=${EVIL}\nap|p = 1\n`],
    ['a custom option with a strange name', `[uwsgi]\ndeclare-option = ${EVIL_NAME}=socket=$1\n|${EVIL_NAME} = 1\n`],
    ['a key used as a placeholder', `[uwsgi]\n|${EVIL} = ${EVIL}\n`],
    ['a placeholder', `[uwsgi]\nbase = ${EVIL}\nbase = 2\nchdir = %(ba|se)\n`],
    ['a placeholder set by set-placeholder', `[uwsgi]\nset-placeholder = base=${EVIL}\nchdir = %(ba|se)\n`],
    ['a placeholder with a strange name', `[uwsgi]\n${EVIL_NAME} = 1\nchdir = %(|${EVIL_NAME})\n`],
    ['an undefined placeholder', `[uwsgi]\nchdir = %(|${EVIL_NAME})\n`],
    ['placeholder arithmetic', `[uwsgi]\na = ${EVIL}\nb = %(|a+${EVIL_NAME})\n`],
    ['the loop item', `[uwsgi]\nfor = ${EVIL}\nsocket = %(|_)\nendfor\n`],
    ['the tested value', `[uwsgi]\nif-env = ${EVIL}\nsocket = %(|_)\nendif\n`],
    ['a placeholder in an immediate option', `[uwsgi]\nbase = ${EVIL}\nini = %(|base)\n`],
    ['an environment variable', `[uwsgi]\nchdir = $(|${EVIL_ENV})\n`],
    ['an environment variable with a default', `[uwsgi]\nchdir = $(|${EVIL_ENV}:-${EVIL_NAME})\n`],
    ['a file reference', `[uwsgi]\nchdir = @(|${EVIL_NAME})\n`],
    ['a command reference', `[uwsgi]\nchdir = @(exec://|${EVIL_NAME})\n`],
    ['a magic variable of a strangely named file', '[uwsgi]\nchdir = %|n\n', undefined, 'file:///srv/a%60%60%20www.evil.test%20%3Cb%3E%20**bold**%20%60%60.ini'],
    ['a hook phase', `[uwsgi]\nhook-as|ap = ${EVIL}\n`],
    ['a hook action', `[uwsgi]\nhook-asap = mk|dir:${EVIL}\n`],
    ['an option', `[uwsgi]\nsock|et = ${EVIL}\n`],
  ];
  const quiet = new Set(['a hook phase', 'a hook action', 'an option']);
  for (const [kind, marked, settings, uri] of cases) {
    it(`${kind}: no link, image or HTML from the config, and its text only inside code`, () => {
      const tokens = inlineTokens(hovered(marked, settings, undefined, uri).text);
      const targets = tokens.flatMap((t) => (t.attrs ?? []).filter(([name]) => name === 'href' || name === 'src').map(([, value]) => value));
      assert.deepEqual(targets.filter((target) => !target.startsWith('https://uwsgi-docs.readthedocs.io/')), []);
      assert.deepEqual(tokens.filter((t) => t.type === 'image' || t.type.startsWith('html_')).map((t) => t.content), []);
      assert.deepEqual(tokens.filter((t) => t.type !== 'code_inline' && t.type !== 'inline' && /evil\.test|bold/.test(t.content)).map((t) => `${t.type}: ${t.content}`), []);
      if (!quiet.has(kind)) assert.ok(tokens.some((t) => t.type === 'code_inline' && t.content.includes('evil.test')), 'the hover shows the config text');
    });
  }
});
