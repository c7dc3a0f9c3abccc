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

  it('gives each rule its default severity in the README rules table, first word of the column', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const defaults = new Map<string, string>();
    for (const line of readme.split('\n')) {
      const cells = line.split(' | ');
      if (cells.length < 3 || !cells[0]!.startsWith('| [')) continue;
      const ids = [...cells[0]!.matchAll(/\[([a-z-]+)\]\(docs\/rules\//g)].map((m) => m[1]!);
      // `a / b / c` in a shared row gives each rule its own; one value is shared by all.
      const severities = cells[1]!.split(' / ').map((cell) => cell.split(/[ (]/)[0]!);
      ids.forEach((id, i) => defaults.set(id, severities.length === ids.length ? severities[i]! : severities[0]!));
    }
    for (const rule of allRules) assert.equal(defaults.get(rule.id), rule.defaultSeverity, `README default for ${rule.id}`);
  });

  it('uses only the severities LSP knows', () => {
    for (const rule of allRules) assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity), rule.id);
  });
});
