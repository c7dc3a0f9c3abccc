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
  // Over --stdio, a stray console.log would write into the protocol stream: everything printed
  // goes to the client's log instead, and so does a promise that failed with no one waiting.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  process.on('unhandledRejection', (reason) => connection.console.error(formatError('unhandled rejection', reason)));
  const userSettings = userSettingsFile(process.env);
  startServer(connection, { fileSystem: nodeFileSystem, ...(userSettings ? { userSettingsFile: userSettings } : {}) });
} else {
  // Exit explicitly: with --clientProcessId the library already watches the parent on a timer.
  const [stream, status] = request.kind === 'print' ? [process.stdout, 0] : [process.stderr, 2];
  stream.write(request.text, () => process.exit(status));
}
