// The `uwsgi.diagnostics` setting in package.json lists every rule with its default severity, so
// VS Code completes the rule ids in settings.json and shows what each one does. Generated from
// the rules (server/src/service/rules) by `npm run generate`; test/unit/packaging/settingsSchema.test.ts
// fails when package.json is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../server/src/service/rules';
import { SEVERITIES } from '../server/src/service/settings';
import { RULE_DOCS_BASE } from '../server/src/service/ruleDocs';

export const MANIFEST = path.resolve(__dirname, '..', 'package.json');

/** The `properties` of `uwsgi.diagnostics`: one per rule id, in id order. */
export function diagnosticsProperties(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of [...allRules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    properties[rule.id] = {
      type: 'string',
      enum: [...SEVERITIES],
      default: rule.defaultSeverity,
      markdownDescription: `${rule.title} (default \`${rule.defaultSeverity}\`). [Rule page](${RULE_DOCS_BASE}${rule.id}.md).`,
    };
  }
  return properties;
}

/** package.json's text with the generated part replaced; the rest kept as written. */
export function generatedManifest(text: string): string {
  const manifest = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> } } };
  const setting = manifest.contributes.configuration.properties['uwsgi.diagnostics'];
  if (!setting) throw new Error('package.json has no uwsgi.diagnostics setting');
  setting['properties'] = diagnosticsProperties();
  // A misspelt rule id would be ignored: VS Code underlines it instead.
  setting['additionalProperties'] = false;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (require.main === module) {
  const text = fs.readFileSync(MANIFEST, 'utf8');
  const next = generatedManifest(text);
  if (next !== text) fs.writeFileSync(MANIFEST, next);
}
