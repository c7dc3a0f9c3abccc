import { Connection, Diagnostic, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** How diagnostics reach the client; the rest of the server only asks for them to be redone. */
export interface DiagnosticsSupport {
  /** Settings or included files changed: every open document's diagnostics may be stale. */
  requestRefresh(): void;
  dispose(): void;
}

/**
 * The diagnostics of a document as it is now, or `undefined` when it changed while they were
 * being worked out (asynchronously: the browser fetches included files first). Never rejects:
 * failures are the caller's to log.
 */
export type Validate = (document: TextDocument) => Promise<Diagnostic[] | undefined>;

/** The turn after the pending I/O callbacks and immediates; a timer where there is no `setImmediate`. */
const nextTurn: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => void setImmediate(run) : (run) => void setTimeout(run, 0);

interface PendingValidation {
  timer?: ReturnType<typeof setTimeout>;
  cancelled: boolean;
}

/**
 * Push: the server validates after each change (after `delayMs`) and publishes the result with
 * the version it is for. For clients without pull diagnostics (Neovim, Emacs, Helix, the tests).
 */
export function registerDiagnosticsPushSupport(documents: TextDocuments<TextDocument>, connection: Connection, validate: Validate, delayMs: () => number): DiagnosticsSupport {
  const pending = new Map<string, PendingValidation>();

  async function validateNow(uri: string, scheduledVersion: number | undefined): Promise<void> {
    pending.delete(uri);
    const document = documents.get(uri);
    // An edit arrived since: its own validation is scheduled, this one would be thrown away.
    if (!document || (scheduledVersion !== undefined && scheduledVersion !== document.version)) return;
    const version = document.version;
    const diagnostics = await validate(document);
    if (diagnostics === undefined || documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    cancel(uri);
    const version = documents.get(uri)?.version;
    // Even without a delay, validation waits for a timer and then for one more turn after the
    // connection's queue of received messages, which it handles one per turn: edits already
    // received are applied first, and a version they supersede is never validated (10,000 edits
    // sent at once cost one validation, not 10,000).
    const entry: PendingValidation = { cancelled: false };
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      nextTurn(() => {
        if (!entry.cancelled) void validateNow(uri, version);
      });
    }, Math.max(0, delay));
    pending.set(uri, entry);
  }

  function cancel(uri: string): void {
    const entry = pending.get(uri);
    if (!entry) return;
    entry.cancelled = true;
    if (entry.timer) clearTimeout(entry.timer);
    pending.delete(uri);
  }

  const subscriptions = [
    documents.onDidOpen((event) => schedule(event.document.uri, 0)),
    documents.onDidChangeContent((event) => schedule(event.document.uri, delayMs())),
    documents.onDidClose((event) => {
      cancel(event.document.uri);
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    }),
  ];
  return {
    requestRefresh() {
      for (const document of documents.all()) schedule(document.uri, 0);
    },
    dispose() {
      subscriptions.forEach((subscription) => subscription.dispose());
      for (const uri of [...pending.keys()]) cancel(uri);
    },
  };
}

/**
 * Pull (`textDocument/diagnostic`, LSP 3.17): the client asks when it wants them, for the
 * documents it shows, and cancels what an edit made stale; a refresh asks it to pull again.
 */
export function registerDiagnosticsPullSupport(documents: TextDocuments<TextDocument>, connection: Connection, validate: Validate, refreshSupported: boolean): DiagnosticsSupport {
  // Cancelled because an edit made it stale: the client pulls again for the new version.
  const stale = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'stale', { retriggerRequest: true });
  connection.languages.diagnostics.on(async (params, token) => {
    if (token.isCancellationRequested) return stale();
    const document = documents.get(params.textDocument.uri);
    const items = document ? await validate(document) : [];
    return items === undefined || token.isCancellationRequested ? stale() : { kind: DocumentDiagnosticReportKind.Full, items };
  });
  return {
    requestRefresh() {
      if (refreshSupported) void connection.languages.diagnostics.refresh().catch(() => undefined);
    },
    dispose() {
      // The request handler lives as long as the connection.
    },
  };
}
