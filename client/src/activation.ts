// The VS Code side of uwsgi-ini, the same on the desktop (extension.ts: the server is a Node
// process) and on the web (browserExtension.ts: the server is a web worker): starts the language
// server, keeps it told about settings and workspace trust, restarts it after a crash, and
// registers its commands (the effective configuration view in effectiveConfiguration.ts). Every
// feature is the server's.
import * as vscode from 'vscode';
import { BaseLanguageClient, CloseAction, DocumentSelector, ErrorAction, LanguageClientOptions, State } from 'vscode-languageclient';
import { CrashRestartPolicy } from './crashRestartPolicy';
import { registerEffectiveConfiguration } from './effectiveConfiguration';

export const LANGUAGE_ID = 'uwsgi-ini';
/** The client id: VS Code reads `<id>.trace.server`, which the manifest declares as `uwsgi.trace.server`. */
export const CLIENT_ID = 'uwsgi';
export const CLIENT_NAME = 'uWSGI Language Server';

/** What differs between the desktop and the web. */
export interface ClientHost {
  /** Which documents the server gets. */
  readonly documentSelector: DocumentSelector;
  /** What the output channel says is being started. */
  readonly serverDescription: string;
  createClient(clientOptions: LanguageClientOptions): BaseLanguageClient;
  /** The process id of the running server, where it is a process. */
  serverPid(client: BaseLanguageClient): number | undefined;
  /** A number from the environment (the e2e suites tune the crash policy); undefined on the web. */
  numberSetting(name: string): number | undefined;
  /** Called once the client exists, before it starts (the browser answers file requests). */
  wire?(client: BaseLanguageClient, output: vscode.LogOutputChannel): void;
}

/** What `activate` returns; the end-to-end tests drive the extension through it. */
export interface UwsgiIniApi {
  /** The language client (the same instance across restarts). */
  readonly client: BaseLanguageClient;
  /** Resolves once the client is running (waits for a start or restart in progress). */
  ready(): Promise<void>;
  /** Stops and starts the server, like the `uWSGI: Restart Language Server` command. */
  restart(): Promise<void>;
  /** The process id of the running server, if any. */
  serverPid(): number | undefined;
  /** Fires whenever the client reaches the running state (first start, restart, crash recovery). */
  readonly onDidStart: vscode.Event<void>;
  /** How many times the server has been restarted after it stopped unexpectedly. */
  readonly crashRestarts: number;
  /** At most `maxRestarts` automatic restarts within `windowMs`; then the server stays stopped. */
  readonly crashRestartPolicy: { readonly maxRestarts: number; readonly windowMs: number };
}

let client: BaseLanguageClient | undefined;

