import { strict as assert } from 'node:assert';
import { findings, fixed, messages, fixSafety } from '../../support/spec';

const RULE = 'magic-percent-literal';

describe('rule magic-percent-literal', () => {
  describe('strftime formats', () => {
    it('warns once on a log-date format with single %, from its first to its last conversion', () => {
      const text = '[uwsgi]\r\nlog-date = [%Y-%m-%d %H:%M:%S]\r\n';
      assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%Y-%m-%d %H:%M:%S' }]);
      assert.equal(messages(text, RULE)[0], 'uWSGI expands `%` sequences in the whole file before `log-date` reads its strftime format: `%Y`, `%m`, `%H`, `%M` are removed and the others become facts about the file, so strftime never sees them. Write `%%` for each `%` of the date format.');
      assert.deepEqual(fixSafety(text, RULE), ['*Change to `%%Y-%%m-%%d %%H:%%M:%%S`: safe']);
      const result = fixed(text, RULE);
      assert.equal(result, '[uwsgi]\r\nlog-date = [%%Y-%%m-%%d %%H:%%M:%%S]\r\n');
      assert.deepEqual(findings(result, RULE), []);
    });

    it('knows logdate, log-prefix, ${strftime:...} and log-format under log-format-strftime', () => {
      assert.deepEqual(findings('[uwsgi]\nlogdate = %Y\nlog-prefix = %F\n', RULE).map((f) => f.covers), ['%Y', '%F']);
      assert.deepEqual(findings('[uwsgi]\nlog-encoder = format ${strftime:%Y-%m-%d} ${msg}\n', RULE).map((f) => f.covers), ['%Y-%m-%d']);
      const format = '[uwsgi]\nlog-format-strftime = true\nlog-format = %Y %(uri) %H\n';
      assert.deepEqual(findings(format, RULE).map((f) => f.covers), ['%Y %(uri) %H']);
      assert.equal(fixed(format, RULE), '[uwsgi]\nlog-format-strftime = true\nlog-format = %%Y %(uri) %%H\n');
    });

    it('does not flag escaped formats, magic variables alone, placeholders, or log-format without strftime', () => {
      assert.deepEqual(findings('[uwsgi]\nlog-date = %%Y-%%m-%%d\nlogdate = [%h]\nlog-prefix = [%n]\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nlog-date = %d\nlog-format = %(addr) [%(ltime)] %(method) %(uri)\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nlog-encoder = format ${strftime:%%Y-%%m-%%d} ${msg}\n', RULE), []);
    });
  });

  describe('URL-encoded bytes', () => {
    it('warns on %XX after :// that encodes a sign, on the three characters, with a safe fix', () => {
      const text = '[uwsgi]\nenv = DATABASE_URL=postgres://app:p%40ss@db/app\n';
      assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%40' }]);
      assert.match(messages(text, RULE)[0]!, /^`%40` looks URL-encoded, but uWSGI reads `%4` as a magic variable/);
      assert.deepEqual(fixSafety(text, RULE), ['*Write `%%` for a literal percent sign: safe']);
      assert.equal(fixed(text, RULE), '[uwsgi]\nenv = DATABASE_URL=postgres://app:p%%40ss@db/app\n');
      assert.deepEqual(findings('[uwsgi]\nroute-run = redirect:http://x/a%2Fb%20c\n', RULE).map((f) => f.covers), ['%2F', '%20']);
    });

    it('does not take magic variables for URL encoding: no ://, or a letter or digit encoded', () => {
      assert.deepEqual(findings('[uwsgi]\nsocket = %dapp.sock\nenv = X=%20\nchdir = %dapps\n', RULE), []);
      assert.deepEqual(findings('[uwsgi]\nenv = U=http://%h:8000/%dab\n', RULE), []);
    });
  });

  describe('a % before a byte with no magic variable', () => {
    it('warns on the % and the byte it eats', () => {
      const text = '[uwsgi]\nenv = MSG=100% sure\n';
      assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '% ' }]);
      assert.equal(messages(text, RULE)[0], '`%` followed by a blank is no magic variable: uWSGI expands it to nothing, so the `%` and the blank after it vanish from the value of `env`. Write `%%` for a literal percent sign.');
      assert.equal(fixed(text, RULE), '[uwsgi]\nenv = MSG=100%% sure\n');
      assert.deepEqual(fixSafety(text, RULE), ['*Write `%%` for a literal percent sign: safe']);
    });

    it('offers %% as unsafe before a letter, safe in a shell command', () => {
      assert.deepEqual(fixSafety('[uwsgi]\nenv = X=a%yb\n', RULE), ['*Write `%%` for a literal percent sign: unsafe']);
      assert.deepEqual(fixSafety('[uwsgi]\nexec-asap = date +%Y\n', RULE), ['*Write `%%` for a literal percent sign: safe']);
    });

    it('warns on a final % before a CRLF, which eats the carriage return', () => {
      const text = '[uwsgi]\r\nenv = RATIO=50%\r\nmaster = true\r\n';
      assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%' }]);
      assert.equal(fixed(text, RULE), '[uwsgi]\r\nenv = RATIO=50%%\r\nmaster = true\r\n');
      assert.deepEqual(findings('[uwsgi]\r\nenv = RATIO=50%%\r\n', RULE), []);
    });

    it('never flags magic variables, %%, %(, a join, a % ending the file, comments or other sections', () => {
      const text = '[uwsgi]\nsocket = %dapp.sock\nenv = N=%n %k %[[1m %0 %%\nenv = P=%(name) %(\nenv = J=50%\nmaster = true\n; 100% sure\n[other]\nx = 100% sure\n[uwsgi]\nenv = E=50%';
      assert.deepEqual(findings(text, RULE), []);
    });
  });

  describe('inside references', () => {
    it('warns on a % in a shell $(...) of a command, which the magic pass reaches before anything else', () => {
      const text = '[uwsgi]\nexec-asap = mkdir -p /var/log/$(date +%Y)\n';
      assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'warning', covers: '%Y' }]);
      assert.deepEqual(fixSafety(text, RULE), ['*Write `%%` for a literal percent sign: safe']);
      assert.equal(fixed(text, RULE), '[uwsgi]\nexec-asap = mkdir -p /var/log/$(date +%%Y)\n');
      assert.deepEqual(findings('[uwsgi]\nenv = F=@(/etc/%z.txt)\nenv = G=@(%d/x)\n', RULE).map((f) => f.covers), ['%z']);
    });
  });

  it('shows config text in the message as inline code, whatever backticks it holds', () => {
    assert.match(messages('[uwsgi]\nk`ey = 100% sure\nenv = X=%(k`ey)\n', RULE)[0]!, /vanish from the value of ``k`ey``\. /);
  });

  describe('template files', () => {
    it('leaves the % of a template file\'s markers to the template tool', () => {
      const text = '[uwsgi]\nprocesses = {{ n }}\nthreads = {% if t %}{{ t }}{% endif %}\nenv = MSG=100% sure\n';
      assert.deepEqual(findings(text, RULE).map((f) => f.covers), ['% ']);
      assert.equal(fixed(text, RULE), '[uwsgi]\nprocesses = {{ n }}\nthreads = {% if t %}{{ t }}{% endif %}\nenv = MSG=100%% sure\n');
    });
  });
});
