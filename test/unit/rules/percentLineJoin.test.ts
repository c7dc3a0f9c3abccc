import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'percent-line-join';

describe('rule percent-line-join', () => {
  it('warns on a comment ending in %, which swallows the next line, on the % alone', () => {
    const text = '[uwsgi]\n; keep below 50%\ncheaper = 2\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%' }]);
    assert.match(messages(text, RULE)[0]!, /^This comment ends in a `%`: .*the next line `cheaper = 2` becomes part of the comment and uWSGI never reads it/);
  });

  it('only notes a comment that swallows a blank line or another comment, which changes nothing', () => {
    const text = '[uwsgi]\n# CPU at 100%\n# another note\nmaster = true\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'information', covers: '%' }]);
    assert.equal(messages(text, RULE)[0], 'This comment ends in a `%`: uWSGI expands `%` followed by a line break to nothing before it splits the file into lines, so the next line `# another note` becomes part of the comment. Harmless here, since that line holds no setting; write `%%` for a literal percent sign before a line that does.');
    assert.deepEqual(findings('[uwsgi]\n; x 50%\n\nmaster = true\n', RULE).map((f) => f.severity), ['information']);
    // The swallowed comment swallows in turn: that join is a warning of its own.
    assert.deepEqual(findings('[uwsgi]\n; a 50%\n; b 50%\nmaster = true\n', RULE).map((f) => f.severity), ['information', 'warning']);
    // A value still loses its `%` before a blank line.
    assert.deepEqual(findings('[uwsgi]\nenv = A=5%\n\nmaster = true\n', RULE).map((f) => f.severity), ['warning']);
  });

  it('warns on a value ending in %, naming the key and the joined line', () => {
    const text = '[uwsgi]\nenv = RATIO=50%\nmaster = true\n';
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%' }]);
    assert.match(messages(text, RULE)[0]!, /^The value of `env` ends in a `%`: .*the next line `master = true` is joined to the value/);
  });

  it('fixes an evident percent sign with %% as a safe fix', () => {
    assert.deepEqual(fixSafety('[uwsgi]\n; below 50%\ncheaper = 2\n', RULE), ['*Write `%%` for a literal percent sign: safe']);
    assert.equal(fixed('[uwsgi]\nenv = RATIO=50%\nmaster = true\n', RULE), '[uwsgi]\nenv = RATIO=50%%\nmaster = true\n');
    assert.deepEqual(fixSafety('[uwsgi]\nenv = RATIO=50%\nmaster = true\n', RULE), ['*Write `%%` for a literal percent sign: safe']);
  });

  it('offers the fix as unsafe where the join may be meant', () => {
    // A key split over two lines on purpose: `processes = 2` once joined.
    assert.deepEqual(fixSafety('[uwsgi]\nproc%\nesses = 2\n', RULE), ['*Write `%%` for a literal percent sign: unsafe']);
    assert.match(messages('[uwsgi]\nproc%\nesses = 2\n', RULE)[0]!, /^This line ends in a `%`: .*the next line `esses = 2` is joined to it/);
    // A value continued on an indented line.
    assert.deepEqual(fixSafety('[uwsgi]\nenv = A=x,%\n  y\n', RULE), ['*Write `%%` for a literal percent sign: unsafe']);
  });

  it('counts the run: an even run is literal, an odd run joins with its last %', () => {
    assert.deepEqual(findings('[uwsgi]\nenv = RATIO=50%%\nmaster = true\n; 100%%\n', RULE), []);
    const text = '[uwsgi]\nenv = R=50%%%\nmaster = true\n';
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['%']);
    assert.equal(fixed(text, RULE), '[uwsgi]\nenv = R=50%%%%\nmaster = true\n');
  });

  it('reports each join of a line joined several times', () => {
    assert.equal(findings('[uwsgi]\n; a%\nb%\nc = 1\n', RULE).length, 2);
  });

  it('does not flag a % in the middle of a line, at the end of the file, or before a CRLF', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = %dapp.sock\nenv = X=50%', RULE), []);
    // `%` and `\r` vanish, but the line break stays: no join (magic-percent-literal speaks of the `%`).
    assert.deepEqual(findings('[uwsgi]\r\nenv = X=50%\r\nmaster = true\r\n', RULE), []);
  });

  it('shows config text in the message as inline code, whatever backticks it holds', () => {
    assert.match(messages('[uwsgi]\nk`ey = 50%\nmaster = true\n', RULE)[0]!, /^The value of ``k`ey`` ends in a `%`/);
  });
});
