import { MarkupContent, MarkupKind } from 'vscode-languageserver-types';

/** What the client told us it can show; the service answers in the richest form it accepts. */
export interface ClientFeatures {
  /** Hover and completion documentation may be markdown. */
  readonly markdown: boolean;
  /** Completion items may insert snippets with tab stops. */
  readonly snippets: boolean;
  /**
   * The client fetches item documentation with `completionItem/resolve`, so the 1,300-option list
   * can travel without its half a megabyte of documentation.
   */
  readonly resolveDocumentation?: boolean;
}

export const DEFAULT_CLIENT_FEATURES: ClientFeatures = { markdown: true, snippets: true, resolveDocumentation: false };

/**
 * Markdown as a plain-text client should see it: emphasis and code marks dropped, links written
 * as `text (url)`, hard line breaks kept as line breaks.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*\n?/gm, '')
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_whole, text: string, url: string) => (text === url ? url : `${text} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,;:]|$)/gm, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/ {2}\n/g, '\n')
    .replace(/\\([\\`*_[\]()#|])/g, '$1');
}

export function markupContent(markdown: string, features: ClientFeatures): MarkupContent {
  return features.markdown
    ? { kind: MarkupKind.Markdown, value: markdown }
    : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
}

/** Inline code that survives any backticks in the text. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Keeps long values readable in one line: at most `max` characters, with an ellipsis. */
/** Longest resolved value a hover or an inlay hint's tooltip shows; expansions may reach 64 KB. */
export const MAX_SHOWN_VALUE = 200;

/** A resolved value as hovers and tooltips show it: cut with an ellipsis, control characters visible. */
export function shownValue(text: string): string {
  return printable(truncate(text, MAX_SHOWN_VALUE));
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Control characters (ESC from `%[`, tabs) shown visibly. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\u001b' ? '\\e' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
