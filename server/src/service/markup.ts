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

/** A code span as `code` writes it: a backtick run, the text, the same run (CommonMark 6.1). */
const CODE_SPAN = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

/**
 * Markdown as a plain-text client should see it: emphasis and code marks dropped, links written
 * as `text (url)`, hard line breaks kept as line breaks. Code spans hold config text, so they are
 * set aside first and come back exactly as written, whatever markdown they look like.
 */
export function markdownToPlainText(markdown: string): string {
  const spans: string[] = [];
  const protectedText = markdown.replace(CODE_SPAN, (_whole, _fence: string, inner: string) => {
    const padded = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '';
    spans.push(padded ? inner.slice(1, -1) : inner);
    return `\u0000${spans.length - 1}\u0000`;
  });
  return protectedText
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_whole, text: string, url: string) => (text === url ? url : `${text} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,;:]|$)/gm, '$1$2')
    .replace(/ {2}\n/g, '\n')
    .replace(/\\([\\`*_[\]()#|])/g, '$1')
    .replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => spans[Number(index)]!);
}

export function markupContent(markdown: string, features: ClientFeatures): MarkupContent {
  return features.markdown
    ? { kind: MarkupKind.Markdown, value: markdown }
    : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
}

/**
 * Text from a config, a file name or a setting, as inline code: the one way such text enters
 * markdown. Inside a code span markdown makes no links, images, autolinks, HTML or emphasis; the
 * fence is longer than any backtick run in the text, so the text cannot close the span, and
 * control characters are shown as escapes, so a line break cannot end the paragraph it is in.
 */
export function code(raw: string): string {
  const text = printable(raw);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Longest resolved value a hover or an inlay hint's tooltip shows; expansions may reach 64 KB. */
export const MAX_SHOWN_VALUE = 200;

/** A resolved value as hovers and tooltips show it: cut with an ellipsis, control characters visible. */
export function shownValue(text: string): string {
  return printable(truncate(text, MAX_SHOWN_VALUE));
}

/** Keeps long values readable in one line: at most `max` characters, with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Control characters (ESC from `%[`, tabs) shown visibly. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\u001b' ? '\\e' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
