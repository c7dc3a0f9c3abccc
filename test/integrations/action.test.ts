// action.yml's logic, scripts/action/lint.sh, run locally the way the composite step runs it:
// inputs as INPUT_* variables, the action's folder as GITHUB_ACTION_PATH.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { need, ROOT, run, scratch, write } from './support';

const SCRIPT = path.join(ROOT, 'scripts', 'action', 'lint.sh');

describe('integrations: the GitHub Action', () => {
  let dir: string;
  beforeEach(() => {
    dir = scratch();
    write(dir, 'vassals/app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = true\nsocket = /run/app.sock\n');
    write(dir, 'vassals/ok.ini', '[uwsgi]\nuid = app\ngid = app\nmaster = true\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const action = (inputs: Record<string, string>) => {
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: path.join(dir, 'github-output') };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
    return run('bash', [SCRIPT], { cwd: dir, env });
  };

  it('declares a composite action whose inputs the script reads', () => {
    need('python3', 'apt-get install -y python3-yaml');
    const parsed = run('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', path.join(ROOT, 'action.yml')], { cwd: ROOT });
    assert.equal(parsed.status, 0, parsed.stderr);
    const manifest = JSON.parse(parsed.stdout);
    assert.equal(manifest.runs.using, 'composite');
    assert.deepEqual(Object.keys(manifest.inputs), ['paths', 'sarif', 'max-warnings', 'args']);
    const step = manifest.runs.steps[0];
    assert.equal(step.run, 'bash "$GITHUB_ACTION_PATH/scripts/action/lint.sh"');
    // Inputs reach the script as variables, never spliced into the command line.
    assert.deepEqual(step.env, {
      INPUT_PATHS: '${{ inputs.paths }}', INPUT_SARIF: '${{ inputs.sarif }}', INPUT_MAX_WARNINGS: '${{ inputs.max-warnings }}', INPUT_ARGS: '${{ inputs.args }}',
    });
    const script = fs.readFileSync(SCRIPT, 'utf8');
    for (const name of ['INPUT_PATHS', 'INPUT_SARIF', 'INPUT_MAX_WARNINGS', 'INPUT_ARGS']) assert.ok(script.includes(name), name);
  });

  it('annotates the findings and passes when there are no errors', () => {
    const result = action({ paths: 'vassals' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(result.stdout.trimEnd().split('\n').map((line) => line.split('::')[1]), [
      'warning file=vassals/app.ini,line=4,col=1,endLine=4,endColumn=7,title=uwsgi-ini unknown-option',
      'notice file=vassals/app.ini,line=5,col=10,endLine=5,endColumn=23,title=uwsgi-ini missing-vacuum',
    ]);
  });

  it('fails past max-warnings, and refuses a max-warnings that is not a number', () => {
    assert.equal(action({ paths: 'vassals', 'max-warnings': '0' }).status, 1);
    assert.equal(action({ paths: 'vassals', 'max-warnings': '1' }).status, 0);
    const bad = action({ paths: 'vassals', 'max-warnings': '1; touch pwned' });
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /^::error title=uwsgi-ini-lint::max-warnings must be a whole number$/m);
    assert.ok(!fs.existsSync(path.join(dir, 'pwned')));
  });

  it('writes SARIF for code scanning and names it in the step outputs', () => {
    const result = action({ paths: 'vassals/*.ini\nvassals/ok.ini', sarif: 'results.sarif' });
    assert.equal(result.status, 0, result.stderr);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'results.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['unknown-option', 'missing-vacuum']);
    assert.equal(fs.readFileSync(path.join(dir, 'github-output'), 'utf8'), 'sarif=results.sarif\n');
  });

  it('passes paths and args as words, never through the shell', () => {
    const result = action({ paths: '$(touch pwned) `touch pwned2`', args: '--strict' });
    assert.equal(result.status, 2);
    assert.ok(!fs.existsSync(path.join(dir, 'pwned')) && !fs.existsSync(path.join(dir, 'pwned2')));
    const strict = action({ paths: 'vassals', args: '--strict' });
    assert.match(strict.stdout, /^::error file=vassals\/app\.ini,line=4,.*unknown-option/m);
    assert.equal(strict.status, 1);
  });
});
