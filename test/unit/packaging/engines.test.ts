// `npm ci` on the Node the project supports must not warn EBADENGINE: a warning there is a
// dependency that may break on that Node, and it teaches people to ignore install output.
// The lockfile records each package's `engines`, so the check needs no network.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
// semver is npm's own range logic; it is installed with @vscode/vsce (not a direct dependency).
const semver = require('semver') as { intersects(a: string, b: string): boolean; validRange(r: string): string | null };

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

describe('packaging: the Node versions the dependencies accept', () => {
  const manifest = read('package.json');
  const supported: string = manifest.engines.node;
  // The oldest major the manifest admits: a range such as ">=20" means Node 20 must work.
  const major = `^${semver.validRange(supported)!.match(/\d+/)![0]}`;

  it(`every locked package runs on Node ${major} (package.json engines.node is "${supported}")`, () => {
    const lock = read('package-lock.json');
    const refused = Object.entries(lock.packages as Record<string, { engines?: { node?: string } | string[] }>)
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && typeof p.engines.node === 'string')
      .filter(([, p]) => !semver.intersects((p.engines as { node: string }).node, major))
      .map(([name, p]) => `${name} wants node ${(p.engines as { node: string }).node}`);
    assert.deepEqual(refused, []);
  });
});
