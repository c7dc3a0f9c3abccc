import { CancellationToken, LSPErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { errorText } from '../service/errors';
import { LanguageService } from '../service/languageService';
import { UwsgiDocument } from '../service/uwsgiDocument';
import { DocumentCache } from './documentCache';

/** Where failures are reported: the connection's console (the editor's output channel). */
export interface ErrorLog {
  error(message: string): void;
}

/** One line of context, then the stack (or the text of something thrown that is no Error). */
export function formatError(message: string, error: unknown): string {
  return `${message}: ${errorText(error)}`;
}

const cancelled = <T>(): ResponseError<T> => new ResponseError<T>(LSPErrorCodes.RequestCancelled, 'cancelled');

/**
 * Runs one request's work. A request the client already cancelled is answered as cancelled
 * without doing it; a failure is logged once and answered with the empty result, so a bug in one
 * feature never takes the server down.
 */
export function runSafe<T, E = void>(log: ErrorLog, name: string, run: () => T | ResponseError<E>, empty: T, token?: CancellationToken): T | ResponseError<E> {
  if (token?.isCancellationRequested) return cancelled<E>();
  try {
    return run();
  } catch (error) {
    log.error(formatError(`${name} failed`, error));
    return empty;
  }
}

/**
 * The shape of every document request: look up the document, take its cached parse, call the
 * service, return. Unknown documents (and requests before `initialize`) get the empty result.
 */
export function documentRequests(documents: TextDocuments<TextDocument>, cache: DocumentCache<UwsgiDocument>, service: () => LanguageService | undefined, log: ErrorLog, afterEach?: () => void) {
  return <P extends { textDocument: { uri: string } }, R>(name: string, empty: R, run: (ls: LanguageService, parsed: UwsgiDocument, params: P) => R | ResponseError<void>) =>
    (params: P, token?: CancellationToken): R | ResponseError<void> => {
      const document = documents.get(params.textDocument.uri);
      const ls = service();
      if (!document || !ls) return empty;
      try {
        return runSafe(log, `${name} on ${params.textDocument.uri}`, () => run(ls, cache.get(document), params), empty, token);
      } finally {
        afterEach?.();
      }
    };
}
