import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../server/src/service/rules';
import { ruleDocsUrl } from '../../../server/src/service/ruleDocs';
import { docComment, ruleIndexSource, ruleSources, readmeWithRulesTable, staleFiles } from '../../../scripts/generate-rules';

const ROOT = path.resolve(__dirname, '../../..');

describe('rule catalogue', () => {
  it('is generated from the rule files: index, pages, README table and settings schema are up to date (run `npm run generate` if not)', () => {
    assert.deepEqual(staleFiles(), []);
  });

  it('runs the rules in ascending order, each order given once', () => {
    const orders = allRules.map((rule) => rule.order);
    assert.deepEqual(orders, [...orders].sort((a, b) => a - b));
    assert.equal(new Set(orders).size, orders.length);
    assert.deepEqual(ruleSources().map((source) => source.rule), allRules);
  });

  it('takes a page from the doc comment right above the rule, without its stars', () => {
    const text = '// not this\n/**\n * **Default severity:** hint\n *\n *   indented\n */\nexport const someRule = {};\n';
    assert.equal(docComment(text, 'someRule'), '**Default severity:** hint\n\n  indented');
    assert.equal(docComment('/** other */\nconst x = 1;\n// plain\nexport const someRule = {};\n', 'someRule'), undefined);
  });

  it('lists the rules in the index in the order given, whatever the file names', () => {
    const sources = ruleSources().slice(0, 2).reverse();
    const index = ruleIndexSource(sources);
    const names = sources.map((source) => source.name);
    assert.ok(index.indexOf(`  ${names[0]},`) < index.indexOf(`  ${names[1]},`), index);
  });

  it('renews only the README table between its markers', () => {
    const sources = ruleSources();
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const renewed = readmeWithRulesTable(readme.replace('| [missing-include]', '| [stale-row]'), sources);
    assert.equal(renewed, readmeWithRulesTable(readme, sources));
    assert.throws(() => readmeWithRulesTable('no markers here', sources), /markers/);
  });

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