export async function activateClient(context: vscode.ExtensionContext, host: ClientHost): Promise<UwsgiIniApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);

  const crashPolicy = new CrashRestartPolicy(
    host.numberSetting('UWSGI_INI_MAX_RESTARTS') ?? 4,
    host.numberSetting('UWSGI_INI_RESTART_WINDOW_MS') ?? 3 * 60 * 1000,
  );

  // Included files (`include = ...`, `ini = ...`) may change on disk behind the editor's back.
  const iniWatcher = vscode.workspace.createFileSystemWatcher('**/*.ini');
  context.subscriptions.push(iniWatcher);

  const clientOptions: LanguageClientOptions = {
    documentSelector: host.documentSelector,
    synchronize: {
      configurationSection: 'uwsgi',
      fileEvents: iniWatcher,
    },
    // A function, so that a restart after trust is granted sends the new value.
    initializationOptions: () => ({
      trusted: vscode.workspace.isTrusted,
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('uwsgi'))) as unknown,
    }),
    outputChannel: output,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const decision = crashPolicy.onCrash(Date.now());
        if (decision.restart) {
          output.warn(`The server stopped unexpectedly; restarting it (${decision.recent} in the last ${decision.windowMinutes} min).`);
          return { action: CloseAction.Restart, handled: true };
        }
        const message = `The uWSGI language server stopped ${decision.recent} times in the last ${decision.windowMinutes} minutes and will not be restarted. Run "uWSGI: Restart Language Server" to try again.`;
        output.error(message);
        void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
          if (choice) output.show(true);
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };

  const lc = host.createClient(clientOptions);
  client = lc;
  host.wire?.(lc, output);

  const didStart = new vscode.EventEmitter<void>();
  context.subscriptions.push(didStart);
  let crashRestarts = 0;
  let wasRunning = false;
  let manualRestart = false;
  context.subscriptions.push(
    lc.onDidChangeState((e) => {
      output.info(`client state: ${State[e.oldState]} -> ${State[e.newState]}`);
      if (e.newState === State.Running) {
        if (wasRunning && !manualRestart) crashRestarts++;
        wasRunning = true;
        didStart.fire();
      }
    }),
  );

  // Resolves once the client is running; starts the server if no uwsgi-ini document did yet.
  const ready = async (): Promise<void> => {
    void ensureStarted();
    if (lc.state === State.Running) return;
    await new Promise<void>((resolve) => {
      const sub = lc.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          sub.dispose();
          resolve();
        }
      });
    });
  };

  // Restarts are serialized: a second request waits for the first to finish.
  let restarting: Promise<void> = Promise.resolve();
  const restart = (): Promise<void> => {
    restarting = restarting.catch(() => undefined).then(async () => {
      manualRestart = true;
      try {
        output.info('restarting the server');
        crashPolicy.reset();
        if (!started) {
          await ensureStarted();
          return;
        }
        await started;
        if (lc.state === State.Running || lc.state === State.Starting) {
          await lc.stop().catch((e: unknown) => output.error(`stopping the server failed: ${String(e)}`));
        }
        await lc.start();
      } finally {
        manualRestart = false;
      }
    });
    return restarting;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('uwsgi-ini.restartServer', () => restart()),
    vscode.commands.registerCommand('uwsgi-ini.showOutput', () => output.show(true)),
    // Untrusted workspaces get the limited server (no include resolution); on trust, start over.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.info('workspace trust granted: restarting the server');
      void restart();
    }),
    { dispose: () => void lc.dispose() },
  );

  registerEffectiveConfiguration(context, lc, ready, LANGUAGE_ID);

  // The server starts with the first uwsgi-ini document, not with every ini file (the extension
  // also activates on `ini`, to adopt files whose first line is `[uwsgi]`).
  let started: Promise<void> | undefined;
  const ensureStarted = (): Promise<void> => {
    started ??= (async () => {
      output.info(`starting ${host.serverDescription} (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted'})`);
      try {
        await lc.start();
      } catch (e) {
        output.error(`the server failed to start: ${String(e)}`);
      }
    })();
    return started;
  };
  const firstLine = firstLinePattern(context);
  const onDocument = (doc: vscode.TextDocument): void => {
    if (doc.languageId === LANGUAGE_ID) void ensureStarted();
    else if (adoptByFirstLine(doc, firstLine)) {
      output.info(`${doc.uri.toString(true)} starts with [uwsgi]: using the ${LANGUAGE_ID} language`);
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(onDocument));
  vscode.workspace.textDocuments.forEach(onDocument);

  return {
    client: lc,
    ready,
    restart,
    serverPid: () => host.serverPid(lc),
    onDidStart: didStart.event,
    get crashRestarts() {
      return crashRestarts;
    },
    crashRestartPolicy: crashPolicy,
  };
}

export async function deactivateClient(): Promise<void> {
  if (client && client.state !== State.Stopped) await client.stop();
}

/**
 * VS Code applies a language's `firstLine` only to files no other language claims by name, and the
 * built-in `ini` language claims every `*.ini`: so `app.ini` starting with `[uwsgi]` opens as `ini`.
 * Such documents are switched to uwsgi-ini here, with the pattern the manifest declares.
 */
function adoptByFirstLine(doc: vscode.TextDocument, firstLine: RegExp | undefined): boolean {
  return !!firstLine && doc.languageId === 'ini' && doc.lineCount > 0 && firstLine.test(doc.lineAt(0).text);
}

function firstLinePattern(context: vscode.ExtensionContext): RegExp | undefined {
  const languages = (context.extension.packageJSON as { contributes?: { languages?: { id: string; firstLine?: string }[] } })
    .contributes?.languages;
  const pattern = languages?.find((l) => l.id === LANGUAGE_ID)?.firstLine;
  return pattern ? new RegExp(pattern) : undefined;
}
