// `npm run package`: type-check, production bundles (minified; the server's source map is not packaged), then
// `vsce package --no-dependencies` (the bundles carry everything; npm workspaces confuse vsce's
// own dependency walk). Prints the .vsix path, its size and its files (vsce's own list of them is
// held back, so there is one list); fails above 1 MB.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shownPath } from './output.mjs';
import { vsixEntries } from './vsix.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 1024 * 1024;
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : join(root, `${name}-${version}.vsix`);

const bin = (tool) => join(root, 'node_modules', '.bin', tool);
// quiet: keep the tool's stdout (vsce prints its file tree there) and show it only if it fails;
// warnings and errors go to stderr either way.
const run = (cmd, args, { quiet = false } = {}) => {
  try {
    execFileSync(cmd, args, { cwd: root, stdio: ['ignore', quiet ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  } catch (e) {
    if (quiet && e.stdout) process.stdout.write(e.stdout);
    console.error(`error: ${[cmd, ...args].map((a) => relative(root, a) || a).join(' ')} failed (${e.status ?? e.signal})`);
    process.exit(1);
  }
};

run(bin('tsc'), ['-b']);
run(process.execPath, ['scripts/bundle.mjs', '--production']);
run(bin('vsce'), ['package', '--no-dependencies', '--out', out], { quiet: true });

const entries = vsixEntries(out);
const size = statSync(out).size;
console.log(`\nfiles in ${shownPath(out)}:`);
for (const entry of entries) console.log(`  ${entry.name.padEnd(52)} ${String(entry.size).padStart(9)} bytes`);
console.log(`\n${shownPath(out)}: ${size} bytes (${(size / 1024).toFixed(1)} KiB), limit ${MAX_BYTES / 1024} KiB`);
if (size >= MAX_BYTES) {
  console.error(`error: the .vsix is ${size} bytes, over the 1 MB limit`);
  process.exit(1);
}
