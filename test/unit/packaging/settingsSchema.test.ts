// VS Code completes `uwsgi.diagnostics` in settings.json from the schema in package.json: every
// rule must be there, with its real default, and nothing that is not a rule.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { allRules } from '../../../server/src/service/rules';
import { generatedManifest, MANIFEST } from '../../../scripts/generate-rules';

describe('packaging: the uwsgi.diagnostics settings schema', () => {
  const text = fs.readFileSync(MANIFEST, 'utf8');
  const setting = JSON.parse(text).contributes.configuration.properties['uwsgi.diagnostics'];

  it('is up to date with the rules (run `npm run generate` if not)', () => {
    assert.ok(generatedManifest(text, allRules) === text, 'package.json is stale: run `npm run generate`');
  });

  it('lists every rule id with its default severity, and only rule ids', () => {
    assert.deepEqual(Object.keys(setting.properties).sort(), allRules.map((rule) => rule.id).sort());
    for (const rule of allRules) {
      assert.equal(setting.properties[rule.id].default, rule.defaultSeverity, rule.id);
      assert.deepEqual(setting.properties[rule.id].enum, ['off', 'hint', 'information', 'warning', 'error'], rule.id);
    }
    assert.equal(setting.additionalProperties, false);
  });
});
