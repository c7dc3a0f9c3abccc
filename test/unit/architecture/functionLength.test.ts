// Issue 15: no function in server/src runs over 80 lines (generated data aside), so each one fits
// on a screen and says one thing. Measured on the syntax tree: from the line of the function's
// first token to the line of its last, the body of a nested function counted in both.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '../../../server/src');
const MAX_LINES = 80;
/** Data written by `npm run generate`, not code anyone reads as a function. */
const GENERATED = path.join(SRC, 'registry', 'generated');

function sources(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return full === GENERATED ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

export interface FunctionLength {
  readonly name: string;
  readonly line: number;
  readonly lines: number;
}

function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

/** Every function, method, accessor, constructor and arrow function of a source text, with its length. */
export function functionLengths(fileName: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ name: nameOf(node as ts.FunctionLikeDeclaration, source), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('architecture: function length', () => {
  it('measures a function from its first line to its last, nested ones too', () => {
    const text = 'function outer() {\n  const inner = () => {\n    return 1;\n  };\n  return inner();\n}\n';
    assert.deepEqual(functionLengths('x.ts', text), [
      { name: 'outer', line: 1, lines: 6 },
      { name: 'inner', line: 2, lines: 3 },
    ]);
  });

  it(`finds no function over ${MAX_LINES} lines in server/src`, () => {
    const long = sources(SRC).flatMap((file) =>
      functionLengths(file, fs.readFileSync(file, 'utf8'))
        .filter((f) => f.lines > MAX_LINES)
        .map((f) => `${path.relative(SRC, file)}:${f.line} ${f.name} (${f.lines} lines)`));
    assert.deepEqual(long, []);
  });
});
