import { EntryLine } from '../parser/ast';
import { DEFAULT_INCLUDE_LIMITS } from './fileSystem';

// A few hundred bytes of `a1 = %(a0)%(a0)` or of sections that pull each other describe more text
// or more paths than any machine holds: uWSGI itself would run out of memory on them. The editor
// must not: every expansion and traversal draws on a budget, and what lies beyond it is treated as
// unknown, with one diagnostic saying where the analysis stopped.

export interface AnalysisLimits {
  /** Longest value a `%(name)` expansion may produce, in UTF-16 units. */
  readonly maxValueLength: number;
  /** Characters all expansions of one document may produce together. */
  readonly maxExpandedLength: number;
  /** `%(name)` substitutions one document may perform, all values together. */
  readonly maxExpansions: number;
  /** `ini = :name` pulls nested inside each other (the same limit as includes). */
  readonly maxPullDepth: number;
  /** Sections one model may pull in (the same limit as the number of included files). */
  readonly maxPulls: number;
  /** Entries that pulls may add to the models of one document beyond its own lines, all models together. */
  readonly maxPulledEntries: number;
}

export const DEFAULT_ANALYSIS_LIMITS: AnalysisLimits = Object.freeze({
  maxValueLength: 64 * 1024,
  maxExpandedLength: 4 * 1024 * 1024,
  maxExpansions: 1_000_000,
  maxPullDepth: DEFAULT_INCLUDE_LIMITS.maxDepth,
  maxPulls: DEFAULT_INCLUDE_LIMITS.maxFiles,
  maxPulledEntries: 50_000,
});

export type BudgetKind = 'value-length' | 'expanded-length' | 'expansions' | 'pull-depth' | 'pulls' | 'pulled-entries';

/** Where the analysis stopped short: the line whose value or pull went past a limit. */
export interface BudgetProblem {
  readonly kind: BudgetKind;
  readonly entry: EntryLine;
}

/**
 * What the models of one document have spent. Shared by every model of the document, so that a
 * model per section cannot multiply the work by the number of sections.
 */
export class AnalysisBudget {
  expansions = 0;
  expandedLength = 0;
  pulledEntries = 0;

  constructor(readonly limits: AnalysisLimits = DEFAULT_ANALYSIS_LIMITS) {}
}
