import { strict as assert } from 'node:assert';
import { findings, fixed, fixSafety, messages, quickFixes } from '../../support/spec';

const RULE = 'world-writable-socket';

describe('rule world-writable-socket', () => {
  it('informs about a mode with the other-write bit, on the value', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = /run/app.sock\nchmod-socket = 666\n', RULE), [{ code: RULE, severity: 'information', covers: '666' }]);
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 777\n', RULE).map((f) => f.covers), ['777']);
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 662\n', RULE).map((f) => f.covers), ['662']);
  });

  it('says why and suggests a group mode with chown-socket', () => {
    assert.equal(
      messages('[uwsgi]\nchmod-socket = 666\n', RULE)[0],
      "Socket mode 666 lets every local user write to the socket, and so send requests straight to the application, past the web server. Unless that is what you want, give the socket to the web server's group with `chown-socket = <user>:<web server group>` and use `660`.",
    );
    assert.doesNotMatch(messages('[uwsgi]\nchown-socket = app:www-data\nchmod-socket = 777\n', RULE)[0]!, /chown-socket =/);
    assert.match(messages('[uwsgi]\nchown-socket = app:www-data\nchmod-socket = 777\n', RULE)[0]!, /use `770`/);
  });

  it('reads `1` as 666', () => {
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 1\n', RULE).map((f) => f.covers), ['1']);
    assert.match(messages('[uwsgi]\nchmod-socket = 1\n', RULE)[0]!, /Socket mode 666 \(`1` means 666\)/);
  });

  it('leaves modes without other-write alone, and values uWSGI refuses to invalid-value', () => {
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 660\nchmod-socket = 664\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 0666\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = %(mode)\nmode = 666\n', RULE), []);
  });

  it('leaves a file alone whose every socket is TCP: the mode applies to UNIX sockets only', () => {
    assert.deepEqual(findings('[uwsgi]\nsocket = 127.0.0.1:3031\nhttp = :8000\nchmod-socket = 666\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nsocket = 127.0.0.1:3031\nsocket = %dapp.sock\nchmod-socket = 666\n', RULE).map((f) => f.covers), ['666']);
    assert.deepEqual(findings('[uwsgi]\nport = 3031\nsocket = :%(port)\nchmod-socket = 666\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nsocket = $(SOCKET)\nchmod-socket = 666\n', RULE).map((f) => f.covers), ['666']);
  });

  it('judges the last line only: its rwx bits win', () => {
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 666\nchmod-socket = 660\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 660\nchmod = 666\n', RULE).map((f) => f.covers), ['666']);
  });

  it('offers a group mode as an unsafe fix, not preferred', () => {
    assert.deepEqual(fixSafety('[uwsgi]\nchmod-socket = 666\n', RULE), ['Change to `660`: unsafe']);
    assert.equal(fixed('[uwsgi]\r\nchmod-socket = 777\r\n', RULE, 'Change to `770`'), '[uwsgi]\r\nchmod-socket = 770\r\n');
    assert.ok(!quickFixes('[uwsgi]\nchmod-socket = 666\n', RULE).some((a) => a.isPreferred));
  });

  it('leaves a mode with a comment after it to invalid-value: uWSGI refuses it', () => {
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 666 # for nginx\n', RULE), []);
    assert.deepEqual(findings('[uwsgi]\nchmod-socket = 666 # for nginx\n', 'invalid-value').map((f) => f.severity), ['error']);
  });
});
