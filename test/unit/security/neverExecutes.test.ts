// A config full of commands, URLs and references is read, never acted on. Checked three ways:
// marker files the commands would create stay absent, a local TCP server the URLs point at sees
// no connection, and in a server process whose process, network and vm APIs are booby-trapped
// nothing trips. Hovers say what uWSGI would do and that the editor does not evaluate it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToUri } from '../../../server/src/analysis/fileSystem';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { getLanguageService } from '../../../server/src/service/languageService';
import { runCli } from '../../../server/src/cli/lint';
import { exerciseDocument } from '../../fuzz/harness';
import { LspClient } from '../../protocol/lspClient';

const TRIPWIRED_SERVER = path.join(__dirname, 'tripwiredServer.cjs');

/** Lines that make uWSGI run, call, mount, download or read something. */
function dangerousConfig(dir: string, port: number): string {
  const marker = (name: string): string => path.join(dir, `marker-${name}`);
  return [
    '[uwsgi]',
    `chdir = @(exec://touch ${marker('reference')})`,
    `pythonpath = @(exec://sh -c "touch ${marker('shell')}")`,
    `logto = @(http://127.0.0.1:${port}/log)`,
    `socket = @(https://127.0.0.1:${port}/socket)`,
    'module = @(sym://uwsgi_embedded)',
    `home = @(${marker('file-reference')})`,
    `hook-asap = exec:touch ${marker('hook-asap')}`,
    `hook-as-root = exec:touch ${marker('hook-as-root')}`,
    `exec-asap = touch ${marker('exec-asap')}`,
    `exec-pre-app = touch ${marker('exec-pre-app')}`,
    `exec-as-user = touch ${marker('exec-as-user')}`,
    'call-asap = system',
    'mount-asap = tmpfs none /mnt',
    `attach-daemon = touch ${marker('daemon')}`,
    `smart-attach-daemon = /tmp/pid touch ${marker('smart-daemon')}`,
    `cron = -1 -1 -1 -1 -1 touch ${marker('cron')}`,
    `if-exec = touch ${marker('if-exec')}`,
    'endif =',
    `include = http://127.0.0.1:${port}/remote.ini`,
    `ini = http://127.0.0.1:${port}/remote2.ini`,
    `for-readline = ${path.join(dir, 'lines.txt')}`,
    'endfor =',
    `route-run = exec:touch ${marker('route')}`,
    `set-placeholder = cmd=@(exec://touch ${marker('placeholder')})`,
    'pidfile = %(cmd)',
    '',
  ].join('\n');
}

function markers(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith('marker-'));
}

describe('security: configs are read, never executed', function () {
  this.timeout(30_000);
  let dir: string;
  let listener: net.Server;
  let port: number;
  let connections = 0;
  let text: string;
  let uri: string;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-never-')));
    listener = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as net.AddressInfo).port;
    text = dangerousConfig(dir, port);
    fs.writeFileSync(path.join(dir, 'uwsgi.ini'), text);
    fs.writeFileSync(path.join(dir, 'lines.txt'), 'a\nb\n');
    uri = pathToUri(path.join(dir, 'uwsgi.ini'));
  });

  after(async () => {
    await new Promise((resolve) => listener.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    assert.deepEqual(markers(dir), [], 'no command ran');
    assert.equal(connections, 0, 'nothing connected to the URLs in the file');
  });

  it('every service of the facade, with file access, at every position', () => {
    const service = getLanguageService({ format: { enable: true } }, { fileSystem: nodeFileSystem });
    const document = TextDocument.create(uri, 'uwsgi-ini', 1, text);
    const positions = [];
    for (let line = 0; line < document.lineCount; line++) {
      const length = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).length;
      for (let character = 0; character <= length; character += 3) positions.push({ line, character });
    }
    exerciseDocument(service, text, { positions, applyFixes: true }, uri);
  });

  it('the CLI', async () => {
    const status = await runCli(['--no-color', 'uwsgi.ini'], {
      stdout: () => undefined, stderr: () => undefined, readStdin: () => Promise.resolve(''), isTTY: false, cwd: dir,
    });
    assert.ok(status === 0 || status === 1);
  });

  it('hovers say what uWSGI would do and that the editor does not evaluate it', () => {
    const service = getLanguageService();
    const document = service.parse(TextDocument.create(uri, 'uwsgi-ini', 1, text));
    const hoverAt = (line: number, needle: string): string => {
      const lineText = text.split('\n')[line]!;
      const hover = service.doHover(document, { line, character: lineText.indexOf(needle) + 2 });
      assert.ok(hover, `a hover on line ${line} at ${needle}`);
      return (hover.contents as { value: string }).value;
    };
    assert.match(hoverAt(1, '@(exec://'), /runs the command[\s\S]*Not evaluated by the editor/);
    assert.match(hoverAt(3, '@(http://'), /downloads the URL[\s\S]*Not evaluated by the editor/);
    assert.match(hoverAt(5, '@(sym://'), /embedded in the uwsgi binary[\s\S]*Not evaluated by the editor/);
    assert.match(hoverAt(6, '@('), /reads the file[\s\S]*Not evaluated by the editor/);
    assert.match(hoverAt(7, 'hook-asap'), /never run by the editor|not evaluated by the editor|not run by the editor/i);
    assert.match(hoverAt(9, 'exec-asap'), /never run by the editor|not evaluated by the editor|not run by the editor/i);
  });

  it('the server process never reaches a process, network or vm API (tripwired), trusted or not', async () => {
    for (const trusted of [true, false]) {
      const client = new LspClient(['--stdio'], TRIPWIRED_SERVER);
      try {
        client.settings = { validation: { delayMs: 0 }, format: { enable: true } };
        await client.initialize(undefined, { trusted });
        client.open(uri, text);
        await client.diagnostics(uri, 1);
        const lines = text.split('\n');
        const td = { uri };
        for (let line = 0; line < lines.length; line++) {
          for (let character = 0; character <= lines[line]!.length; character += 4) {
            const position = { line, character };
            await client.request('textDocument/hover', { textDocument: td, position });
            await client.request('textDocument/completion', { textDocument: td, position });
            await client.request('textDocument/definition', { textDocument: td, position });
          }
        }
        await client.request('textDocument/documentLink', { textDocument: td });
        await client.request('textDocument/documentSymbol', { textDocument: td });
        await client.request('textDocument/formatting', { textDocument: td, options: { tabSize: 4, insertSpaces: true } });
        await client.request('textDocument/inlayHint', { textDocument: td, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
        assert.equal(await client.shutdown(), 0);
        assert.doesNotMatch(client.stderr, /TRIPWIRE/);
      } finally {
        if (client.process.exitCode === null) client.kill();
      }
    }
  });

  it('the tripwire itself fires (so its silence above means something)', () => {
    const result = spawnSync(process.execPath, ['-r', path.join(__dirname, 'tripwire.cjs'), '-e', ''], {
      env: { ...process.env, TRIPWIRE_SELF_TEST: '1' }, encoding: 'utf8',
    });
    assert.match(result.stderr, /TRIPWIRE child_process\.spawnSync/);
  });
});
