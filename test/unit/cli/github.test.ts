// --format github against the workflow command syntax GitHub documents:
// `::LEVEL key=value,key=value::message`, where the message escapes `%`, CR and LF as %25, %0D and
// %0A, and property values also `:` and `,` as %3A and %2C. The runner reads one command per line.
import { strict as assert } from 'node:assert';
import { workdirPerTest } from '../../support/cli';
import { escapeData, escapeProperty } from '../../../server/src/cli/github';

interface Command {
  level: string;
  properties: Record<string, string>;
  message: string;
}

const unescape = (text: string): string => text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));

/** Parses the output as the runner would: every line must be one well-formed command. */
function commands(output: string): Command[] {
  assert.ok(output.endsWith('\n'));
  return output.slice(0, -1).split('\n').map((line) => {
    const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    assert.ok(match, `not a workflow command: ${JSON.stringify(line)}`);
    const properties: Record<string, string> = {};
    for (const pair of match[2]!.split(',')) {
      const eq = pair.indexOf('=');
      assert.ok(eq > 0, `not key=value: ${pair}`);
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    assert.ok(!/[\r\n]/.test(match[3]!));
    return { level: match[1]!, properties, message: unescape(match[3]!) };
  });
}

describe('uwsgi-ini-lint --format github', () => {
  const work = workdirPerTest();

  it('prints one annotation per finding with file, 1-based line and columns, and a title', async () => {
    work.write('vassals/app.ini', '[uwsgi]\nuid = app\ngid = app\nvaccum = true\nhook-asap = exce:ls\nsocket = /run/app.sock\n');
    const run = await work.lint(['--format', 'github', 'vassals/app.ini']);
    assert.equal(run.code, 1);
    const parsed = commands(run.stdout);
    assert.deepEqual(parsed.map((c) => [c.level, c.properties]), [
      ['warning', { file: 'vassals/app.ini', line: '4', col: '1', endLine: '4', endColumn: '7', title: 'uwsgi-ini unknown-option' }],
      ['error', { file: 'vassals/app.ini', line: '5', col: '13', endLine: '5', endColumn: '17', title: 'uwsgi-ini unknown-hook-action' }],
      ['notice', { file: 'vassals/app.ini', line: '6', col: '10', endLine: '6', endColumn: '23', title: 'uwsgi-ini missing-vacuum' }],
    ]);
    assert.equal(parsed[0]!.message, 'Unknown option `vaccum`: uWSGI silently keeps it as a placeholder and ignores it. Did you mean `vacuum`? [unknown-option]');
  });

  it('no file name or config text can end the command or forge another one', async () => {
    const evil = 'a,line=99::b\n::error file=x.ini::forged%0A.ini';
    work.write(evil, '[uwsgi]\nuid = app\ngid = app\nchdir = /srv # a%0A::error::b, c\n');
    const run = await work.lint(['--format', 'github', '*.ini']);
    const parsed = commands(run.stdout);
    assert.equal(parsed.length, 1, run.stdout);
    assert.equal(parsed[0]!.properties['file'], evil);
    assert.equal(parsed[0]!.properties['line'], '4');
    assert.equal(parsed[0]!.message, 'uWSGI has no inline comments: the value of `chdir` is `/srv # a%0A::error::b, c`, not `/srv`. [inline-comment]');
    assert.ok(!run.stdout.includes('\n::error file=x.ini'));
  });

  it('escapes as documented, and shows other control characters as \\xNN', () => {
    assert.equal(escapeData('100% a\r\nb:c,d'), '100%25 a%0D%0Ab:c,d');
    assert.equal(escapeProperty('100% a\r\nb:c,d'), '100%25 a%0D%0Ab%3Ac%2Cd');
    assert.equal(escapeData('\x1b[31mred'), '\\x1b[31mred');
  });

  it('leaves the file out for standard input', async () => {
    const run = await work.lint(['--format', 'github', '-'], '[uwsgi]\nuid = app\ngid = app\nvaccum = true\n');
    const [command] = commands(run.stdout);
    assert.deepEqual(Object.keys(command!.properties), ['line', 'col', 'endLine', 'endColumn', 'title']);
  });
});
