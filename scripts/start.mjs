// `npm start`: the main job on a fresh machine: package the extension (.vsix), then lint
// examples/ with the command-line linter to show what the product finds.
// Usage: node scripts/start.mjs [--out file.vsix]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bold, childEnv, colorEnabled, lintVerdict, shownPath, startExitCode } from './output.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const color = colorEnabled(process.stdout);
const env = childEnv(color);
const heading = (text) => console.log(`\n${bold(`== ${text}`, color)}`);

const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? process.argv[outAt + 1] : join(root, `${name}-${version}.vsix`);

heading('Packaging the VS Code extension');
const packaged = spawnSync(process.execPath, ['scripts/package.mjs', '--out', out], { cwd: root, stdio: 'inherit', env });
if (packaged.status !== 0) {
  console.error(`\nnpm start: packaging failed (exit status ${packaged.status ?? packaged.signal}); the messages above say why.`);
  process.exit(packaged.status ?? 1);
}

heading('uwsgi-ini-lint examples/');
// The linter decides colour from its own stdout, which is ours: --no-color covers NO_COLOR.
const lintArgs = ['server/bin/uwsgi-ini-lint.js', ...(color ? [] : ['--no-color']), 'examples'];
const lint = spawnSync(process.execPath, lintArgs, { cwd: root, stdio: 'inherit', env });
console.log(`\n${lintVerdict(lint, shownPath(out))}`);
process.exit(startExitCode(lint));
