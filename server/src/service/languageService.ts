import { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { UwsgiDocument } from './uwsgiDocument';
import { FileSystemPort } from '../analysis/fileSystem';
import { LanguageSettings, defaultSettings, normalizeSettings } from './settings';
import { doValidation } from './validation';
import { doCodeActions } from './codeActions';
import { allRules } from './rules';
import { Rule } from './rules/rule';

export interface LanguageService {
  /** Parses a document; the result is what every other call takes. Cache it per uri and version. */
  parse(document: TextDocument): UwsgiDocument;
  /** Gives or takes away access to included files (none in untrusted workspaces). */
  configureFileAccess(fileSystem: FileSystemPort | undefined): void;
  /** Replaces the settings; anything missing or malformed falls back to the default. */
  configure(settings: unknown): void;
  readonly settings: Readonly<LanguageSettings>;
  readonly rules: readonly Rule[];
  doValidation(document: UwsgiDocument): Diagnostic[];
  doCodeActions(document: UwsgiDocument, range: Range, context: CodeActionContext): CodeAction[];
}

export interface LanguageServiceOptions {
  /** Access to included files; leave it out to read nothing beyond the document (untrusted workspaces). */
  readonly fileSystem?: FileSystemPort;
}

/** The pure language service: no Node APIs, no connection. Inputs are TextDocuments, outputs LSP types. */
export function getLanguageService(initialSettings?: unknown, options: LanguageServiceOptions = {}): LanguageService {
  let fileSystem = options.fileSystem;
  let settings: LanguageSettings = initialSettings === undefined ? { ...defaultSettings } : normalizeSettings(initialSettings);
  return {
    parse: (document) => new UwsgiDocument(document, fileSystem),
    configureFileAccess(port) {
      fileSystem = port;
    },
    configure(next) {
      settings = normalizeSettings(next);
    },
    get settings() {
      return settings;
    },
    rules: allRules,
    doValidation: (document) => doValidation(document, settings),
    doCodeActions: (document, range, context) => doCodeActions(document, range, context, settings),
  };
}
