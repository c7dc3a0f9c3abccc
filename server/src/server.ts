import {
  CancellationToken,
  ClientCapabilities,
  CodeActionKind,
  Connection,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileSystemWatcher,
  MessageType,
  InitializeParams,
  InitializeResult,
  ResponseError,
  LSPErrorCodes,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, LanguageService } from './service/languageService';
import { UwsgiDocument } from './service/uwsgiDocument';
import { onRuleFailure } from './service/validation';
import { COMPLETION_TRIGGER_CHARACTERS } from './service/completion';
import { isRenameRefusal } from './service/navigation';
import { flattenSymbols } from './service/symbols';
import { FoldingContext } from './service/folding';
import { DEFAULT_INCLUDE_LIMITS, dirname, documentPath, FileSystemPort, pathToUri } from './analysis/fileSystem';
import { ProjectSettings, SETTINGS_FILE_NAMES } from './settings/projectSettings';
import { SettingsProblem } from './settings/settingsFile';
import { DIAGNOSTIC_SOURCE } from './service/validation';

export const SERVER_NAME = 'uwsgi-ini-language-server';
export const SERVER_VERSION = '0.1.0';

/** The turn after the pending I/O callbacks and immediates; a timer where there is no `setImmediate`. */
const nextTurn: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => void setImmediate(run) : (run) => void setTimeout(run, 0);

/** Quiet time after the last close before the server collects garbage (with `--expose-gc`). */
const COLLECT_AFTER_CLOSE_MS = 1_000;

/** What the client told us at start-up that changes how we answer. */
export interface ClientFeatures {
  markdown: boolean;
  snippets: boolean;
  configurationPull: boolean;
}

function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const hoverFormats = capabilities.textDocument?.hover?.contentFormat;
  return {
    markdown: hoverFormats === undefined || hoverFormats.includes('markdown'),
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    configurationPull: capabilities.workspace?.configuration === true,
  };
}

/**
 * The parsed documents, keyed by uri and version: every request and the validator share one
 * parse per version.
 */
class ParseCache {
  /** In least-recently-used order (a Map keeps insertion order). */
  private readonly entries = new Map<string, { version: number; parsed: UwsgiDocument }>();

  /**
   * A parse takes ~10x the memory of its text, and only the few documents being worked on need
   * one at hand: the others are parsed again on demand (~1 ms per 1,000 lines). Bounded so that
   * hundreds of open files cost their text, not their syntax trees (docs/performance.md).
   */
  static readonly MAX_ENTRIES = 8;

  constructor(private readonly service: LanguageService) {}

  get(document: TextDocument): UwsgiDocument {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) {
      this.entries.delete(document.uri);
      this.entries.set(document.uri, cached);
      return cached.parsed;
    }
    const parsed = this.service.parse(document);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, parsed });
    if (this.entries.size > ParseCache.MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return parsed;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Forgets every parse: what the documents include may have changed. */
  clear(): void {
    this.entries.clear();
  }
}

function settingsDiagnostic(problem: SettingsProblem): Diagnostic {
  const position = { line: problem.line - 1, character: problem.column - 1 };
  return { range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'settings-file', message: problem.message };
}

/**
 * A file system whose answers arrive later (the browser's, asked of the client): what it cannot
 * answer yet it remembers as pending. A validation that left questions pending is not published:
 * the server fetches the answers and validates again, so nothing is reported missing because it
 * was not fetched yet.
 */
export interface DeferredFileSystem extends FileSystemPort {
  hasPending(): boolean;
  /** Fetches (some of) the pending answers. */
  fetchPending(): Promise<void>;
  /** Files may have changed: ask again. */
  forget(): void;
}

function isDeferred(fileSystem: FileSystemPort | undefined): fileSystem is DeferredFileSystem {
  return typeof (fileSystem as Partial<DeferredFileSystem> | undefined)?.fetchPending === 'function';
}

