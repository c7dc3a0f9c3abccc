import { TextDocument } from 'vscode-languageserver-textdocument';

/** One derived model per document version, shared by every request on that version. */
export interface DocumentCache<T> {
  get(document: TextDocument): T;
  onDocumentRemoved(uri: string): void;
  /** Forgets every model: what the documents include may have changed. */
  clear(): void;
}

/**
 * In the manner of the VS Code CSS server's `languageModelCache`: keyed by uri and version, in
 * least-recently-used order (a Map keeps insertion order), bounded. A model takes ~10x the memory
 * of its text and only the few documents being worked on need one at hand; the others are built
 * again on demand (~1 ms per 1,000 lines), so hundreds of open files cost their text, not their
 * syntax trees (docs/performance.md).
 */
export function getDocumentCache<T>(maxEntries: number, build: (document: TextDocument) => T): DocumentCache<T> {
  const entries = new Map<string, { version: number; model: T }>();
  return {
    get(document) {
      const cached = entries.get(document.uri);
      entries.delete(document.uri);
      if (cached && cached.version === document.version) {
        entries.set(document.uri, cached);
        return cached.model;
      }
      const model = build(document);
      entries.set(document.uri, { version: document.version, model });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return model;
    },
    onDocumentRemoved(uri) {
      entries.delete(uri);
    },
    clear() {
      entries.clear();
    },
  };
}
