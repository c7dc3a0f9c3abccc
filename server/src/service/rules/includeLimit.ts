import { Rule, RuleContext } from './rule';
import { DEFAULT_INCLUDE_LIMITS } from '../../analysis/fileSystem';

const MB = 1024 * 1024;

function check(context: RuleContext): void {
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
}

// Includes the editor does not follow: a cycle (uWSGI would loop), or past our reading limits.

/**
 * **Default severity:** warning
 *
 * ## What it catches
 *
 * Included ini files that the checker does not follow:
 *
 * - a cycle: a file that includes itself, directly (`include = %p`) or through others
 *   (`a.ini -> b.ini -> a.ini`), compared by real path so symbolic links do not hide it;
 * - a file larger than 1 MB;
 * - includes nested deeper than 16 levels;
 * - more than 256 files or 8 MB read for one document.
 *
 * ## Why
 *
 * uWSGI has no cycle check: it would include the files again and again until it runs out of
 * memory. The other limits keep the editor fast and safe on hostile repositories; options set
 * beyond them are not checked, and the diagnostic says so instead of staying silent.
 *
 * ## Example
 *
 * ```ini
 * ; /etc/uwsgi/app.ini
 * [uwsgi]
 * include = %d/common.ini
 * ```
 *
 * ```ini
 * ; /etc/uwsgi/common.ini
 * [uwsgi]
 * include = %d/app.ini
 * ```
 *
 * Each file includes the other: checking `app.ini`, its `include` line is reported, because the
 * chain leads back to `app.ini`, which is already being read. Remove one of the two lines, or move what both need into a third
 * file that includes neither.
 *
 * ## Silencing it
 *
 * - For one line: `# uwsgi-ini: disable-next-line include-limit` on the line above.
 * - For the file: `# uwsgi-ini: disable include-limit` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "include-limit": "off" }`, or `--rule include-limit=off`.
 */
export const includeLimit: Rule = {
  id: 'include-limit', defaultSeverity: 'warning', order: 30, check,
  title: 'Include cycle, or included files beyond the size, depth or count the checker reads',
  summary: { severity: 'warning', catches: 'included files that are cyclic or beyond the reading limits' },
};
