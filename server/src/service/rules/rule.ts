import { CodeAction, Diagnostic, DiagnosticTag } from 'vscode-languageserver-types';
import { Span } from '../../parser/ast';
import { DocumentModel } from '../../analysis/model';
import { LanguageSettings, Severity } from '../settings';
import { UwsgiDocument } from '../uwsgiDocument';
import { OptionContext } from '../../analysis/optionContext';
import { DocumentInterpretation } from '../interpretation';

export interface RuleFinding {
  readonly span: Span;
  readonly message: string;
  /** Overrides the rule's default for this finding (before user settings apply). */
  readonly severity?: Severity;
  readonly tags?: DiagnosticTag[];
  /** Facts the rule's quick fixes need (replacement text, suggestions...). */
  readonly data?: Record<string, unknown>;
  /**
   * The finding is about the file as a whole, shown on its header for want of a better place:
   * silencing it for that line would mean nothing, so only the file-wide directive is offered.
   */
  readonly wholeFile?: boolean;
  /** Other places in the same file that explain the finding (shown as related information). */
  readonly related?: readonly { readonly span: Span; readonly message: string }[];
}

export interface RuleContext {
  readonly document: UwsgiDocument;
  readonly model: DocumentModel;
  readonly settings: LanguageSettings;
  /** Which options exist for the configured version and plugins, and whether strict mode is on. */
  readonly options: OptionContext;
  /**
   * The document as uWSGI loads it (includes, pulls, config logic), shared with hovers, inlay
   * hints and the effective configuration; interpreted on first call, once per version.
   */
  interpretation(): DocumentInterpretation;
  report(finding: RuleFinding): void;
  /** True once no further finding will be kept (the diagnostic cap is reached): stop early. */
  isFull?(): boolean;
}

export interface FixContext {
  readonly document: UwsgiDocument;
  readonly model: DocumentModel;
  readonly settings: LanguageSettings;
  readonly options: OptionContext;
  /** The diagnostic being fixed; `data` holds what the rule reported. */
  readonly diagnostic: Diagnostic;
  readonly data: Record<string, unknown>;
}

/**
 * How far a quick fix may change what uWSGI does. `safe`: nothing beyond the evident intent (a typo
 * with exactly one close candidate, a unit uWSGI ignores anyway, a comment moved off a string
 * value); `--fix` and `source.fixAll` apply these. `unsafe`: it changes behaviour (adds `vacuum`, a
 * privilege drop, a `2` variant...); only `--unsafe-fixes` applies them, and the editor offers them.
 */
export type FixSafety = 'safe' | 'unsafe';

/** A quick fix of a rule, with its safety level declared where the rule makes it. */
export interface RuleFix extends CodeAction {
  readonly safety: FixSafety;
}

/**
 * One diagnostic rule: one file under rules/ (named after the id in camelCase, exporting the rule
 * under that name) and one spec. The file holds its helpers and the module functions `check` and
 * `fixes`, then the rule's page as the doc comment of the rule, then the rule itself, which names
 * those functions and carries its facts in three lines (id, severity, order; title; summary): with
 * that layout no two rule files repeat each other's shape. `npm run generate` writes the page to
 * docs/rules/<id>.md, and lists the rule in the rule index (index.ts), the README rules table and
 * the `uwsgi.diagnostics` settings schema.
 */
export interface Rule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for listings and settings. */
  readonly title: string;
  /**
   * Where the rule runs among the others, ascending (the README table follows it too). It
   * matters: once the diagnostic cap is reached no later rule runs, so the rules whose findings
   * matter most come first. Unique; leave gaps for rules to come.
   */
  readonly order: number;
  /** The rule's row in the README rules table, in markdown. */
  readonly summary: {
    /** The default column: the first word is `defaultSeverity`, then when a finding differs. */
    readonly severity: string;
    /** What it catches, in a few words with an example. */
    readonly catches: string;
  };
  check(context: RuleContext): void;
  fixes?(context: FixContext): RuleFix[];
}
