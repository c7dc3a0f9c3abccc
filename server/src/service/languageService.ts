import { CodeAction, CodeActionContext, Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { UwsgiDocument } from './uwsgiDocument';
import { FileSystemPort } from '../analysis/fileSystem';
import { DocumentSettingsProvider, LanguageSettings, defaultSettings, normalizeSettings } from './settings';
import { DIAGNOSTIC_SOURCE, doValidation } from './validation';
import { doCodeActions } from './codeActions';
import { FixAllHost, FixAllResult, FixLevel, fixAll, fixAllAction, wantsFixAll } from './fixAll';
import { allRules } from './rules';
import { Rule } from './rules/rule';
import { CompletionItem, CompletionList, Hover, InlayHint } from 'vscode-languageserver-types';
import { ClientFeatures, DEFAULT_CLIENT_FEATURES } from './markup';
import { doComplete, doResolveCompletion } from './completion';
import { doHover } from './hover';
import { getInlayHints } from './inlayHints';
import {
  DocumentLink, DocumentSymbol, FoldingRange, FormattingOptions, Location, Position, SelectionRange, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-types';
import { findDocumentSymbols } from './symbols';
import { FoldingContext, getFoldingRanges } from './folding';
import { doRename, findDefinition, findReferences, prepareRename, RenameRefusal } from './navigation';
import { findDocumentLinks } from './links';
import { getSelectionRanges } from './selectionRanges';
import { format } from './formatting';
import { doEffectiveConfiguration, EffectiveConfiguration } from './effectiveConfiguration';

export interface LanguageService {
  /** Parses a document; the result is what every other call takes. Cache it per uri and version. */
  parse(document: TextDocument): UwsgiDocument;
  /** Replaces the settings; anything missing or malformed falls back to the default. */
  configure(settings: unknown): void;
  /** The settings configured (the editor's, or the defaults), before any project settings file. */
  readonly settings: Readonly<LanguageSettings>;
  /** The settings a document is checked with: the configured ones under its project's settings files. */
  settingsOf(document: UwsgiDocument): Readonly<LanguageSettings>;
  readonly rules: readonly Rule[];
  doValidation(document: UwsgiDocument): Diagnostic[];
  /** Quick fixes for the diagnostics of the context, and `source.fixAll.uwsgi-ini` when `only` asks for it. */
  doCodeActions(document: UwsgiDocument, range: Range, context: CodeActionContext): CodeAction[];
  /** Every preferred fix of the level (safe, or unsafe too), round after round to a fixpoint. */
  fixAll(document: UwsgiDocument, level: FixLevel): FixAllResult;
  doComplete(document: UwsgiDocument, position: Position): CompletionList;
  /** Fills in the documentation an item of `doComplete` left out (clients that resolve items). */
  doResolveCompletion(item: CompletionItem): CompletionItem;
  doHover(document: UwsgiDocument, position: Position): Hover | null;
  getInlayHints(document: UwsgiDocument, range: Range): InlayHint[];
  findDocumentSymbols(document: UwsgiDocument): DocumentSymbol[];
  getFoldingRanges(document: UwsgiDocument, context?: FoldingContext): FoldingRange[];
  findDefinition(document: UwsgiDocument, position: Position): Location[];
  findReferences(document: UwsgiDocument, position: Position, includeDeclaration: boolean): Location[];
  /** The placeholder name to rename, or why the thing under the cursor cannot be renamed. */
  prepareRename(document: UwsgiDocument, position: Position): { range: Range; placeholder: string } | RenameRefusal;
  doRename(document: UwsgiDocument, position: Position, newName: string): WorkspaceEdit | RenameRefusal;
  findDocumentLinks(document: UwsgiDocument): DocumentLink[];
  getSelectionRanges(document: UwsgiDocument, positions: readonly Position[]): SelectionRange[];
  /** Document formatting (no range) or range formatting; nothing unless `format.enable` is set. */
  format(document: UwsgiDocument, range: Range | undefined, options?: FormattingOptions): TextEdit[];
  /** What `uwsgi --show-config` would print for the document, each line with where it came from. */
  doEffectiveConfiguration(document: UwsgiDocument): EffectiveConfiguration;
}

export interface LanguageServiceOptions {
  /** Access to included files; leave it out to read nothing beyond the document (untrusted workspaces). */
  readonly fileSystem?: FileSystemPort;
  /** Project settings files, by document (none in untrusted workspaces). */
  readonly documentSettings?: DocumentSettingsProvider;
  /** What the client can show (markdown, snippets, lazily resolved documentation). */
  readonly clientFeatures?: Partial<ClientFeatures>;
}

/**
 * Documents longer than this (UTF-16 units, about 16 MB) are not validated: real configs stay far
 * below, and checking 50 MB of generated text would take seconds and gigabytes for no one.
 */
export const MAX_VALIDATED_LENGTH = 16 * 1024 * 1024;

function tooLargeDiagnostic(document: UwsgiDocument): Diagnostic {
  const megabytes = (document.text.length / (1024 * 1024)).toFixed(1);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'document-too-large',
    source: DIAGNOSTIC_SOURCE,
    message: `This file is ${megabytes} MB: uwsgi-ini checks files up to ${MAX_VALIDATED_LENGTH / (1024 * 1024)} MB, so it was not checked.`,
  };
}

/**
 * The pure language service: no Node APIs, no connection. Inputs are TextDocuments, outputs LSP
 * types. Built once per session from what the host and the client offer; only the editor settings
 * change afterwards (`configure`).
 */
export function getLanguageService(initialSettings?: unknown, options: LanguageServiceOptions = {}): LanguageService {
  const { fileSystem, documentSettings: provider } = options;
  let settings: LanguageSettings = initialSettings === undefined ? { ...defaultSettings } : normalizeSettings(initialSettings);
  const client: ClientFeatures = { ...DEFAULT_CLIENT_FEATURES, ...options.clientFeatures };
  /** Per parse: every request on one version sees the same settings, resolved once. */
  let resolved = new WeakMap<UwsgiDocument, { generation: number; settings: LanguageSettings; excluded: boolean }>();
  const resolve = (document: UwsgiDocument): { settings: LanguageSettings; excluded: boolean } => {
    if (!provider) return { settings, excluded: false };
    const cached = resolved.get(document);
    if (cached && cached.generation === provider.generation) return cached;
    const entry = { generation: provider.generation, ...provider.forDocument(document.textDocument.uri, settings) };
    resolved.set(document, entry);
    return entry;
  };
  const settingsOf = (document: UwsgiDocument): LanguageSettings => resolve(document).settings;
  const validate = (document: UwsgiDocument): Diagnostic[] => {
    if (document.text.length > MAX_VALIDATED_LENGTH) return [tooLargeDiagnostic(document)];
    const { settings: documentSettings, excluded } = resolve(document);
    // An excluded file is still edited with completion and hovers, only not reported on.
    return excluded ? [] : doValidation(document, documentSettings);
  };
  const host: FixAllHost = { parse: (document) => new UwsgiDocument(document, fileSystem), validate, settingsOf };
  return {
    parse: (document) => new UwsgiDocument(document, fileSystem),
    configure(next) {
      settings = normalizeSettings(next);
      resolved = new WeakMap();
    },
    get settings() {
      return settings;
    },
    settingsOf,
    rules: allRules,
    doValidation: validate,
    doCodeActions: (document, range, context) => {
      const actions = doCodeActions(document, range, context, settingsOf(document));
      const all = wantsFixAll(context.only) ? fixAllAction(host, document) : undefined;
      return all ? [...actions, all] : actions;
    },
    fixAll: (document, level) => fixAll(host, document, level),
    doComplete: (document, position) => doComplete(document, position, settingsOf(document), client),
    doResolveCompletion: (item) => doResolveCompletion(item, client),
    doHover: (document, position) => doHover(document, position, settingsOf(document), client),
    getInlayHints: (document, range) => getInlayHints(document, range, settingsOf(document)),
    findDocumentSymbols: (document) => findDocumentSymbols(document, settingsOf(document)),
    getFoldingRanges: (document, context) => getFoldingRanges(document, context),
    findDefinition: (document, position) => findDefinition(document, position, settingsOf(document)),
    findReferences: (document, position, includeDeclaration) => findReferences(document, position, includeDeclaration, settingsOf(document)),
    prepareRename: (document, position) => prepareRename(document, position, settingsOf(document)),
    doRename: (document, position, newName) => doRename(document, position, newName, settingsOf(document)),
    findDocumentLinks: (document) => findDocumentLinks(document, settingsOf(document)),
    getSelectionRanges: (document, positions) => getSelectionRanges(document, positions),
    format: (document, range, options) => format(document, range, options, settingsOf(document)),
    doEffectiveConfiguration: (document) => doEffectiveConfiguration(document, settingsOf(document)),
  };
}
