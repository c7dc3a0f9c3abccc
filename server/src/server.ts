import { Connection, InitializeParams, InitializeResult, LSPErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, LanguageService } from './service/languageService';
import { onRuleFailure } from './service/validation';
import { isRenameRefusal, RenameRefusal } from './service/navigation';
import { flattenSymbols } from './service/symbols';
import { allRules } from './service/rules';
import { documentPath, FileSystemPort, pathUri } from './analysis/fileSystem';
import { ProjectSettings } from './settings/projectSettings';
import { ClientSupport, readClientSupport, serverCapabilities } from './lsp/clientSupport';
import { getDocumentCache } from './lsp/documentCache';
import { DiagnosticsSupport, registerDiagnosticsPullSupport, registerDiagnosticsPushSupport } from './lsp/diagnostics';
import { DeferredAnswers, DeferredFileSystem, isDeferred } from './lsp/deferredFileSystem';
import { collectorAfterClosing } from './lsp/memory';
import { documentRequests, formatError, runSafe } from './lsp/runSafe';
import { SettingsFileProblems } from './lsp/settingsFileProblems';
import { registerSettingsSync, watchSettingsFiles } from './lsp/settingsSync';
import { SERVER_NAME, VERSION } from './version';

/** Custom request: `{ textDocument: { uri } }` -> `EffectiveConfiguration` (service/effectiveConfiguration.ts) or null. */
export const EFFECTIVE_CONFIGURATION_REQUEST = 'uwsgi-ini/effectiveConfiguration';

/** What the host platform provides; the browser or a test may give less. */
export interface RuntimeEnvironment {
  /** File access for included files, used only while the workspace is trusted. */
  readonly fileSystem?: FileSystemPort | DeferredFileSystem;
  /** What file access becomes in an untrusted workspace: none, unless it should say why (the browser). */
  readonly untrustedFileSystem?: FileSystemPort;
  /** The user-level settings file (`$XDG_CONFIG_HOME/uwsgi-ini/config.toml`). */
  readonly userSettingsFile?: string;
}

/** Parses kept at hand (docs/performance.md: hundreds of open files cost their text, not their trees). */
const MAX_CACHED_PARSES = 8;

/** A refused rename is answered with an error, so the editor shows why. */
const refusedAsError = <T>(result: T | RenameRefusal): T | ResponseError<void> =>
  isRenameRefusal(result) ? new ResponseError(LSPErrorCodes.RequestFailed, result.message) : result;

export function startServer(connection: Connection, runtime: RuntimeEnvironment = {}): void {
  const documents = new TextDocuments(TextDocument);
  const log = { error: (message: string) => connection.console.error(message) };
  // Built in `initialize`, from what the client and the workspace allow; nothing is asked before.
  let service: LanguageService | undefined;
  let support: ClientSupport = readClientSupport();
  let diagnostics: DiagnosticsSupport | undefined;
  /** Project settings files; none without file access (untrusted workspaces, the browser). */
  let project: ProjectSettings | undefined;
  let watchesSettingsFiles = false;
  let settingsSync: { initialized(): void } | undefined;
  const cache = getDocumentCache(MAX_CACHED_PARSES, (document) => service!.parse(document));
  const settingsProblems = new SettingsFileProblems(connection, (path) => pathUri(path, runtime.fileSystem));
  const collector = collectorAfterClosing();

  onRuleFailure((ruleId, error) => log.error(formatError(`rule ${ruleId} failed`, error)));

  const refreshHints = () => void connection.languages.inlayHint.refresh().catch(() => undefined);
  let answers = new DeferredAnswers(undefined, log, () => undefined, refreshHints);
  const onDocument = documentRequests(documents, cache, () => service, log, () => answers.fetchInBackground());

  function validateOnce(document: TextDocument) {
    // Without watched-file events, a settings file may have changed since any check: read again.
    if (!watchesSettingsFiles) project?.invalidate();
    const found = runSafe(log, `validation on ${document.uri}`, () => service!.doValidation(cache.get(document)), []);
    const path = documentPath(document.uri, runtime.fileSystem);
    const problems = runSafe(log, `settings files of ${document.uri}`, () => (project && path !== undefined ? project.resolve(path, service!.settings).problems : []), []);
    settingsProblems.set(document.uri, Array.isArray(problems) ? problems : []);
    return Array.isArray(found) ? found : [];
  }

  const validate = (document: TextDocument) => {
    const version = document.version;
    return answers.check(document.uri, () => validateOnce(document), () => documents.get(document.uri)?.version === version);
  };

  function refreshAll(): void {
    // Settings or included files changed: hints already shown may be stale too.
    if (support.inlayHintRefresh) refreshHints();
    diagnostics?.requestRefresh();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    support = readClientSupport(params.capabilities ?? undefined);
    const options = params.initializationOptions as { settings?: unknown; trusted?: unknown } | undefined;
    // A client that says nothing about trust is an ordinary editor or the CLI: files may be read.
    const trusted = options?.trusted !== false;
    const fileSystem = trusted ? runtime.fileSystem : runtime.untrustedFileSystem;
    answers = new DeferredAnswers(isDeferred(fileSystem) ? fileSystem : undefined, log, () => {
      cache.clear();
      project?.invalidate();
    }, () => support.inlayHintRefresh && refreshHints());
    const userSettingsFile = runtime.userSettingsFile;
    project = fileSystem && trusted ? new ProjectSettings({ fileSystem, ruleIds: allRules.map((rule) => rule.id), ...(userSettingsFile ? { userSettingsFile } : {}) }) : undefined;
    service = getLanguageService(options?.settings, { fileSystem, documentSettings: project, clientFeatures: support.features });
    const ls = service;
    diagnostics = support.diagnosticPull
      ? registerDiagnosticsPullSupport(documents, connection, validate, support.diagnosticRefresh)
      : registerDiagnosticsPushSupport(documents, connection, validate, () => ls.settings.validation.delayMs);
    settingsSync = registerSettingsSync(connection, support, (settings) => {
      if (settings !== undefined) ls.configure(settings);
      refreshAll();
    });
    return { capabilities: serverCapabilities(support), serverInfo: { name: SERVER_NAME, version: VERSION } };
  });

  connection.onInitialized(() => {
    if (project) void watchSettingsFiles(connection, support, runtime.userSettingsFile).then((watching) => (watchesSettingsFiles = watching));
    settingsSync?.initialized();
  });

  registerDocumentLifecycle(connection, documents, {
    answers: () => answers, project: () => project, cache, settingsProblems, collector, refreshAll,
  });

  registerDocumentRequests(connection, onDocument, () => support, log, () => service);

  documents.listen(connection);
  connection.listen();
}

