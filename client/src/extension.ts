// The desktop extension (manifest `main`): the language server is the bundled Node module
// server/dist/server.js, forked over IPC with the memory flags of serverRuntime.ts. Everything
// else is activation.ts, shared with the web extension.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateClient, CLIENT_ID, CLIENT_NAME, deactivateClient, LANGUAGE_ID, UwsgiIniApi } from './activation';
import { SERVER_EXEC_ARGV } from './serverRuntime';

export { LANGUAGE_ID, UwsgiIniApi };

export function activate(context: vscode.ExtensionContext): Promise<UwsgiIniApi> {
  const serverModule = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  return activateClient(context, {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    serverDescription: serverModule,
    createClient: (clientOptions) => new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions),
    serverPid: (client) => (client as LanguageClient).serverProcess?.pid,
    numberSetting: (name) => {
      const value = Number(process.env[name]);
      return Number.isFinite(value) && value > 0 ? value : undefined;
    },
  });
}

export const deactivate = deactivateClient;
