// The language server in a web worker (VS Code for the Web: vscode.dev, github.dev, code-server's
// web worker extension host). The same startServer as the Node entry; messages travel by
// postMessage, and included files are read through the client's workspace file system
// (workspaceFileSystem.ts), never by this worker itself.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { noFileAccess } from '../analysis/fileSystem';
import { startServer } from '../server';
import { WorkspaceFileSystem } from './workspaceFileSystem';

/** The worker's global scope; typed loosely, as the server compiles without the DOM library. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, {
  fileSystem: new WorkspaceFileSystem(connection),
  untrustedFileSystem: noFileAccess('files are not read in an untrusted workspace'),
});
