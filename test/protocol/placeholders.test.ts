import { strict as assert } from 'node:assert';
import { LspClient, defaultCapabilities, spawnServerPerTest } from './lspClient';

const URI = 'file:///srv/vassals/app.ini';
const TEXT = '[uwsgi]\nuid = app\ngid = app\nchdir = /srv/%(app_name)\nlogto = /var/log/%(site).log\n';

describe('protocol: placeholders supplied from outside', function () {
  this.timeout(20_000);
  let client: LspClient;
  spawnServerPerTest((spawned) => (client = spawned));

  const undefinedNames = (diagnostics: { code: string; range: { start: { line: number } } }[]): number[] =>
    diagnostics.filter((d) => d.code === 'undefined-placeholder').map((d) => d.range.start.line);

  it('takes uwsgi.placeholders from the client: a declared name is not reported, the other one is', async () => {
    client.settings = { placeholders: ['app_name'] };
    await client.initialize();
    client.open(URI, TEXT);
    // The server pulls its settings after `initialized`: a first check may run on the defaults, so
    // judge the latest diagnostics once they settle.
    await client.diagnostics(URI);
    const latest = (): number[] => {
      const published = client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === URI);
      return undefinedNames((published[published.length - 1]!.params as { diagnostics: any[] }).diagnostics);
    };
    const deadline = Date.now() + 5000;
    while (latest().length !== 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const lines = latest();
    assert.deepEqual(lines, [4]);
  });

  it('takes them from initializationOptions from a client that has no settings to pull', async () => {
    // A client that can answer workspace/configuration has the last word, so this one cannot.
    const { workspace: _pull, ...withoutConfigurationPull } = defaultCapabilities as typeof defaultCapabilities & { workspace?: unknown };
    await client.initialize(withoutConfigurationPull, { settings: { placeholders: ['app_name', 'site'] } });
    client.open(URI, TEXT);
    const { diagnostics } = await client.diagnostics(URI);
    assert.deepEqual(undefinedNames(diagnostics), []);
  });
});
