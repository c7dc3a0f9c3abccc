// The web extension (manifest `browser`: vscode.dev, github.dev, code-server's web worker extension
// host): the language server is server/dist/browserServer.js in a web worker, and the included
// files it asks for are read here with `vscode.workspace.fs`. Everything else is activation.ts,
// shared with the desktop extension.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, MessageTransports } from 'vscode-languageclient/browser';
import { activateClient, CLIENT_ID, CLIENT_NAME, deactivateClient, LANGUAGE_ID, UwsgiIniApi } from './activation';
import { answerWorkspaceFile, WORKSPACE_FILE_REQUEST, WorkspaceFileParams } from './workspaceFiles';

export { LANGUAGE_ID, UwsgiIniApi };

/** The worker API of the browser (the client compiles without the DOM library). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;

export function activate(context: vscode.ExtensionContext): Promise<UwsgiIniApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'server', 'dist', 'browserServer.js');
  let worker: WebWorker | undefined;
  let blobUrl: string | undefined;
  const stopWorker = (): void => {
    worker?.terminate();
    worker = undefined;
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = undefined;
  };
  context.subscriptions.push({ dispose: stopWorker });

  // Called for every start: a restart gets a fresh worker (the client never ends the old one).
  // The client is given the reader and writer, not the worker: VS Code's web host wraps `Worker`,
  // so what it returns is no `instanceof Worker` and the client would not know it for one.
  const startWorker = async (): Promise<MessageTransports> => {
    stopWorker();
    worker = new Worker(await workerUrl(), { name: 'uwsgi-ini language server' });
    const port = worker as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  };
  // The extension's own files may live on another origin (a CDN, a vscode-remote: URI), from
  // which a worker cannot be started: start it from a Blob of the bundle's text. Where the
  // extension's files cannot be read, the URL itself (VS Code's web host starts such workers).
  const workerUrl = async (): Promise<string> => {
    try {
      const bytes = await vscode.workspace.fs.readFile(serverMain);
      blobUrl = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
      return blobUrl;
    } catch {
      return serverMain.toString(true);
    }
  };

  return activateClient(context, {
    documentSelector: webSchemes().map((scheme) => ({ scheme, language: LANGUAGE_ID })),
    serverDescription: `${serverMain.toString(true)} in a web worker`,
    createClient: (clientOptions) =>
      new LanguageClient(CLIENT_ID, CLIENT_NAME, startWorker, clientOptions),
    serverPid: () => undefined,
    numberSetting: () => undefined,
    wire: (client, output) => {
      client.onRequest(WORKSPACE_FILE_REQUEST, (params: WorkspaceFileParams) =>
        answerWorkspaceFile(vscode.workspace.fs, vscode.workspace.isTrusted, params, (value) => vscode.Uri.parse(value, true)).catch((error: unknown) => {
          output.warn(`reading ${params.uri} for the server failed: ${String(error)}`);
          throw error;
        }));
    },
  });
}

export const deactivate = deactivateClient;

/**
 * The file systems whose documents the server checks: those of the workspace folders, and the
 * ones the web hosts use for files (github.dev and vscode.dev: vscode-vfs; code-server and
 * remotes: vscode-remote; a local folder opened in the browser: file), and untitled documents.
 * Not the views of other versions (git:, pull request diffs), as on the desktop.
 */
function webSchemes(): string[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme);
  return [...new Set([...folders, 'vscode-vfs', 'vscode-remote', 'file', 'untitled'])];
}
