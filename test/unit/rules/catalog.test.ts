import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../server/src/service/rules';
import { ruleDocsUrl } from '../../../server/src/service/ruleDocs';

const ROOT = path.resolve(__dirname, '../../..');

describe('rule catalogue', () => {
  it('has unique ids in kebab-case', () => {
    const ids = allRules.map((rule) => rule.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  it('documents every rule in docs/rules/<id>.md, the page diagnostics link to', () => {
    for (const rule of allRules) {
      const page = path.join(ROOT, 'docs/rules', `${rule.id}.md`);
      assert.ok(fs.existsSync(page), `missing ${path.relative(ROOT, page)}`);
      assert.match(fs.readFileSync(page, 'utf8'), new RegExp(`^# ${rule.id}\\n`), `${rule.id}.md starts with its id`);
      assert.ok(ruleDocsUrl(rule.id).endsWith(`/docs/rules/${rule.id}.md`));
    }
  });

  it('has specs for every rule', () => {
    const specText: string[] = [];
    const walk = (directory: string): void => {
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.test.ts') && entry.name !== 'catalog.test.ts') specText.push(fs.readFileSync(full, 'utf8'));
      }
    };
    walk(path.join(ROOT, 'test/unit'));
    const all = specText.join('\n');
    for (const rule of allRules) assert.ok(all.includes(`'${rule.id}'`), `no spec mentions '${rule.id}'`);
  });

  it('uses only the severities LSP knows', () => {
    for (const rule of allRules) assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity), rule.id);
  });
});
