import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_VERSION, startServer } from '../server';
import { readCommandLine } from './commandLine';
import { nodeFileSystem } from './nodeFileSystem';
import { userSettingsFile } from '../settings/projectSettings';

const request = readCommandLine(process.argv.slice(2), SERVER_VERSION);
if (request.kind === 'serve') {
  // The connection takes the transport from the same arguments: --stdio, --node-ipc, --socket, --pipe.
  const userSettings = userSettingsFile(process.env);
  startServer(createConnection(ProposedFeatures.all), { fileSystem: nodeFileSystem, ...(userSettings ? { userSettingsFile: userSettings } : {}) });
} else {
  // Exit explicitly: with --clientProcessId the library already watches the parent on a timer.
  const [stream, status] = request.kind === 'print' ? [process.stdout, 0] : [process.stderr, 2];
  stream.write(request.text, () => process.exit(status));
}
