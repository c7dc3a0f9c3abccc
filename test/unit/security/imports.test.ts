// "Never execute, never phone home", checked on the sources themselves: the project's own code
// may not reach any Node module that starts processes, opens sockets or compiles code at run
// time, and may not build code from strings. The TypeScript parser reads every file, so comments
// and strings that merely mention `eval(` or `child_process` do not count, and nothing is missed
// by an unusual spelling of an import.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');

/** Modules that run programs, talk to the network, or run code we did not write. */
const FORBIDDEN_MODULES = new Set([
  'child_process', 'net', 'http', 'https', 'http2', 'dgram', 'tls', 'vm', 'worker_threads', 'cluster',
  // Not in the brief's list, but as dangerous: a new way to run a process or load native code.
  'inspector', 'repl', 'dns', 'module',
]);

/**
 * Where file access may come from. The language service (parser, analysis, service) is pure: it
 * reaches files only through the FileSystemPort the host hands it.
 */
const FS_ALLOWED = new Map<string, string>([
  ['server/src/node/nodeFileSystem.ts', 'the one FileSystemPort: stat before open, regular files only, bounded reads'],
  ['server/src/cli/inputs.ts', 'the CLI searches the directories and globs named on its command line and writes fixes and baselines (it reads files through nodeFileSystem)'],
]);

/**
 * The client's whole outside world: VS Code's API and the language client library. The server
 * process is started by `vscode-languageclient` from the `ServerOptions` (a Node module run with
 * IPC); the client's own code never spawns anything.
 */
const CLIENT_ALLOWED_MODULES = new Set(['vscode', 'vscode-languageclient', 'vscode-languageclient/node', 'vscode-languageclient/browser', 'path']);

/** Libraries besides the LSP types that pure code may use, where, and why that keeps it pure. */
const PURE_LIBRARIES = new Map<string, { where: string; why: string }>([
  ['smol-toml', { where: 'server/src/settings/', why: 'the TOML parser of the settings files: plain JavaScript over a string, no Node module (the bundle audit sees no builtin from it)' }],
]);

interface Finding {
  file: string;
  line: number;
  what: string;
}

function sourceFiles(directory: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, directory), { withFileTypes: true })) {
    const relative = `${directory}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(relative));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(relative);
  }
  return out.sort();
}

function builtinName(specifier: string): string {
  return specifier.replace(/^node:/, '').split('/')[0]!;
}

interface Scan {
  imports: { specifier: string; line: number }[];
  dynamicRequires: number[];
  codeFromStrings: Finding[];
}

function scan(file: string, text = fs.readFileSync(path.join(ROOT, file), 'utf8')): Scan {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const result: Scan = { imports: [], dynamicRequires: [], codeFromStrings: [] };
  const addImport = (specifier: ts.Node | undefined, at: ts.Node): void => {
    if (specifier && ts.isStringLiteralLike(specifier)) result.imports.push({ specifier: specifier.text, line: lineOf(at) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) addImport(node.moduleSpecifier, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) addImport(node.moduleReference.expression, node);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) addImport(node.argument.literal, node);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) {
        const argument = node.arguments[0];
        if (argument && ts.isStringLiteralLike(argument)) addImport(argument, node);
        else result.dynamicRequires.push(lineOf(node));
      }
      if (ts.isIdentifier(callee) && (callee.text === 'eval' || callee.text === 'Function')) {
        result.codeFromStrings.push({ file, line: lineOf(node), what: `${callee.text}(...)` });
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') {
      result.codeFromStrings.push({ file, line: lineOf(node), what: 'new Function(...)' });
    } else if (ts.isIdentifier(node) && node.text === 'eval' && !isPropertyName(node)) {
      // `(0, eval)(s)`, `const e = eval`: eval reached without a direct call.
      if (!(ts.isCallExpression(node.parent) && node.parent.expression === node)) {
        result.codeFromStrings.push({ file, line: lineOf(node), what: 'a reference to eval' });
      }
    } else if (ts.isPropertyAccessExpression(node) && (node.name.text === 'eval' || node.name.text === 'Function')
      && ts.isIdentifier(node.expression) && ['globalThis', 'window', 'global', 'self'].includes(node.expression.text)) {
      result.codeFromStrings.push({ file, line: lineOf(node), what: `${node.expression.text}.${node.name.text}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return result;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === node)
    || (ts.isPropertyAssignment(parent) && parent.name === node)
    || (ts.isMethodDeclaration(parent) && parent.name === node)
    || (ts.isPropertyDeclaration(parent) && parent.name === node)
    || (ts.isPropertySignature(parent) && parent.name === node);
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

