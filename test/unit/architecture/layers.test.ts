// The layers of server/src (docs/ARCHITECTURE.md), checked on the imports themselves: a file may
// import its own layer and the layers below it, never one above. The pure core (parser, registry,
// analysis, service) thereby knows nothing of the LSP connection, Node or the CLI.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '../../../server/src');

/** Layer of each top-level folder or file of server/src, lowest first. */
const LAYERS: Record<string, number> = {
  parser: 0,
  registry: 0,
  'version.ts': 0,
  analysis: 1,
  service: 2,
  settings: 3,
  lsp: 4,
  'server.ts': 5,
  'index.ts': 5,
  node: 6,
  browser: 6,
  cli: 7,
};

function unitOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!;
}

function sources(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function relativeImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (statement.moduleSpecifier.text.startsWith('.')) found.push(path.resolve(path.dirname(file), statement.moduleSpecifier.text));
    }
  }
  return found;
}

/** The imports (file -> imported file) that go up a layer, or across between parser and registry. */
function upward(imports: readonly (readonly [string, string])[]): string[] {
  const found: string[] = [];
  for (const [file, target] of imports) {
    const from = unitOf(file);
    const to = unitOf(target);
    if (to !== from && LAYERS[to]! >= LAYERS[from]!) found.push(`${path.relative(SRC, file)} imports ${path.relative(SRC, target)}`);
  }
  return found;
}

describe('architecture: the layers of server/src', () => {
  const files = sources(SRC);

  it('knows the layer of every file', () => {
    assert.deepEqual([...new Set(files.map(unitOf))].filter((unit) => LAYERS[unit] === undefined), []);
  });

  it('imports only from its own layer or below, and parser and registry not from each other', () => {
    assert.deepEqual(upward(files.flatMap((file) => relativeImports(file).map((target) => [file, target] as const))), []);
  });

  it('would see an import that runs back up (the check itself)', () => {
    const at = (file: string): string => path.join(SRC, file);
    assert.deepEqual(upward([
      [at('analysis/model.ts'), at('service/settings.ts')],
      [at('parser/parser.ts'), at('registry/registry.ts')],
      [at('service/hover.ts'), at('analysis/model.ts')],
      [at('node/main.ts'), at('server.ts')],
      [at('service/rules/unknownOption.ts'), at('service/edits.ts')],
    ]), ['analysis/model.ts imports service/settings.ts', 'parser/parser.ts imports registry/registry.ts']);
  });
});
