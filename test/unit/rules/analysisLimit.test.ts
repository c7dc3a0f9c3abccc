import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../../server/src/service/languageService';
import { noFileAccess } from '../../../server/src/analysis/fileSystem';
import { documentOf, findings, messages, SEVERITY_NAME } from '../../support/spec';
import { doublingChain, mutualPulls, sectionChain, selfReference, wideChain } from '../../adversarial/amplifiers';

const RULE = 'analysis-limit';

describe('rule analysis-limit', () => {
  it('reports, once, the placeholder whose value grows past 64 KB', () => {
    const text = wideChain();
    assert.deepEqual(findings(text, RULE), [{ code: RULE, severity: 'information', covers: '%(a4)'.repeat(8) }]);
    assert.match(messages(text, RULE)[0]!, /^Not checked beyond a limit: the value of `a5` expands to more than 64 KB/);
  });

  it('does not report a doubling chain: past 8 levels it is unknown, as deep references always were', () => {
    assert.deepEqual(findings(doublingChain(), RULE), []);
  });

  it('reports the pull that goes deeper than 16 levels, on its line', () => {
    const text = sectionChain(40);
    assert.deepEqual(findings(text, RULE).map((f) => f.covers), [':s16']);
    assert.match(messages(text, RULE)[0]!, /`ini` pulls a section in more than 16 levels deep/);
  });

  it('does not report a placeholder that uses itself (unknown, not too large) nor sections that pull each other', () => {
    assert.deepEqual(findings(selfReference(), RULE), []);
    assert.deepEqual(findings(mutualPulls(), RULE), []);
  });

  it('does not report ordinary configs', () => {
    assert.deepEqual(findings('[uwsgi]\nbase = /srv/app\nchdir = %(base)/src\nini = :extra\n[extra]\nmaster = true\n', RULE), []);
  });

  describe('included files where files cannot be read (the browser)', () => {
    const REASON = 'files are not read in an untrusted workspace';
    const check = (text: string) => {
      const ls = getLanguageService({}, { fileSystem: noFileAccess(REASON) });
      const document = documentOf(text);
      return ls.doValidation(ls.parse(document)).filter((d) => d.code === RULE).map((d) => ({
        severity: SEVERITY_NAME[d.severity!], covers: text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)), message: d.message,
      }));
    };

    it('says, as information on the path, that the included file is not read, and why', () => {
      assert.deepEqual(check('[uwsgi]\ninclude = base.ini\nchdir = %(root)/app\n'), [{
        severity: 'information', covers: 'base.ini',
        message: 'Not read: files are not read in an untrusted workspace, so the file `include` loads is not checked, and the options and placeholders it sets are unknown here.',
      }]);
    });

    it('one for each loader of an ini file; none for a section of this file, an environment path or another format', () => {
      const text = '[uwsgi]\nini = %d/a.ini:app\nini = :extra\ninclude = $(CONF)/b.ini\nyaml = c.yml\ninherit = /etc/uwsgi/d.ini\n[extra]\nmaster = true\n';
      assert.deepEqual(check(text).map((f) => f.covers), ['%d/a.ini:app', '/etc/uwsgi/d.ini']);
    });

    it('says nothing where the checker simply has no file access (the CLI, tests)', () => {
      assert.deepEqual(findings('[uwsgi]\ninclude = base.ini\n', RULE), []);
    });
  });
});