interface LifecycleParts {
  readonly answers: () => DeferredAnswers;
  readonly project: () => ProjectSettings | undefined;
  readonly cache: ReturnType<typeof getDocumentCache>;
  readonly settingsProblems: SettingsFileProblems;
  readonly collector: ReturnType<typeof collectorAfterClosing>;
  readonly refreshAll: () => void;
}

/** What opening, editing and closing a document, or a file changing on disk, invalidates. */
function registerDocumentLifecycle(connection: Connection, documents: TextDocuments<TextDocument>, parts: LifecycleParts): void {
  // Watchers cover the workspace folders only: a settings file above them is read again on open.
  documents.onDidOpen(() => parts.project()?.invalidate());
  documents.onDidChangeContent(() => parts.answers().edited());
  documents.onDidClose((event) => {
    parts.cache.onDocumentRemoved(event.document.uri);
    parts.settingsProblems.set(event.document.uri, []);
    parts.collector.documentClosed();
  });
  // An included ini file or a settings file changed on disk: open documents may now read
  // different options, or be checked with different settings.
  connection.onDidChangeWatchedFiles(() => {
    parts.answers().forget();
    parts.cache.clear();
    parts.project()?.invalidate();
    parts.refreshAll();
  });
}

type DocumentRequests = ReturnType<typeof documentRequests>;

/** Every document request: one line each, through `onDocument` (look up, cached parse, call the service). */
function registerDocumentRequests(
  connection: Connection,
  onDocument: DocumentRequests,
  support: () => ClientSupport,
  log: { error(message: string): void },
  service: () => LanguageService | undefined,
): void {
  connection.onCodeAction(onDocument('codeAction', [], (ls, parsed, params) => ls.doCodeActions(parsed, params.range, params.context)));
  connection.onCompletion(onDocument('completion', null, (ls, parsed, params) => ls.doComplete(parsed, params.position)));
  connection.onCompletionResolve((item) => runSafe(log, 'completionResolve', () => service()?.doResolveCompletion(item) ?? item, item) as typeof item);
  connection.onHover(onDocument('hover', null, (ls, parsed, params) => ls.doHover(parsed, params.position)));
  connection.languages.inlayHint.on(onDocument('inlayHint', [], (ls, parsed, params) => ls.getInlayHints(parsed, params.range)));
  connection.onDocumentSymbol(onDocument('documentSymbol', [], (ls, parsed, params) => {
    const symbols = ls.findDocumentSymbols(parsed);
    return support().hierarchicalSymbols ? symbols : flattenSymbols(symbols, params.textDocument.uri);
  }));
  connection.onFoldingRanges(onDocument('foldingRange', [], (ls, parsed) => ls.getFoldingRanges(parsed, support().folding)));
  connection.onDefinition(onDocument('definition', [], (ls, parsed, params) => ls.findDefinition(parsed, params.position)));
  connection.onReferences(onDocument('references', [], (ls, parsed, params) => ls.findReferences(parsed, params.position, params.context.includeDeclaration)));
  connection.onPrepareRename(onDocument('prepareRename', null, (ls, parsed, params) => refusedAsError(ls.prepareRename(parsed, params.position))));
  connection.onRenameRequest(onDocument('rename', null, (ls, parsed, params) => refusedAsError(ls.doRename(parsed, params.position, params.newName))));
  connection.onDocumentLinks(onDocument('documentLink', [], (ls, parsed) => ls.findDocumentLinks(parsed)));
  connection.onSelectionRanges(onDocument('selectionRange', [], (ls, parsed, params) => ls.getSelectionRanges(parsed, params.positions)));
  connection.onDocumentFormatting(onDocument('formatting', [], (ls, parsed, params) => ls.format(parsed, undefined, params.options)));
  connection.onDocumentRangeFormatting(onDocument('rangeFormatting', [], (ls, parsed, params) => ls.format(parsed, params.range, params.options)));

  // Not LSP: the effective configuration of an open document (VS Code's "Show Effective
  // Configuration" view; any client may ask). Null when the document is not open.
  const effectiveConfiguration = onDocument('effectiveConfiguration', null, (ls, parsed) => ls.doEffectiveConfiguration(parsed));
  connection.onRequest(EFFECTIVE_CONFIGURATION_REQUEST, (params: { textDocument?: { uri?: unknown } }, token) => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return new ResponseError(LSPErrorCodes.RequestFailed, 'expected { textDocument: { uri } }');
    return effectiveConfiguration({ textDocument: { uri } }, token);
  });
}
