import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultSettings, normalizeSettings } from '../../../server/src/service/settings';

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
