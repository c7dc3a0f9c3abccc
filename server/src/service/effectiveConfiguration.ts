// The effective configuration of a document: what `uwsgi --show-config` would print for it, from
// the same interpretation validation, hovers and inlay hints read, with the origin of every line.
// Editors show it as a read-only document whose lines link back to where each entry came from.
import { Range } from 'vscode-languageserver-types';
import { pathToUri } from '../analysis/fileSystem';
import { SHOW_CONFIG_FOOTER, SHOW_CONFIG_HEADER } from '../analysis/interpreter/showConfig';
import { ConditionState, Provenance } from '../analysis/interpreter/types';
import { isKnown } from '../analysis/interpreter/values';
import { LineKind } from '../parser/ast';
import { DocumentInterpretation, interpretationOf, interpretedPath } from './interpretation';
import { printable } from './markup';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';

/** A place in a file: the open document's own uri for its lines, a `file:` uri for included files. */
export interface SourceLocation {
  readonly uri: string;
  readonly range: Range;
}

export interface EffectiveConfigurationLine {
  /** 0-based line of `text`. */
  readonly line: number;
  readonly key: string;
  /** As shown: unknown parts written as uWSGI's own text (`%h`, `$(HOME)`), control characters escaped. */
  readonly value: string;
  /** Where the entry was written; undefined for our own `ini = FILE` line, which the command line gives. */
  readonly source?: SourceLocation;
  /** The loads that brought the line in, outermost first (`include = x.ini` at file:line...). */
  readonly via: readonly string[];
  /** The config-logic block the line depends on, when its condition holds or cannot be tested. */
  readonly condition?: { readonly text: string; readonly state: ConditionState };
  /** The value has parts known only where uWSGI runs (environment, hostname, `@(exec://...)`). */
  readonly unknown: boolean;
}

export interface EffectiveConfiguration {
  readonly uri: string;
  readonly version: number;
  /** The `--show-config` text, then `;` notes (where uWSGI would stop, what cannot be known here). */
  readonly text: string;
  readonly lines: readonly EffectiveConfigurationLine[];
  /** Set where uWSGI would exit before it shows its configuration (or the interpreter stopped). */
  readonly stop?: { readonly message: string; readonly kind: string; readonly source?: SourceLocation };
}

export function doEffectiveConfiguration(document: UwsgiDocument, settings: LanguageSettings): EffectiveConfiguration {
  const interpretation = interpretationOf(document, settings);
  const { result } = interpretation;
  const out: string[] = [SHOW_CONFIG_HEADER, '[uwsgi]'];
  const lines: EffectiveConfigurationLine[] = [];
  for (const entry of result.entries) {
    const value = printable(result.render(entry.value));
    const line = out.length;
    out.push(`${printable(entry.key)} = ${value}`);
    const source = locate(interpretation, entry.provenance);
    const condition = entry.provenance.condition;
    lines.push({
      line,
      key: entry.key,
      value,
      ...(source ? { source } : {}),
      via: entry.provenance.chain.slice(1).map((link) => `${link.via} = ${printable(result.render(link.value))} (${printable(link.file)}:${link.line})`),
      ...(condition ? { condition: { text: `${condition.key} = ${printable(result.render(condition.argument))}`, state: condition.state } } : {}),
      unknown: !isKnown(entry.value),
    });
  }
  out.push(SHOW_CONFIG_FOOTER);
  const stop = result.stop;
  if (stop) out.push(`; uWSGI stops before this point: ${printable(result.render(stop.message))} (${printable(stop.file)}:${stop.line})`);
  const { path, onDisk } = interpretedPath(document);
  if (!onDisk) out.push(`; this document has no file path: %d, %p and the other file variables are taken from ${printable(path)}`);
  if (lines.some((l) => l.unknown)) out.push('; values written as %h, $(VAR), @(exec://...) are known only on the machine uWSGI runs on');
  if (lines.some((l) => l.condition?.state === 'unknown')) out.push('; some lines depend on a condition the editor cannot test (hover a line to see which)');
  const stopSource = stop ? locate(interpretation, { file: stop.file, line: stop.line }) : undefined;
  return {
    uri: document.textDocument.uri,
    version: document.textDocument.version,
    text: `${out.join('\n')}\n`,
    lines,
    ...(stop ? { stop: { message: printable(result.render(stop.message)), kind: stop.kind, ...(stopSource ? { source: stopSource } : {}) } } : {}),
  };
}

/** The open document's range of the entry for its own lines; the line's start in any other file. */
function locate(interpretation: DocumentInterpretation, where: Pick<Provenance, 'file' | 'line'>): SourceLocation | undefined {
  if (!where.file.startsWith('/') && !/^[A-Za-z]:\//.test(where.file)) return undefined;
  if (where.line < 1) return undefined;
  const document = interpretation.document;
  if (where.file === interpretation.path) {
    const offset = interpretation.offsetOfSourceLine(where.line);
    const line = document.lineAt(offset);
    const span = line && line.kind === LineKind.Entry ? { start: line.contentStart, end: line.contentEnd } : { start: offset, end: offset };
    return { uri: document.textDocument.uri, range: document.rangeOf(span) };
  }
  const position = { line: where.line - 1, character: 0 };
  return { uri: pathToUri(where.file), range: { start: position, end: position } };
}
