import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';
import { OptionContext } from '../analysis/optionContext';
import { allRules, ruleById } from './rules';
import { FixSafety, RuleFix } from './rules/rule';
import { DIAGNOSTIC_SOURCE } from './validation';

/** The code action kind of "apply every safe fix", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.uwsgi-ini`;

/** Which fixes a bulk run applies: the safe ones, or the unsafe ones as well. */
export type FixLevel = FixSafety;

/** A round never goes beyond this: each one applies every fix that does not overlap another. */
export const MAX_FIX_ROUNDS = 10;

export interface AppliedFix {
  readonly rule: string;
  readonly title: string;
  readonly safety: FixSafety;
  /** 0-based line of the finding in the text of the round that fixed it. */
  readonly line: number;
}

export interface FixAllResult {
  /** The text with every fix applied (the same string when nothing applied). */
  readonly text: string;
  readonly applied: readonly AppliedFix[];
  readonly rounds: number;
  /** False when the round bound was reached or a round came back to an earlier text. */
  readonly converged: boolean;
  /** The diagnostics of `text`, when the run settled (its last round validated that text). */
  readonly diagnostics?: Diagnostic[];
}

/** What a fix-all run needs from the language service: parsing and validating with the document's settings. */
export interface FixAllHost {
  parse(document: TextDocument): UwsgiDocument;
  validate(document: UwsgiDocument): Diagnostic[];
  settingsOf(document: UwsgiDocument): LanguageSettings;
}

/**
 * The fix a bulk run takes for a diagnostic: the rule's preferred one (the first, when a rule marks
 * several), when its safety level is allowed. Anything else is a choice left to the author.
 */
export function preferredFix(fixes: readonly RuleFix[], level: FixLevel): RuleFix | undefined {
  const preferred = fixes.find((fix) => fix.isPreferred === true);
  if (!preferred) return undefined;
  return preferred.safety === 'safe' || level === 'unsafe' ? preferred : undefined;
}

/** Every fix a rule offers for a diagnostic of this document (none for foreign or unknown codes). */
export function ruleFixes(document: UwsgiDocument, settings: LanguageSettings, options: OptionContext, diagnostic: Diagnostic): RuleFix[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return [];
  const rule = ruleById(diagnostic.code);
  if (!rule?.fixes) return [];
  const data = (typeof diagnostic.data === 'object' && diagnostic.data !== null ? diagnostic.data : {}) as Record<string, unknown>;
  const model = document.model(settings.section);
  return rule.fixes({ document, model, settings, options, diagnostic, data });
}

interface Candidate {
  readonly fix: RuleFix;
  readonly rule: string;
  readonly order: number;
  readonly line: number;
  readonly spans: { start: number; end: number }[];
  readonly edits: TextEdit[];
}

/** Two edits conflict when they overlap or start at the same place (their order would be a guess). */
function conflicts(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/**
 * One round: the preferred fix of each diagnostic at `level`, minus those that touch text an
 * earlier one (by position, then rule order, then title) already changes. Those wait for the next round.
 */
export function roundEdits(document: UwsgiDocument, diagnostics: readonly Diagnostic[], settings: LanguageSettings, level: FixLevel): { edits: TextEdit[]; applied: AppliedFix[] } {
  const options = new OptionContext(document.model(settings.section), settings);
  const uri = document.textDocument.uri;
  const candidates: Candidate[] = [];
  for (const diagnostic of diagnostics) {
    const fix = preferredFix(ruleFixes(document, settings, options, diagnostic), level);
    const edits = fix?.edit?.changes?.[uri];
    // A fix that edits other files, or nothing, is not for a bulk run on this one.
    if (!fix || !edits || edits.length === 0 || Object.keys(fix.edit?.changes ?? {}).length !== 1 || fix.edit?.documentChanges) continue;
    const rule = String(diagnostic.code);
    const spans = edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end) }));
    candidates.push({ fix, rule, order: allRules.findIndex((r) => r.id === rule), line: diagnostic.range.start.line, spans, edits });
  }
  const first = (c: Candidate): number => Math.min(...c.spans.map((s) => s.start));
  candidates.sort((a, b) => first(a) - first(b) || a.order - b.order || (a.fix.title < b.fix.title ? -1 : a.fix.title > b.fix.title ? 1 : 0));
  const taken: { start: number; end: number }[] = [];
  const edits: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  for (const candidate of candidates) {
    const own = candidate.spans;
    // A fix's own edits must not conflict with each other either, or applying them is ambiguous.
    const selfConflict = own.some((a, i) => own.some((b, j) => i < j && conflicts(a, b)));
    if (selfConflict || own.some((span) => taken.some((t) => conflicts(span, t)))) continue;
    taken.push(...own);
    edits.push(...candidate.edits);
    applied.push({ rule: candidate.rule, title: candidate.fix.title, safety: candidate.fix.safety, line: candidate.line });
  }
  return { edits, applied };
}

/**
 * Applies fixes round after round until a round changes nothing (at most MAX_FIX_ROUNDS rounds):
 * a fix can uncover or unblock another. Every edit is one a quick fix would make, so the bytes
 * around them stay as they were; the text of a round seen before ends the run.
 */
export function fixAll(host: FixAllHost, document: UwsgiDocument, level: FixLevel, maxRounds = MAX_FIX_ROUNDS): FixAllResult {
  const seen = new Set<string>([document.text]);
  const applied: AppliedFix[] = [];
  let current = document;
  let rounds = 0;
  while (rounds < maxRounds) {
    const diagnostics = host.validate(current);
    const round = roundEdits(current, diagnostics, host.settingsOf(current), level);
    if (round.edits.length === 0) return { text: current.text, applied, rounds, converged: true, diagnostics };
    rounds++;
    applied.push(...round.applied);
    const text = TextDocument.applyEdits(current.textDocument, round.edits);
    const textDocument = TextDocument.create(current.textDocument.uri, current.textDocument.languageId, current.textDocument.version + 1, text);
    current = host.parse(textDocument);
    if (seen.has(text)) return { text, applied, rounds, converged: false };
    seen.add(text);
  }
  // The bound is reached: converged only if one more round would change nothing.
  const diagnostics = host.validate(current);
  const last = roundEdits(current, diagnostics, host.settingsOf(current), level);
  return { text: current.text, applied, rounds, converged: last.edits.length === 0, ...(last.edits.length === 0 ? { diagnostics } : {}) };
}

/** One edit that turns `before` into `after`: the span between their common start and common end. */
export function differenceEdit(document: TextDocument, before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF between the edit and the text kept around it.
  while (start > 0 && isSplit(before, start)) start--;
  while (end > 0 && isSplit(before, before.length - end)) end--;
  return TextEdit.replace(
    { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    after.slice(start, after.length - end),
  );
}

function isSplit(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}

/** The `source.fixAll.uwsgi-ini` action: every safe fix, as one edit of the document. */
export function fixAllAction(host: FixAllHost, document: UwsgiDocument): CodeAction | undefined {
  const result = fixAll(host, document, 'safe');
  const edit = differenceEdit(document.textDocument, document.text, result.text);
  if (!edit) return undefined;
  return {
    title: `Fix all safe uwsgi-ini problems (${result.applied.length})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.textDocument.uri]: [edit] } },
  };
}

/** Whether a request's `only` asks for the fix-all action (`source`, `source.fixAll` or ours). */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return only !== undefined && only.some((kind) => kind === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${kind}.`));
}
