import { strict as assert } from 'node:assert';
import { findings, fixed, suppressionActions } from '../../support/spec';

// Where quick fixes put new lines, and which suppressions they offer for findings about the whole
// file. Every expected text is written out by hand.

function suppressionTitles(text: string, ruleId: string): string[] {
  return suppressionActions(text, ruleId).map((a) => a.title);
}

describe('quick fix placement', () => {
  it('adds vacuum after the last entry, not between the header and the comment below it', () => {
    assert.equal(
      fixed('[uwsgi]\n# Shop: the app server\nsocket = /run/shop.sock\nmaster = true\n', 'missing-vacuum'),
      '[uwsgi]\n# Shop: the app server\nsocket = /run/shop.sock\nmaster = true\nvacuum = true\n',
    );
  });

  it('adds the privilege drop at the end of its section, before the blank line and the next section', () => {
    assert.equal(
      fixed('# Shop\n[uwsgi]\n# runs the shop\nsocket = :3031\n\n[other]\nx = 1\n', 'no-privilege-drop'),
      '# Shop\n[uwsgi]\n# runs the shop\nsocket = :3031\nuid = www-data\ngid = www-data\n\n[other]\nx = 1\n',
    );
  });

  it('keeps CRLF and ends an unterminated last line first', () => {
    assert.equal(
      fixed('[uwsgi]\r\n# shop\r\nsocket = /run/a.sock', 'missing-vacuum'),
      '[uwsgi]\r\n# shop\r\nsocket = /run/a.sock\r\nvacuum = true',
    );
  });

  it('keeps the comment above a trailing entry with that entry', () => {
    assert.equal(
      fixed('[uwsgi]\nsocket = /run/a.sock\n# keep the pid for systemd\npidfile = /run/a.pid\n', 'missing-vacuum'),
      '[uwsgi]\nsocket = /run/a.sock\n# keep the pid for systemd\npidfile = /run/a.pid\nvacuum = true\n',
    );
  });

  it('goes after a closed block, and before a block left open at the end of the section', () => {
    assert.equal(
      fixed('[uwsgi]\nsocket = /run/a.sock\nif-env = DEBUG\npy-autoreload = 1\nendif\n', 'missing-vacuum'),
      '[uwsgi]\nsocket = /run/a.sock\nif-env = DEBUG\npy-autoreload = 1\nendif\nvacuum = true\n',
    );
    assert.equal(
      fixed('[uwsgi]\nsocket = /run/a.sock\nif-env = DEBUG\npy-autoreload = 1\n', 'missing-vacuum'),
      '[uwsgi]\nsocket = /run/a.sock\nvacuum = true\nif-env = DEBUG\npy-autoreload = 1\n',
    );
  });

  it('goes after the header\'s comments when every entry is inside an open block', () => {
    assert.equal(
      fixed('[uwsgi]\n# shop\n# more\nif-env = PROD\nsocket = /run/a.sock\n', 'missing-vacuum'),
      '[uwsgi]\n# shop\n# more\nvacuum = true\nif-env = PROD\nsocket = /run/a.sock\n',
    );
  });

  it('fixes what it says: the findings are gone', () => {
    const text = '[uwsgi]\n# Shop\nsocket = /run/shop.sock\n';
    assert.deepEqual(findings(fixed(text, 'missing-vacuum'), 'missing-vacuum'), []);
    assert.deepEqual(findings(fixed(text, 'no-privilege-drop'), 'no-privilege-drop'), []);
  });
});

describe('suppressing whole-file findings', () => {
  it('offers only the file directive for a finding shown on the header', () => {
    assert.deepEqual(suppressionTitles('[uwsgi]\nsocket = :3031\n', 'no-privilege-drop'), ['Disable no-privilege-drop for this file']);
    assert.deepEqual(suppressionTitles('[app]\nmaster = true\n', 'missing-section'), ['Disable missing-section for this file']);
    assert.deepEqual(suppressionTitles('master = true\n', 'missing-section'), ['Disable missing-section for this file']);
  });

  it('still offers both for a finding about one line', () => {
    assert.deepEqual(suppressionTitles('[uwsgi]\nsocket = /run/a.sock\n', 'missing-vacuum'), [
      'Disable missing-vacuum for this line',
      'Disable missing-vacuum for this file',
    ]);
    assert.deepEqual(suppressionTitles('[uwsgi ]\nmaster = true\n', 'missing-section'), [
      'Disable missing-section for this line',
      'Disable missing-section for this file',
    ]);
  });
});
