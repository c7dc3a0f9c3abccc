import { ClientCapabilities, CodeActionKind, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';
import { COMPLETION_TRIGGER_CHARACTERS } from '../service/completion';
import { FIX_ALL_KIND } from '../service/fixAll';
import { FoldingContext } from '../service/folding';
import { ClientFeatures } from '../service/markup';

/** What the client told us at start-up that changes how we answer (read once, in `initialize`). */
export interface ClientSupport {
  /** What the service's answers may contain: markdown, snippets, lazily resolved documentation. */
  readonly features: ClientFeatures;
  /** Settings are pulled with `workspace/configuration` rather than pushed. */
  readonly configurationPull: boolean;
  /** Diagnostics are pulled with `textDocument/diagnostic` rather than published. */
  readonly diagnosticPull: boolean;
  readonly diagnosticRefresh: boolean;
  readonly inlayHintRefresh: boolean;
  readonly folding: FoldingContext;
  readonly hierarchicalSymbols: boolean;
  readonly prepareRename: boolean;
  /** File watchers may be registered at run time, and with patterns relative to a base folder. */
  readonly watcherRegistration: boolean;
  readonly relativePatterns: boolean;
}

// Malformed clients send no capabilities at all: treated as a client that supports nothing.
export function readClientSupport(capabilities: ClientCapabilities = {}): ClientSupport {
  const text = capabilities.textDocument;
  const hoverFormats = text?.hover?.contentFormat;
  const folding = text?.foldingRange;
  return {
    features: {
      markdown: hoverFormats === undefined || hoverFormats.includes('markdown'),
      snippets: text?.completion?.completionItem?.snippetSupport === true,
      resolveDocumentation: text?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true,
    },
    configurationPull: capabilities.workspace?.configuration === true,
    diagnosticPull: text?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    inlayHintRefresh: capabilities.workspace?.inlayHint?.refreshSupport === true,
    folding: { lineFoldingOnly: folding?.lineFoldingOnly === true, rangeLimit: folding?.rangeLimit },
    hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    prepareRename: text?.rename?.prepareSupport === true,
    watcherRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatterns: capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
  };
}

export const DIAGNOSTIC_PROVIDER_ID = 'uwsgi-ini';

export function serverCapabilities(support: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: true },
    hoverProvider: true,
    inlayHintProvider: { resolveProvider: false },
    documentSymbolProvider: { label: 'uWSGI' },
    foldingRangeProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: support.prepareRename ? { prepareProvider: true } : true,
    documentLinkProvider: { resolveProvider: false },
    selectionRangeProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    // Included files change what a document reports, so its diagnostics depend on other files.
    ...(support.diagnosticPull ? { diagnosticProvider: { identifier: DIAGNOSTIC_PROVIDER_ID, interFileDependencies: true, workspaceDiagnostics: false } } : {}),
  };
}
