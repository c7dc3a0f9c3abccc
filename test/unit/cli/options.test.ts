// The command line is one option table (server/src/cli/options.ts): parseArgs reads it, --help is
// written from it. These specs hold the two together and keep the wording of usage errors.
import { strict as assert } from 'node:assert';
import { OPTION_TABLE, parseArguments, UsageError } from '../../../server/src/cli/options';
import { USAGE } from '../../../server/src/cli/usage';
import { workdirPerTest } from '../../support/cli';

/** A value each string option takes. */
const SAMPLE: Record<string, string> = {
  format: 'json', 'uwsgi-version': '2.1', rule: 'unknown-option=off', 'max-warnings': '3', plugins: 'python3', placeholders: 'a,b',
};

const refusal = (argv: string[]): string => {
  try {
    parseArguments(argv, false);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail(`${argv.join(' ')} was taken`);
};

describe('uwsgi-ini-lint options: one table for the parser and the help', () => {
  const work = workdirPerTest();

  it('lists in --help every option of the table but the hidden ones, and no other', async () => {
    const help = (await work.lint(['--help'])).stdout;
    const options = help.slice(help.indexOf('\nOptions:\n'), help.indexOf('\n\nSettings files:'));
    const listed = [...options.matchAll(/^ {2}(?:-([a-z]), )?--([a-z-]+)/gm)].map((match) => (match[1] ? `${match[1]}/${match[2]}` : match[2]));
    const table = OPTION_TABLE.filter((spec) => !spec.hidden).map((spec) => (spec.short ? `${spec.short}/${spec.name}` : spec.name));
    assert.deepEqual(listed, table);
    assert.ok(help.split('\n').every((line) => line.length <= 96), 'lines of at most 96 characters');
    assert.equal(USAGE, help.trimEnd());
  });

  it('says (repeatable) in the help exactly for the options whose values add up', () => {
    for (const spec of OPTION_TABLE.filter((s) => !s.hidden)) {
      const row = USAGE.slice(USAGE.indexOf(`--${spec.name}${spec.value ? ` ${spec.value}` : ''} `));
      const description = row.slice(0, row.search(/\n {2}-/));
      assert.equal(/\(repeatable\)/.test(description), spec.repeatable === true, spec.name);
    }
  });

  it('takes every option of the table, and each one changes what the run does', () => {
    for (const spec of OPTION_TABLE.filter((s) => !s.showConfigOnly)) {
      const base = spec.name === 'update-baseline' ? ['--baseline', 'b.json'] : [];
      const argv = [...base, `--${spec.name}`, ...(spec.type === 'string' ? [SAMPLE[spec.name] ?? 'x'] : [])];
      // --color changes something where the output is no terminal, the others where it is one.
      const color = spec.name !== 'color';
      assert.notDeepEqual(parseArguments(argv, color), parseArguments(base, color), spec.name);
      if (spec.short) assert.deepEqual(parseArguments([`-${spec.short}`], color), parseArguments(argv, color), spec.name);
    }
  });

  it('refuses the --show-config options without --show-config', () => {
    for (const spec of OPTION_TABLE.filter((s) => s.showConfigOnly)) assert.equal(refusal([`--${spec.name}`, 'x']), `unknown option --${spec.name}`);
  });

  it('adds up repeatable values and keeps the last of the others', () => {
    const options = parseArguments(['--plugins', 'a,b', '--plugins=c', '--placeholders', 'x', '--placeholder', 'y', '--rule', 'unknown-option=off', '--rule=missing-vacuum=error', '--format', 'json', '--format=sarif', 'a.ini', '--', '-', '--strict'], false);
    assert.deepEqual(options.plugins, ['a', 'b', 'c']);
    assert.deepEqual(options.placeholders, ['x', 'y']);
    assert.deepEqual(options.rules, { 'unknown-option': 'off', 'missing-vacuum': 'error' });
    assert.equal(options.format, 'sarif');
    assert.deepEqual(options.inputs, ['a.ini', '-', '--strict']);
    assert.equal(options.strict, undefined, 'after -- it is a file name');
    assert.equal(parseArguments(['--color', '--no-color'], true).color, false);
    assert.equal(parseArguments(['--no-color', '--color'], false).color, true);
  });

  it('words the usage errors as before, the first one on the command line first', () => {
    assert.equal(refusal(['--bogus']), 'unknown option --bogus');
    assert.equal(refusal(['--bogus=1']), 'unknown option --bogus');
    assert.equal(refusal(['-x']), 'unknown option -x');
    assert.equal(refusal(['-hv']), 'unknown option -hv');
    assert.equal(refusal(['--format']), '--format needs a value');
    assert.equal(refusal(['--format', 'xml', '--bogus']), '--format must be text, json, sarif or github, not "xml"');
    assert.equal(refusal(['--bogus', '--format', 'xml']), 'unknown option --bogus');
    assert.equal(refusal(['--max-warnings', '-1']), '--max-warnings takes a whole number, not "-1"');
    assert.equal(refusal(['--uwsgi-version=3']), '--uwsgi-version must be 2.0 or 2.1, not "3"');
    assert.equal(refusal(['--section=']), '--section needs a name');
    assert.equal(refusal(['--placeholder', ' ']), '--placeholder needs a name');
    assert.equal(refusal(['--baseline=']), '--baseline needs a file name');
    assert.equal(refusal(['--rule', 'x']), '--rule takes ID=SEVERITY with SEVERITY one of off|hint|information|warning|error, not "x"');
    assert.equal(refusal(['--update-baseline']), '--update-baseline needs --baseline FILE');
    assert.equal(refusal(['--diff', '--update-baseline', '--baseline', 'b.json']), '--diff and --update-baseline do not go together');
  });

  it('refuses what strict parsing refuses, with a sentence: a value for a flag, a value that looks like an option', () => {
    assert.equal(refusal(['--strict=1']), '--strict takes no value');
    assert.equal(refusal(['--section', '--strict', 'a.ini']), '--section needs a value; one that starts with "-" is written --section=--strict');
    assert.equal(parseArguments(['--section=--strict'], false).section, '--strict');
    assert.equal(parseArguments(['--explain', '-'], false).explain, '-', 'a lone "-" is a value');
  });

  it('reads --show-config with the same table: its options are help rows, the others do not go with it', async () => {
    work.write('app.ini', '[uwsgi]\nsocket = :8000\n');
    const ok = await work.lint(['--show-config=app.ini', '--format=json', '--env', 'A=1', '--env-from-process', '--uwsgi-version', '2.1', '--plugins', 'python3', '--no-color']);
    assert.equal(ok.code, 0, ok.stderr);
    for (const [argv, message] of [
      [['--show-config', 'app.ini', '--strict'], '--strict does not go with --show-config'],
      [['--show-config', 'app.ini', '-h'], '-h does not go with --show-config'],
      [['--show-config', 'app.ini', 'b.ini'], '--show-config takes one file, not also b.ini'],
      [['--show-config', 'app.ini', '--show-config', 'b.ini'], '--show-config takes one file'],
      [['--show-config', 'app.ini', '--env'], '--env needs a value'],
      [['--show-config', 'app.ini', '--env', 'NOEQUALS'], '--env takes NAME=VALUE, not "NOEQUALS"'],
      [['--show-config', 'app.ini', '--format', 'sarif'], '--show-config prints text or json, not "sarif"'],
    ] as const) {
      const run = await work.lint([...argv]);
      assert.equal(run.code, 2, argv.join(' '));
      assert.equal(run.stderr, `uwsgi-ini-lint: ${message} (see --help)\n`);
    }
  });

  it('sets the fix level from --fix, --unsafe-fixes and --diff', () => {
    assert.equal(parseArguments(['--fix'], false).fix, 'safe');
    assert.equal(parseArguments(['--unsafe-fixes'], false).fix, 'unsafe');
    assert.equal(parseArguments(['--diff'], false).fix, 'safe');
    assert.equal(parseArguments(['--diff', '--unsafe-fixes'], false).fix, 'unsafe');
    assert.equal(parseArguments([], false).fix, undefined);
  });
});
