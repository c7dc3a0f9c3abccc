// --explain prints the pages from a generated module, so the package needs no docs folder: the
// module must match docs/rules/, and every rule must have a page.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { allRules } from '../../../server/src/service/rules';
import { generatedRuleDocs, RULE_DOCS_MODULE } from '../../../scripts/generate-rule-docs';
import { RULE_PAGES } from '../../../server/src/cli/ruleDocs.generated';

describe('packaging: the rule pages for --explain', () => {
  it('are up to date with docs/rules (run `npm run generate` if not)', () => {
    assert.ok(fs.readFileSync(RULE_DOCS_MODULE, 'utf8') === generatedRuleDocs(), 'ruleDocs.generated.ts is stale: run `npm run generate`');
  });

  it('have a page for every rule, titled with its id', () => {
    for (const rule of allRules) assert.ok(RULE_PAGES[rule.id]?.startsWith(`# ${rule.id}\n`), rule.id);
  });
});