const SERVER_FILES = sourceFiles('server/src');
const CLIENT_FILES = sourceFiles('client/src');
const SCANS = new Map([...SERVER_FILES, ...CLIENT_FILES].map((file) => [file, scan(file)]));

describe('security: the sources never execute and never open the network', () => {
  it('finds the sources it is meant to scan', () => {
    assert.ok(SERVER_FILES.includes('server/src/server.ts'), 'server/src/server.ts scanned');
    assert.ok(SERVER_FILES.includes('server/src/node/nodeFileSystem.ts'));
    assert.ok(CLIENT_FILES.includes('client/src/extension.ts'), 'client/src/extension.ts scanned');
    assert.ok(SERVER_FILES.length > 30, `only ${SERVER_FILES.length} server files found`);
  });

  it('imports none of the modules that run processes, open sockets or compile code', () => {
    const offending: string[] = [];
    for (const [file, result] of SCANS) {
      for (const { specifier, line } of result.imports) {
        if (!isRelative(specifier) && FORBIDDEN_MODULES.has(builtinName(specifier))) offending.push(`${file}:${line} imports ${specifier}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('never builds code from strings (eval, new Function)', () => {
    const offending = [...SCANS.values()].flatMap((result) => result.codeFromStrings).map((f) => `${f.file}:${f.line} ${f.what}`);
    assert.deepEqual(offending, []);
  });

  it('never loads code by a computed name (`require(<not a string literal>)`)', () => {
    const offending: string[] = [];
    for (const [file, result] of SCANS) {
      for (const line of result.dynamicRequires) offending.push(`${file}:${line} require/import of a computed name`);
    }
    assert.deepEqual(offending, []);
  });

  it('touches files only in the FileSystemPort and the CLI (build-time tools live in scripts/, outside the scan)', () => {
    const offending: string[] = [];
    for (const [file, result] of SCANS) {
      if (!file.startsWith('server/')) continue;
      for (const { specifier, line } of result.imports) {
        if (!isRelative(specifier) && builtinName(specifier) === 'fs' && !FS_ALLOWED.has(file)) offending.push(`${file}:${line} imports ${specifier}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('keeps the language service free of Node APIs: parser, registry, analysis, services and settings import none', () => {
    const pure = SERVER_FILES.filter((f) => /^server\/src\/(parser|registry|analysis|service|settings)\//.test(f));
    assert.ok(pure.length > 20);
    assert.ok(pure.includes('server/src/settings/settingsFile.ts'), 'the settings resolver is scanned');
    assert.ok(pure.includes('server/src/registry/lookup.ts') && pure.includes('server/src/registry/metadata/roles.ts'), 'the registry is scanned');
    const offending: string[] = [];
    for (const file of pure) {
      for (const { specifier, line } of SCANS.get(file)!.imports) {
        const library = PURE_LIBRARIES.get(specifier);
        if (library && file.startsWith(library.where)) continue;
        if (!isRelative(specifier) && !specifier.startsWith('vscode-languageserver-')) offending.push(`${file}:${line} imports ${specifier}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('keeps the client to VS Code and the language client library', () => {
    const offending: string[] = [];
    for (const file of CLIENT_FILES) {
      for (const { specifier, line } of SCANS.get(file)!.imports) {
        if (!isRelative(specifier) && !CLIENT_ALLOWED_MODULES.has(specifier)) offending.push(`${file}:${line} imports ${specifier}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('sees through the spellings an import can take (the scanner itself)', () => {
    const probe = [
      "import { exec } from 'node:child_process';",
      "import net = require('net');",
      "export * from 'http2';",
      "const w = require('worker_threads');",
      "void import('vm');",
      "const f = new Function('return 1');",
      "(0, eval)('1');",
      "globalThis.eval('1');",
      "const name = 'fs'; require(name);",
      '// eval("mentioned in a comment") and "child_process" in a string do not count',
      "const s = 'eval(1)';",
    ].join('\n');
    const result = scan('probe.ts', probe);
    assert.deepEqual(result.imports.map((i) => i.specifier), ['node:child_process', 'net', 'http2', 'worker_threads', 'vm']);
    assert.deepEqual(result.codeFromStrings.map((f) => f.what), ['new Function(...)', 'a reference to eval', 'globalThis.eval']);
    assert.deepEqual(result.dynamicRequires, [9]);
  });
});
