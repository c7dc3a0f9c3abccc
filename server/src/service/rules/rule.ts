import { CodeAction, Diagnostic, DiagnosticTag } from 'vscode-languageserver-types';
import { Span } from '../../parser/ast';
import { DocumentModel } from '../../analysis/model';
import { LanguageSettings, Severity } from '../settings';
import { UwsgiDocument } from '../uwsgiDocument';
import { OptionContext } from '../optionContext';
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

/** One diagnostic rule: one file under rules/, with its id, default severity, docs, check and fixes. */
export interface Rule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for listings and settings. */
  readonly title: string;
  check(context: RuleContext): void;
  fixes?(context: FixContext): CodeAction[];
}
