// `npm run test:e2e:electron`: the same e2e suite in a desktop VS Code that @vscode/test-electron
// downloads (needs internet access to update.code.visualstudio.com; not used in CI, which runs the
// offline runner `npm run test:e2e`). Env: VSCODE_VERSION (default "stable").
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..', '..', '..');
  // The suite edits documents and workspace settings: give it a copy of the fixtures.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(repo, 'test', 'e2e', 'fixtures'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(repo, 'test', 'e2e', 'out', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', path.join(scratch, 'user')],
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('e2e (test-electron) failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
