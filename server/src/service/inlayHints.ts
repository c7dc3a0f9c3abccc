import { InlayHint, Range } from 'vscode-languageserver-types';
import { EntryLine, LineKind } from '../parser/ast';
import { getOption } from '../registry/registry';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';
import { expandMagic, locationOfUri } from '../analysis/magicVariables';
import { MAX_SHOWN_VALUE, printable, shownValue, truncate } from './markup';
import { modelOfEntry } from './entryModel';
import { referencesExpandedIn } from '../analysis/model';
import { DocumentInterpretation, interpretationOf, interpretedPath } from './interpretation';

/** Longest resolved value shown after a line; the rest is cut with an ellipsis. */
export const MAX_HINT_LENGTH = 60;

/**
 * Hints per request, at most: editors ask for the visible lines, and a generated file with a
 * value per line for 20,000 lines must not answer with megabytes (the first ones are kept).
 */
export const MAX_INLAY_HINTS = 2000;


/**
 * After each value in `range` that uses placeholders or magic variables, the value uWSGI will see:
 * `chdir = %(base)/src` shows `→ /srv/app/src`. Nothing when any part of it cannot be known here
 * (environment, files, the machine, undefined names, block variables).
 */
export function getInlayHints(document: UwsgiDocument, range: Range, settings: LanguageSettings): InlayHint[] {
  if (!settings.inlayHints.placeholders) return [];
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const location = locationOfUri(document.textDocument.uri);
  const hints: InlayHint[] = [];
  // The values uWSGI ends up with, from the interpretation the effective configuration view
  // shows; a document not saved to disk has no path for %d, %n..., so it is left to the model.
  let interpretation: DocumentInterpretation | undefined | null = interpretedPath(document).onDisk ? undefined : null;
  for (const entry of entriesBetween(document, from, to)) {
    if (hints.length >= MAX_INLAY_HINTS) break;
    if (entry.equals < 0 || !entry.value.includes('%')) continue;
    if (interpretation !== null) {
      interpretation ??= interpretationOf(document, settings);
      const reading = interpretation.reading(entry);
      if (reading === 'skipped') continue;
      if (reading !== 'unread') {
        const value = interpretation.valueOf(entry);
        if (value !== undefined && value !== entry.value) hints.push(hintAfter(document, entry, interpretation.result.render(value)));
        continue;
      }
    }
    // Lines uWSGI does not read when started with the selected section: as their own section would give them.
    const model = modelOfEntry(document, entry, settings.section);
    if (!model) continue;
    const segments = model.segments(entry);
    if (!segments.some((s) => s.kind === 'magic' || s.kind === 'placeholder')) continue;
    if (segments.some((s) => s.kind === 'env' || s.kind === 'reference')) continue;
    const hasPlaceholder = segments.some((s) => s.kind === 'placeholder');
    // Inside a for/if block `%(_)` changes from line to line; other placeholders are still fixed,
    // but the line as a whole has no single value.
    if (hasPlaceholder && model.blockOf(entry)) continue;
    let value: string | undefined = entry.value;
    if (hasPlaceholder) {
      const facts = getOption(entry.key, settings.version);
      if (!referencesExpandedIn(entry.key, facts?.immediate === true)) continue;
      // `%%(x)` is a literal `%` and `(x)` after the magic pass; resolveValue would read a placeholder.
      if (value.includes('%%(')) continue;
      value = model.resolveValue(value, undefined, entry);
    }
    if (value === undefined) continue;
    const expanded = expandMagic(value, location);
    if (expanded === undefined || expanded === entry.value) continue;
    hints.push(hintAfter(document, entry, expanded));
  }
  return hints;
}

function hintAfter(document: UwsgiDocument, entry: EntryLine, expanded: string): InlayHint {
  return {
    position: document.textDocument.positionAt(entry.valueSpan.end),
    label: `→ ${truncate(printable(expanded), MAX_HINT_LENGTH)}`,
    paddingLeft: true,
    // The tooltip shows more than the label, but not a 64 KB expansion: hints are sent for every visible line.
    ...(expanded.length > MAX_HINT_LENGTH || printable(expanded) !== expanded
      ? { tooltip: expanded.length > MAX_SHOWN_VALUE ? shownValue(expanded) : expanded }
      : {}),
  };
}

/** Entries whose value ends inside [from, to], found by binary search over the lines. */
function* entriesBetween(document: UwsgiDocument, from: number, to: number): Generator<EntryLine> {
  const lines = document.ast.lines;
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines[mid]!.eolEnd <= from) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.start > to) break;
    if (line.kind !== LineKind.Entry) continue;
    if (line.valueSpan.end < from || line.valueSpan.end > to) continue;
    yield line;
  }
}