/** Fetch rounds before a validation is published anyway: one per level of includes, and some. */
const MAX_FETCH_ROUNDS = DEFAULT_INCLUDE_LIMITS.maxDepth + 2;

/** What the host platform provides; the browser or a test may give less. */
export interface RuntimeEnvironment {
  /** File access for included files, used only while the workspace is trusted. */
  readonly fileSystem?: FileSystemPort | DeferredFileSystem;
  /** What file access becomes in an untrusted workspace: none, unless it should say why (the browser). */
  readonly untrustedFileSystem?: FileSystemPort;
  /** The user-level settings file (`$XDG_CONFIG_HOME/uwsgi-ini/config.toml`). */
  readonly userSettingsFile?: string;
}

export function startServer(connection: Connection, runtime: RuntimeEnvironment = {}): void {
  const service = getLanguageService();
  const documents = new TextDocuments(TextDocument);
  const cache = new ParseCache(service);
  /** A validation waiting for its timer, or for its turn after the messages already received. */
  const pendingValidation = new Map<string, { timer?: ReturnType<typeof setTimeout>; cancelled: boolean }>();
  let features: ClientFeatures = { markdown: true, snippets: false, configurationPull: false };
  let inlayHintRefresh = false;
  let folding: FoldingContext = {};
  let hierarchicalSymbols = true;
  /** Project settings files; none without file access (untrusted workspaces, the browser). */
  let project: ProjectSettings | undefined;
  let watchesSettingsFiles = false;
  let relativePatterns = false;
  /** The file system when its answers arrive later (the browser), with fetch rounds by document uri. */
  let deferred: DeferredFileSystem | undefined;
  const fetchRounds = new Map<string, number>();

  onRuleFailure((ruleId, error) => {
    connection.console.error(`rule ${ruleId} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  });

  /**
   * Every handler: look up the document, take its cached parse, call the service. Exceptions are
   * logged and answered with the empty result, so a bug in one feature never kills the server.
   */
  function handle<R>(name: string, uri: string, empty: R, token: CancellationToken | undefined, run: (parsed: UwsgiDocument) => R): R | ResponseError<void> {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    const document = documents.get(uri);
    if (!document) return empty;
    try {
      return run(cache.get(document));
    } catch (error) {
      connection.console.error(`${name} failed on ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return empty;
    } finally {
      if (name !== 'validation') fetchAfterRequest();
    }
  }

  /**
   * A request (links, hover, inlay hints) asked what the deferred file system could not answer
   * yet: fetch it now, so that the next request knows, and have inlay hints asked again.
   */
  let fetchingAfterRequest = false;
  /** Refreshes until the next edit: a document naming more paths than the answers kept must not loop. */
  let refreshesLeft = MAX_FETCH_ROUNDS;
  function fetchAfterRequest(): void {
    if (!deferred?.hasPending() || fetchingAfterRequest) return;
    fetchingAfterRequest = true;
    const fileSystem = deferred;
    void fileSystem.fetchPending().catch(() => undefined).then(() => {
      fetchingAfterRequest = false;
      cache.clear();
      if (inlayHintRefresh && refreshesLeft-- > 0) void connection.languages.inlayHint.refresh().catch(() => undefined);
    });
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // Malformed clients send no capabilities at all: treat that as a client that supports nothing.
    const capabilities: ClientCapabilities = params.capabilities ?? {};
    features = clientFeatures(capabilities);
    const completionItem = capabilities.textDocument?.completion?.completionItem;
    service.configureClient({
      markdown: features.markdown,
      snippets: features.snippets,
      resolveDocumentation: completionItem?.resolveSupport?.properties.includes('documentation') === true,
    });
    inlayHintRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
    const foldingCapabilities = capabilities.textDocument?.foldingRange;
    folding = { lineFoldingOnly: foldingCapabilities?.lineFoldingOnly === true, rangeLimit: foldingCapabilities?.rangeLimit };
    hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    const prepareRename = capabilities.textDocument?.rename?.prepareSupport === true;
    const options = params.initializationOptions as { settings?: unknown; trusted?: unknown } | undefined;
    if (options?.settings !== undefined) service.configure(options.settings);
    // A client that says nothing about trust is an ordinary editor or the CLI: files may be read.
    const trusted = options?.trusted !== false;
    const fileSystem = trusted ? runtime.fileSystem : runtime.untrustedFileSystem;
    service.configureFileAccess(fileSystem);
    deferred = isDeferred(fileSystem) ? fileSystem : undefined;
    project = fileSystem && trusted
      ? new ProjectSettings({ fileSystem, ruleIds: service.rules.map((rule) => rule.id), ...(runtime.userSettingsFile ? { userSettingsFile: runtime.userSettingsFile } : {}) })
      : undefined;
    service.configureDocumentSettings(project);
    watchesSettingsFiles = project !== undefined && capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    relativePatterns = capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: true },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'uWSGI' },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: prepareRename ? { prepareProvider: true } : true,
        documentLinkProvider: { resolveProvider: false },
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchesSettingsFiles) {
      const watchers: FileSystemWatcher[] = SETTINGS_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` }));
      const user = runtime.userSettingsFile;
      // The user-level file lies outside every workspace folder: only a relative pattern reaches it.
      if (user && relativePatterns) watchers.push({ globPattern: { baseUri: pathToUri(dirname(user)), pattern: user.slice(dirname(user).length + 1) } });
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => {
        watchesSettingsFiles = false;
      });
    }
    if (features.configurationPull) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'uwsgi' }).catch(() => undefined);
      void pullSettings();
    }
  });

  async function pullSettings(): Promise<void> {
    try {
      const [settings] = await connection.workspace.getConfiguration([{ section: 'uwsgi' }]);
      service.configure(settings ?? {});
    } catch {
      // A client that cannot answer keeps the defaults.
    }
    revalidateAll();
  }

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as { uwsgi?: unknown } | undefined)?.uwsgi;
    if (features.configurationPull) {
      void pullSettings();
    } else {
      service.configure(settings ?? {});
      revalidateAll();
    }
  });

  function validateNow(uri: string, scheduledVersion?: number): void {
    pendingValidation.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    // Without watched-file events, a settings file may have changed since any check: read again.
    if (!watchesSettingsFiles) project?.invalidate();
    const version = document.version;
    // An edit arrived since: its own validation is scheduled, this one would be thrown away.
    if (scheduledVersion !== undefined && scheduledVersion !== version) return;
    const diagnostics = handle('validation', uri, [], undefined, (parsed) => service.doValidation(parsed));
    updateSettingsProblems(uri);
    if (deferred?.hasPending() && (fetchRounds.get(uri) ?? 0) < MAX_FETCH_ROUNDS) {
      fetchRounds.set(uri, (fetchRounds.get(uri) ?? 0) + 1);
      void fetchThenValidate(deferred, uri);
      return;
    }
    fetchRounds.delete(uri);
    if (Array.isArray(diagnostics)) void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Fetches what the last validation asked and could not be told, then validates again. */
  async function fetchThenValidate(fileSystem: DeferredFileSystem, uri: string): Promise<void> {
    try {
      await fileSystem.fetchPending();
    } catch (error) {
      connection.console.error(`reading files for ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Parses and settings files read before the answers came hold what was not known then.
    cache.clear();
    project?.invalidate();
    if (documents.get(uri)) scheduleValidation(uri, 0);
  }

  /** Problems of the settings files each open document reads, by document uri. */
  const settingsProblems = new Map<string, readonly SettingsProblem[]>();
  /** What was last published (and announced) for each settings file, by its uri. */
  const publishedSettings = new Map<string, string>();

  function updateSettingsProblems(documentUri: string): void {
    const path = documentPath(documentUri, runtime.fileSystem);
    try {
      const problems = project && path !== undefined && documents.get(documentUri) ? project.resolve(path, service.settings).problems : [];
      if (problems.length > 0) settingsProblems.set(documentUri, problems);
      else settingsProblems.delete(documentUri);
      publishSettingsProblems();
    } catch (error) {
      connection.console.error(`settings files of ${documentUri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  /**
   * A settings file is not a document of ours, so its problems go two ways: diagnostics on its uri
   * (the Problems panel lists them, a client that opens the file shows them in place) and, once per
   * new set, a message, since some clients show diagnostics only for files they have open.
   */
  function publishSettingsProblems(): void {
    const byFile = new Map<string, SettingsProblem[]>();
    for (const problems of settingsProblems.values()) {
      for (const problem of problems) {
        const list = byFile.get(problem.path) ?? [];
        if (!list.some((p) => p.line === problem.line && p.column === problem.column && p.message === problem.message)) list.push(problem);
        byFile.set(problem.path, list);
      }
    }
    const current = new Set<string>();
    for (const [path, problems] of byFile) {
      const uri = runtime.fileSystem?.uriOf?.(path) ?? pathToUri(path);
      current.add(uri);
      const key = JSON.stringify(problems);
      if (publishedSettings.get(uri) === key) continue;
      publishedSettings.set(uri, key);
      void connection.sendDiagnostics({ uri, diagnostics: problems.map(settingsDiagnostic) });
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      void connection.sendNotification('window/showMessage', {
        type: MessageType.Warning,
        message: `uWSGI settings: ${path}:${first.line}:${first.column}: ${first.message}${more}`,
      });
    }
    for (const uri of [...publishedSettings.keys()]) {
      if (current.has(uri)) continue;
      publishedSettings.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  function scheduleValidation(uri: string, delay = service.settings.validation.delayMs): void {
    cancelValidation(uri);
    const version = documents.get(uri)?.version;
    // Even without a delay, validation waits for a timer and then for one more turn after the
    // connection's queue of received messages, which it handles one per turn: edits already
    // received are applied first, and a version they supersede is never validated (10,000 edits
    // sent at once cost one validation, not 10,000).
    const pending: { timer?: ReturnType<typeof setTimeout>; cancelled: boolean } = { cancelled: false };
    pending.timer = setTimeout(() => {
      pending.timer = undefined;
      nextTurn(() => {
        if (!pending.cancelled) validateNow(uri, version);
      });
    }, Math.max(0, delay));
    pendingValidation.set(uri, pending);
  }

  function cancelValidation(uri: string): void {
    const pending = pendingValidation.get(uri);
    if (!pending) return;
    pending.cancelled = true;
    if (pending.timer) clearTimeout(pending.timer);
    pendingValidation.delete(uri);
  }

  function revalidateAll(): void {
    // Settings changed (the placeholders switch, the section): hints already shown may be stale.
    if (inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    for (const document of documents.all()) scheduleValidation(document.uri, 0);
  }

  documents.onDidOpen((event) => {
    // Watchers cover the workspace folders only: a settings file above them is read again here.
    project?.invalidate();
    fetchRounds.delete(event.document.uri);
    scheduleValidation(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    fetchRounds.delete(event.document.uri);
    refreshesLeft = MAX_FETCH_ROUNDS;
    scheduleValidation(event.document.uri);
  });
  // An included ini file or a settings file changed on disk: open documents may now read
  // different options, or be checked with different settings.
  connection.onDidChangeWatchedFiles(() => {
    deferred?.forget();
    fetchRounds.clear();
    cache.clear();
    project?.invalidate();
    revalidateAll();
  });

  documents.onDidClose((event) => {
    cancelValidation(event.document.uri);
    fetchRounds.delete(event.document.uri);
    cache.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    settingsProblems.delete(event.document.uri);
    publishSettingsProblems();
    collectAfterClosing();
  });

  /**
   * Closed documents are garbage, but V8 collects only when something allocates again: an idle
   * server kept the memory of every document it ever had open. When the process runs with
   * `--expose-gc` (the extension starts it so, client/src/serverRuntime.ts), collect once after a
   * burst of closes has settled. Elsewhere this does nothing.
   */
  let collection: ReturnType<typeof setTimeout> | undefined;
  function collectAfterClosing(): void {
    const collect = (globalThis as { gc?: (options?: object) => void }).gc;
    if (typeof collect !== 'function') return;
    if (collection) clearTimeout(collection);
    collection = setTimeout(() => {
      collection = undefined;
      // A plain gc() frees the objects but V8 keeps the emptied pages mapped; the last-resort
      // flavour compacts and hands them back to the system (V8 11+; older ones ignore the options).
      collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    }, COLLECT_AFTER_CLOSE_MS);
    collection.unref?.();
  }

  connection.onCodeAction((params, token) =>
    handle('codeAction', params.textDocument.uri, [], token, (parsed) => service.doCodeActions(parsed, params.range, params.context)));

  connection.onCompletion((params, token) =>
    handle('completion', params.textDocument.uri, null, token, (parsed) => service.doComplete(parsed, params.position)));
  connection.onCompletionResolve((item) => {
    try {
      return service.doResolveCompletion(item);
    } catch (error) {
      connection.console.error(`completionResolve failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return item;
    }
  });
  connection.onHover((params, token) =>
    handle('hover', params.textDocument.uri, null, token, (parsed) => service.doHover(parsed, params.position)));
  connection.languages.inlayHint.on((params, token) =>
    handle('inlayHint', params.textDocument.uri, [], token, (parsed) => service.getInlayHints(parsed, params.range)));

  connection.onDocumentSymbol((params, token) =>
    handle('documentSymbol', params.textDocument.uri, [], token, (parsed) => {
      const symbols = service.findDocumentSymbols(parsed);
      return hierarchicalSymbols ? symbols : flattenSymbols(symbols, params.textDocument.uri);
    }));
  connection.onFoldingRanges((params, token) =>
    handle('foldingRange', params.textDocument.uri, [], token, (parsed) => service.getFoldingRanges(parsed, folding)));
  connection.onDefinition((params, token) =>
    handle('definition', params.textDocument.uri, [], token, (parsed) => service.findDefinition(parsed, params.position)));
  connection.onReferences((params, token) =>
    handle('references', params.textDocument.uri, [], token, (parsed) =>
      service.findReferences(parsed, params.position, params.context.includeDeclaration)));
  // A refused rename is answered with an error, so the editor shows why.
  connection.onPrepareRename((params, token) =>
    handle('prepareRename', params.textDocument.uri, null, token, (parsed) => {
      const result = service.prepareRename(parsed, params.position);
      return isRenameRefusal(result) ? new ResponseError(LSPErrorCodes.RequestFailed, result.message) : result;
    }));
  connection.onRenameRequest((params, token) =>
    handle('rename', params.textDocument.uri, null, token, (parsed) => {
      const result = service.doRename(parsed, params.position, params.newName);
      return isRenameRefusal(result) ? new ResponseError(LSPErrorCodes.RequestFailed, result.message) : result;
    }));
  connection.onDocumentLinks((params, token) =>
    handle('documentLink', params.textDocument.uri, [], token, (parsed) => service.findDocumentLinks(parsed)));
  connection.onSelectionRanges((params, token) =>
    handle('selectionRange', params.textDocument.uri, [], token, (parsed) => service.getSelectionRanges(parsed, params.positions)));
  connection.onDocumentFormatting((params, token) =>
    handle('formatting', params.textDocument.uri, [], token, (parsed) => service.format(parsed, undefined, params.options)));
  connection.onDocumentRangeFormatting((params, token) =>
    handle('rangeFormatting', params.textDocument.uri, [], token, (parsed) => service.format(parsed, params.range, params.options)));

  documents.listen(connection);
  connection.listen();
}
