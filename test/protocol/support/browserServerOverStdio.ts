// The browser server's wiring (server/src/browser/main.ts: startServer with the workspace file
// system that asks the client for files) over stdio instead of postMessage, so that the protocol
// specs can drive it from Node. The transport is the only difference.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { noFileAccess } from '../../../server/src/analysis/fileSystem';
import { WorkspaceFileSystem } from '../../../server/src/browser/workspaceFileSystem';
import { startServer } from '../../../server/src/server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  fileSystem: new WorkspaceFileSystem(connection),
  untrustedFileSystem: noFileAccess('files are not read in an untrusted workspace'),
});
