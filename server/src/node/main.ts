import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { VERSION } from '../version';
import { readCommandLine } from './commandLine';
import { nodeFileSystem } from './nodeFileSystem';
import { userSettingsFile } from '../settings/projectSettings';
import { formatError } from '../lsp/runSafe';

const request = readCommandLine(process.argv.slice(2), VERSION);
if (request.kind === 'serve') {
  // The connection takes the transport from the same arguments: --stdio, --node-ipc, --socket, --pipe.
  const connection = createConnection(ProposedFeatures.all);
  // Over --stdio the library already sends console output to the client's log (its stdout is the
  // protocol stream); a promise that failed with no one waiting goes there too.
  process.on('unhandledRejection', (reason) => connection.console.error(formatError('unhandled rejection', reason)));
  const userSettings = userSettingsFile(process.env);
  startServer(connection, { fileSystem: nodeFileSystem, ...(userSettings ? { userSettingsFile: userSettings } : {}) });
} else {
  // Exit explicitly: with --clientProcessId the library already watches the parent on a timer.
  const [stream, status] = request.kind === 'print' ? [process.stdout, 0] : [process.stderr, 2];
  stream.write(request.text, () => process.exit(status));
}
