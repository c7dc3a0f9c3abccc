import { strict as assert } from 'node:assert';
import { Hover, MarkupContent } from 'vscode-languageserver-types';
import { documentOf, service, withCursor } from '../../support/spec';
import type { ClientFeatures } from '../../../server/src/service/markup';

function hover(marked: string, settings?: unknown, features?: Partial<ClientFeatures>, uri?: string): Hover | null {
  const ls = service(settings);
  if (features) ls.configureClient(features);
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
      assert.match(text, /flag: `true` or `false`/);
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

    it('warns when the option needs a plugin that is not loaded, or another version', () => {
      assert.match(hovered('[uwsgi]\nlu|a = app.lua\n').text, /Needs the `lua` plugin, which neither/);
      assert.doesNotMatch(hovered('[uwsgi]\nplugins = lua\nlu|a = app.lua\n').text, /which neither/);
      assert.match(hovered('[uwsgi]\nel|se =\n').text, /Exists in uWSGI 2\.1 only; the configured version is 2\.0/);
    });

    it('explains unknown keys used as placeholders and custom options', () => {
      assert.match(hovered('[uwsgi]\nba|se = /srv/%n\n').text, /not a uWSGI 2\.0 option[\s\S]*without any effect, as a placeholder: `%\(base\)` in later values reads `\/srv\/uwsgi`/);
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
      assert.match(hovered('[uwsgi]\nexec-as-u|ser = ls\n').text, /`exec-` runs the value as a shell command[\s\S]*no longer root/);
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
      assert.match(exec.text, /runs the command with the shell[\s\S]*`nproc`[\s\S]*Not evaluated by the editor/);
      assert.match(hovered('[uwsgi]\nchdir = @(/etc/app/d|ir)\n').text, /reads the file `\/etc\/app\/dir`/);
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
  });
});
