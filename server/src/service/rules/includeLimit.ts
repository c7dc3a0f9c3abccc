import { Rule } from './rule';
import { DEFAULT_INCLUDE_LIMITS } from '../../analysis/fileSystem';

const MB = 1024 * 1024;

/** Includes the editor does not follow: a cycle (uWSGI would loop), or past our reading limits. */
export const includeLimit: Rule = {
  id: 'include-limit',
  defaultSeverity: 'warning',
  title: 'Include cycle, or included files beyond the size, depth or count the checker reads',

  check(context) {
    for (const problem of context.model.includes.problems) {
      const key = problem.entry.key;
      // A line of a false block is never read: nothing is included from it.
      if (context.model.blockOf(problem.entry) && context.interpretation().reading(problem.entry) === 'skipped') continue;
      let message: string;
      switch (problem.kind) {
        case 'cycle':
          message = `\`${key}\` leads back to a file that is already being read (${problem.path}): uWSGI would include it again and again.`;
          break;
        case 'too-large':
          message = `\`${key}\`: ${problem.path} is larger than ${DEFAULT_INCLUDE_LIMITS.maxFileBytes / MB} MB; it was not read, so options it sets are not checked.`;
          break;
        case 'too-deep':
          message = `\`${key}\`: includes nest deeper than ${DEFAULT_INCLUDE_LIMITS.maxDepth} levels at ${problem.path}; deeper files were not read.`;
          break;
        case 'budget':
          message = `\`${key}\`: the included files together exceed what is read for one document (${DEFAULT_INCLUDE_LIMITS.maxFiles} files, ${DEFAULT_INCLUDE_LIMITS.maxTotalBytes / MB} MB); ${problem.path} was not read.`;
          break;
        default:
          continue;
      }
      context.report({ span: problem.span, message });
    }
  },
};
