// `npm start`: the main job on a fresh machine: package the extension (.vsix), then lint
// examples/ with the command-line linter to show what the product finds.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const heading = (text) => console.log(`\n\u001b[1m== ${text}\u001b[0m`);

heading('Packaging the VS Code extension');
const packaged = spawnSync(process.execPath, ['scripts/package.mjs'], { cwd: root, stdio: 'inherit' });
if (packaged.status !== 0) process.exit(packaged.status ?? 1);

heading('uwsgi-ini-lint examples/');
const lint = spawnSync(process.execPath, ['server/bin/uwsgi-ini-lint.js', 'examples'], { cwd: root, stdio: 'inherit' });
// The examples are full of deliberate mistakes: errors there are the point, not a failure.
if (lint.status === 2) process.exit(2);
console.log('\nThe examples contain deliberate mistakes; exit status 1 above means the linter found errors in them.');
