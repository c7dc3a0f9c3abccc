import { LineKind, Span } from '../../parser/ast';
import { DocumentModel } from '../../analysis/model';
import { TEMPLATE_MARKER_THRESHOLD, templateJudgement } from '../../analysis/templateMarkers';
import { code } from '../markup';
import { Rule, RuleContext } from './rule';

/** How many markers the message names, and shows as related places. */
const SHOWN_MARKERS = 3;

/** The header of the section uWSGI reads, else the first header, else the first non-blank line. */
function fileSpan(model: DocumentModel): Span | undefined {
  const header = model.appliedSections[0]?.header ?? model.doc.sections[0]?.header;
  if (header) return { start: header.contentStart, end: header.contentEnd };
  const first = model.doc.lines.find((line) => line.kind !== LineKind.Blank);
  return first ? { start: first.contentStart, end: first.contentEnd } : undefined;
}

function check(context: RuleContext): void {
  const { model } = context;
  const judgement = templateJudgement(model, context.options);
  if (!judgement.isTemplate) return;
  const span = fileSpan(model);
  if (!span) return;
  const shown = judgement.markers.slice(0, SHOWN_MARKERS);
  const names = shown.map((marker) => code(marker.text)).join(', ');
  const more = judgement.markers.length > shown.length ? ', ...' : '';
  context.report({
    span,
    wholeFile: true,
    message: `This file looks like a template for another tool: it has ${judgement.markers.length} markers (${names}${more}) that uWSGI does not fill in itself. Fine if the tool fills them in before uWSGI reads the file, so findings about the markers are left out: lint the generated file to check what uWSGI applies.`,
    related: shown.map((marker) => ({ span: marker.span, message: `Template marker ${code(marker.text)}` })),
  });
}

/**
 * **Default severity:** information
 *
 * ## What it catches
 *
 * A file that is evidently a template for another tool, with at least two of its markers:
 *
 * ```ini
 * [uwsgi]
 * uid = ${SERVICE_USER}
 * chdir = ${APP_SRC}
 * processes = __NUM_PROCESSES__
 * socket = {{ socket_path }}
 * ```
 *
 * The markers counted are `${NAME}` and a whole value `$NAME` (envsubst, shell scripts; not in
 * shell commands, routes and log encoders, where they mean something), `{{ ... }}` and `{% ... %}` (Jinja, Ansible,
 * Django's startproject; in comment lines too, as in `# {{ ansible_managed }}`), `__NAME__` in
 * capitals (sed) and `@NAME@` (autoconf, CMake). The file gets one finding, on the header of the
 * section uWSGI reads, naming the first markers.
 *
 * ## Why
 *
 * uWSGI fills in none of these (SEMANTICS.md §8, §9; a `{% ... %}` even loses its `%` signs to the
 * magic pass): read as it stands, `uid = ${SERVICE_USER}` is a user with that literal name and
 * `processes = __NUM_PROCESSES__` is 0. That is only a mistake
 * if uWSGI reads this file; a template is filled in first, and then it is the generated file that
 * matters. So instead of a warning per marker, this rule says once that the file looks like a
 * template, and [shell-style-variable](shell-style-variable.md) and [invalid-value](invalid-value.md)
 * leave its markers alone.
 *
 * The threshold is two markers (`TEMPLATE_MARKER_THRESHOLD`): one `${HOME}` in a hand-written file
 * is more likely a slip, reported as such; two or more are a pattern. The oracle fixture
 * `template-file-markers.ini` shows that the real uWSGI accepts such a file and keeps every marker
 * literally.
 *
 * ## Silencing it
 *
 * - For the file: `# uwsgi-ini: disable template-file` anywhere in it.
 * - Everywhere: `"uwsgi.diagnostics": { "template-file": "off" }`, or `--rule template-file=off`.
 *
 * Turning it off does not bring the per-marker findings back: the judgement that the file is a
 * template stays. To lint what uWSGI will read, lint the file the template tool writes.
 */
export const templateFile: Rule = {
  id: 'template-file', defaultSeverity: 'information', order: 165, check,
  title: 'The file is a template for another tool: its markers are left alone',
  summary: { severity: 'information', catches: `a file with ${TEMPLATE_MARKER_THRESHOLD} or more \`\${VAR}\`, \`{{ var }}\`, \`__VAR__\` or \`@VAR@\` markers, said once` },
};
