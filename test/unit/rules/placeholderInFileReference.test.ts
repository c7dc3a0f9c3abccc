import { strict as assert } from 'node:assert';
import { findings, messages, quickFixes } from '../../support/spec';

const RULE = 'placeholder-in-file-reference';

describe('rule placeholder-in-file-reference', () => {
  it('errors on a %(...) inside @(...), on the placeholder', () => {
    const text = '[uwsgi]\nsecret_file = /etc/secret\nenv = SECRET=@(%(secret_file))\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'error', covers: '%(secret_file)' }]);
    assert.equal(messages(text, RULE)[0], 'uWSGI expands `@(...)` before `%(...)`: it tries to open a file literally named `%(secret_file)` and stops. `%(secret_file)` cannot name the file; use an environment variable (`$(VAR)`) or write the path.');
    assert.deepEqual(quickFixes(text, RULE), []);
  });

  it('covers every placeholder of the name, and a placeholder key\'s own value', () => {
    assert.deepEqual(findings('[uwsgi]\nd = /etc\nn = x\nenv = S=@(%(d)/%(n).txt)\n', RULE).map((f) => f.covers), ['%(d)/%(n)']);
    assert.deepEqual(findings('[uwsgi]\nname = a.txt\ngreeting = @(%(name))\n', RULE).map((f) => f.covers), ['%(name)']);
    // `set` adds an entry that is expanded later.
    assert.deepEqual(findings('[uwsgi]\nname = a.txt\nset = greeting=@(%(name))\n', RULE).map((f) => f.covers), ['%(name)']);
  });

  it('does not flag $(VAR), magic variables, a placeholder outside the reference, or immediate options', () => {
    assert.deepEqual(findings('[uwsgi]\nenv = S=@($(HOME)/secret)\nenv = T=@(%dsecret)\nn = x\nenv = U=@(/etc/secret)%(n)\n', RULE), []);
    // Never expanded at all: unexpanded-reference's business.
    assert.deepEqual(findings('[uwsgi]\nname = a\nset-ph = g=@(%(name))\ninclude = @(%(name))\n', RULE), []);
  });

  it('does not flag %(_) in a block, which the block fills in first', () => {
    assert.deepEqual(findings('[uwsgi]\nfor = a.txt b.txt\nenv = G=@(%(_))\nendfor =\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nenv = G=@(%(_))\n', RULE).length, 1);
  });

  it('warns inside an if block, which may never let the line through; a loop runs the line', () => {
    const text = '[uwsgi]\nf = /etc/secret\nif-exists = /etc/secret\nenv = S=@(%(f))\nendif =\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%(f)' }]);
    assert.equal(messages(text, RULE)[0], 'uWSGI expands `@(...)` before `%(...)`: it tries to open a file literally named `%(f)` and stops where the block lets this line through. `%(f)` cannot name the file; use an environment variable (`$(VAR)`) or write the path.');
    assert.deepEqual(findings('[uwsgi]\nf = /etc/secret\nfor = a b\nenv = S%(_)=@(%(f))\nendfor =\n', RULE).map((f) => f.severity), ['error']);
  });

  it('warns on a %(...) in an exec:// command, which runs with the literal text and lets uWSGI go on', () => {
    const text = '[uwsgi]\nf = /etc/secret\nenv = SECRET=@(exec://cat %(f))\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%(f)' }]);
    assert.equal(messages(text, RULE)[0], 'uWSGI expands `@(...)` before `%(...)`: it runs the command of `exec://cat %(f)` with `%(f)` as written, not its value, and the value gets whatever that prints (nothing, if the command fails). Use an environment variable (`$(VAR)`) or write the text.');
    assert.deepEqual(findings('[uwsgi]\nf = x\nenv = S=@(http://h/%(f))\n', RULE).map((f) => f.severity), ['error']);
  });

  it('shows config text in the message as inline code, whatever backticks it holds', () => {
    assert.match(messages('[uwsgi]\na`b = /x\nenv = X=@(%(a`b))\n', RULE)[0]!, /named ``%\(a`b\)`` and stops\. ``%\(a`b\)`` cannot/);
  });
});
