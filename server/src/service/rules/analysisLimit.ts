import { Rule } from './rule';
import { BudgetKind, DEFAULT_ANALYSIS_LIMITS } from '../../analysis/budget';

const KB = 1024;
const limits = DEFAULT_ANALYSIS_LIMITS;

/** Why the checker stopped, for each budget; what lies past it is not checked. */
const REASONS: Record<BudgetKind, (key: string) => string> = {
  'value-length': (key) => `the value of \`${key}\` expands to more than ${limits.maxValueLength / KB} KB`,
  'expanded-length': (key) => `at \`${key}\`, the placeholders of this file expand to more than ${limits.maxExpandedLength / (KB * KB)} MB together`,
  expansions: (key) => `at \`${key}\`, this file needs more than ${limits.maxExpansions.toLocaleString('en-US')} placeholder expansions`,
  'pull-depth': (key) => `\`${key}\` pulls a section in more than ${limits.maxPullDepth} levels deep`,
  pulls: (key) => `\`${key}\` pulls in more than ${limits.maxPulls} sections`,
  'pulled-entries': (key) => `\`${key}\` would pull in more than ${limits.maxPulledEntries.toLocaleString('en-US')} lines of sections`,
};

/**
 * Placeholders and section pulls the editor did not follow to the end, because they exceed its
 * budget; and included files it could not read at all where files cannot be read (the browser).
 */
export const analysisLimit: Rule = {
  id: 'analysis-limit',
  defaultSeverity: 'information',
  title: 'Placeholders, section pulls or included files beyond what the checker follows',

  check(context) {
    for (const problem of context.model.budgetProblems()) {
      const reason = REASONS[problem.kind](problem.entry.key);
      const what = problem.kind === 'pull-depth' || problem.kind === 'pulls' || problem.kind === 'pulled-entries'
        ? 'the sections it would pull in, and the values of placeholders, were not checked'
        : 'values that use it are shown as unknown and not checked';
      context.report({ span: problem.entry.valueSpan, message: `Not checked beyond a limit: ${reason}; ${what}.` });
    }
    const notRead = context.model.includes.notRead;
    for (const entry of notRead?.entries ?? []) {
      context.report({
        span: entry.valueSpan,
        message: `Not read: ${notRead!.reason}, so the file \`${entry.key}\` loads is not checked, and the options and placeholders it sets are unknown here.`,
      });
    }
  },
};
