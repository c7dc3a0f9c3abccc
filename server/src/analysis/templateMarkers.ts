import { LineKind, Span } from '../parser/ast';
import { DocumentModel } from './model';
import { OptionContext } from './optionContext';
import { hasOwnBraceVariables, valueLanguage } from './valueLanguage';

// Is this file a template for another tool (envsubst, a shell script, Jinja/Ansible, Django's
// startproject, sed or autoconf), which fills in its markers before uWSGI ever reads it? One
// judgement, shared by template-file (which says so once), shell-style-variable and invalid-value
// (which then leave the markers alone).

/** Markers a file needs before it is judged a template: one may be a slip, two are a pattern. */
export const TEMPLATE_MARKER_THRESHOLD = 2;

/**
 * `${NAME}`, with a shell default or test after the name (`${NAME:-4}`, `${NAME-x}`, `${NAME:?}`):
 * the name is group 1, what follows it group 2.
 */
const SHELL_VARIABLE_SOURCE = String.raw`\$\{([A-Za-z_][A-Za-z0-9_]*)((?::?[-=+?])[^{}]*)?\}`;
/** Jinja, Ansible, Go templates, Django: `{{ name }}`, `{% if x %}`. */
const JINJA_SOURCE = String.raw`\{\{[^{}\n]*\}\}|\{%[^\n]*?%\}`;
/** sed-style placeholders in capitals (`__NUM_PROCESSES__`; `__init__` is Python, not a marker). */
const DUNDER_SOURCE = String.raw`__[A-Z][A-Z0-9_]*__`;
/** autoconf/CMake `configure_file`: `@prefix@`, `@LOCALSTATEDIR@`. */
const AUTOCONF_SOURCE = String.raw`@[A-Za-z_][A-Za-z0-9_]*@`;

/** A whole value that is one bare `$NAME`. */
const BARE_VARIABLE_VALUE = /^\$[A-Za-z_][A-Za-z0-9_]*$/;

/** Every `${NAME...}` in a text, with the name in group 1 and a default or test in group 2. */
export function shellVariablePattern(): RegExp {
  return new RegExp(SHELL_VARIABLE_SOURCE, 'g');
}
const OTHER_MARKERS = new RegExp(`${JINJA_SOURCE}|${DUNDER_SOURCE}|${AUTOCONF_SOURCE}`, 'g');
const JINJA_MARKERS = new RegExp(JINJA_SOURCE, 'g');

/**
 * A whole value that is one template marker (`${THREADS}`, `$THREADS`, `__NUM__`, `{{ workers }}`,
 * `@WORKERS@`): what invalid-value tells apart from a plain mistake.
 */
const MARKER_VALUE = /^(\$\{.*\}|\$[A-Za-z_]\w*|__\w+__|\{\{.*\}\}|@\w+@)$/;

export function isTemplateMarkerValue(value: string): boolean {
  return MARKER_VALUE.test(value);
}

const SHELL_VARIABLE_VALUE = new RegExp(`^${SHELL_VARIABLE_SOURCE}$`);

/** True when the whole value is one `${NAME}` or `${NAME:-default}`: shell-style-variable's to report. */
export function isShellVariableValue(value: string): boolean {
  return SHELL_VARIABLE_VALUE.test(value);
}

export interface TemplateMarker {
  readonly span: Span;
  readonly text: string;
}

export interface TemplateJudgement {
  /** At least TEMPLATE_MARKER_THRESHOLD markers. */
  readonly isTemplate: boolean;
  /**
   * The markers in file order: `${...}` outside shell commands and uWSGI's own `${...}` syntaxes,
   * a whole value `$NAME` there too, `{{ }}`, `{% %}`, `__X__`, `@X@`.
   */
  readonly markers: readonly TemplateMarker[];
}

function collect(pattern: RegExp, text: string, start: number, end: number, into: TemplateMarker[]): void {
  pattern.lastIndex = 0;
  const slice = text.slice(start, end);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    into.push({ span: { start: start + match.index, end: start + match.index + match[0].length }, text: match[0] });
  }
}

/** Cheap test of the whole text: most files have no marker at all. */
const ANY_MARKER = /\$[{A-Za-z_]|\{\{|\{%|__[A-Z]|@[A-Za-z_]\w*@/;

function judge(model: DocumentModel, options: OptionContext): TemplateJudgement {
  const text = model.text;
  const markers: TemplateMarker[] = [];
  if (!ANY_MARKER.test(text)) return { isTemplate: false, markers };
  const shell = shellVariablePattern();
  for (const line of model.doc.lines) {
    if (line.kind === LineKind.Comment) {
      // `# {{ ansible_managed }}`: a commented-out `${...}` may be a route, a Jinja tag is not.
      collect(JINJA_MARKERS, text, line.contentStart, line.contentEnd, markers);
      continue;
    }
    if (line.kind !== LineKind.Entry) {
      if (line.kind === LineKind.Section) collect(OTHER_MARKERS, text, line.contentStart, line.contentEnd, markers);
      continue;
    }
    collect(OTHER_MARKERS, text, line.contentStart, line.contentEnd, markers);
    collect(shell, text, line.keySpan.start, line.keySpan.end, markers);
    const known = options.optionAnywhere(line.key);
    // The shell expands `${...}` in a command, and routes and log encoders have their own.
    if (valueLanguage(line, known) === 'shell' || hasOwnBraceVariables(known)) continue;
    collect(shell, text, line.valueSpan.start, line.valueSpan.end, markers);
    // envsubst also fills a bare `$NAME`; as a whole value (`processes = $WORKERS`) it is a marker.
    if (BARE_VARIABLE_VALUE.test(line.value)) markers.push({ span: line.valueSpan, text: line.value });
  }
  markers.sort((a, b) => a.span.start - b.span.start);
  return { isTemplate: markers.length >= TEMPLATE_MARKER_THRESHOLD, markers };
}

/** Per model, so a judgement goes with its document version; per option context, since judging asks it. */
const judgements = new WeakMap<DocumentModel, WeakMap<OptionContext, TemplateJudgement>>();

/** Whether the file is a template, judged once per document and option context. */
export function templateJudgement(model: DocumentModel, options: OptionContext): TemplateJudgement {
  let byOptions = judgements.get(model);
  if (!byOptions) judgements.set(model, (byOptions = new WeakMap()));
  let judgement = byOptions.get(options);
  if (!judgement) byOptions.set(options, (judgement = judge(model, options)));
  return judgement;
}
