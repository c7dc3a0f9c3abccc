// A workspace's .vscode/settings.json travels with a cloned repository. Settings that quick fixes
// write into the file must therefore be restricted: VS Code then ignores the workspace's value
// until the user trusts the folder.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const RULES = path.join(ROOT, 'server/src/service/rules');

interface Manifest {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** `settings.privilegeDrop` in a rule (the rules are where the fixes live) → `uwsgi.privilegeDrop`. */
function settingGroupsReadByRules(): Set<string> {
  const groups = new Set<string>();
  for (const file of fs.readdirSync(RULES).filter((f) => f.endsWith('.ts'))) {
    for (const match of fs.readFileSync(path.join(RULES, file), 'utf8').matchAll(/\bsettings\.(\w+)/g)) groups.add(`uwsgi.${match[1]}`);
  }
  return groups;
}

describe('settings written by quick fixes', () => {
  it('the rules read the privilege-drop settings (so the next check means something)', () => {
    assert.ok(settingGroupsReadByRules().has('uwsgi.privilegeDrop'));
  });

  it('are restricted in untrusted workspaces, every one of them', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    const properties = Object.keys(manifest.contributes.configuration.properties);
    for (const group of settingGroupsReadByRules()) {
      const settings = properties.filter((p) => p === group || p.startsWith(`${group}.`));
      assert.ok(settings.length > 0, `${group} is not a contributed setting`);
      for (const setting of settings) assert.ok(restricted.includes(setting), `${setting} is not in restrictedConfigurations`);
    }
  });

  it('restricts only settings that exist', () => {
    const properties = Object.keys(manifest.contributes.configuration.properties);
    for (const setting of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []) assert.ok(properties.includes(setting), setting);
  });
});
