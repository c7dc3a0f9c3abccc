/**
 * Hover/completion markdown for options, phases and actions. Hand-written text (metadata/docs/)
 * when there is some; otherwise a summary composed from the facts. Always ends with a link to the
 * official reference. Pure.
 */
import { ACTION_DOCS, OPTION_DOCS, PHASE_DOCS } from './generated/docs';
import { getAction, getOption, getPhase, mainProcessUsage, repeatWords, valueKindWords } from './lookup';
import type { ActionFacts, HookFailure, OptionFacts, PhaseFacts, UwsgiVersion } from './types';

const OPTIONS_REFERENCE = 'https://uwsgi-docs.readthedocs.io/en/latest/Options.html';
const HOOKS_REFERENCE = 'https://uwsgi-docs.readthedocs.io/en/latest/Hooks.html';

/** Anchor of an option in the official reference: lower case, every non-alphanumeric a `-`. */
export function optionDocsUrl(name: string): string {
  return `${OPTIONS_REFERENCE}#${name.toLowerCase().replace(/[^a-z0-9]/g, '-')}`;
}

const FLAG_TEXT: Record<string, string> = {
  MASTER: 'turns on the master process',
  LOG_MASTER: 'turns on the master and master logging',
  REQ_LOG_MASTER: 'turns on master request logging',
  THREADS: 'enables threads',
  CHEAPER: 'enables cheaper mode',
  MEMORY: 'enables memory accounting',
  PROCNAME: 'enables process naming',
  LAZY: 'enables lazy apps',
  NO_INITIAL: 'suppresses the initial output',
  NO_SERVER: 'starts without a server socket',
  POST_BUFFERING: 'sets post-buffering to 4096 if unset',
  MIME: 'loads the MIME types table',
  METRICS: 'enables metrics',
  VHOST: 'enables virtual hosting',
};

function versionsText(versions: readonly UwsgiVersion[]): string {
  if (versions.length === 2) return 'uWSGI 2.0 and 2.1';
  return versions[0] === '2.1' ? 'uWSGI 2.1 (development branch) only' : 'uWSGI 2.0 only';
}

function pluginText(o: OptionFacts): string {
  if (o.plugin === 'core') return 'Core option';
  if (o.embeddedByDefault) return `From the \`${o.plugin}\` plugin (built into the default build; distribution packages may need \`plugins = ${o.plugin}\`)`;
  return `Needs the \`${o.plugin}\` plugin (\`plugins = ${o.plugin}\`)`;
}

function optionSummary(o: OptionFacts): string {
  const parts = [`Takes ${valueKindWords(o.valueKind).description}.`];
  const repeat = repeatWords(o.repeat).description;
  if (repeat) parts.push(`${repeat}.`);
  return parts.join(' ');
}

function optionFactLines(o: OptionFacts, version: UwsgiVersion): string[] {
  const lines = [`${pluginText(o)}; ${versionsText(o.versions)}.`];
  if (o.short) lines.push(`Command-line short form: \`-${o.short}\`.`);
  if (o.immediate) lines.push('Applied while the file is read: only `%` magic variables are expanded in its value, not `$()`, `@()` or `%()`.');
  if (o.terminates) lines.push('uWSGI exits after handling it.');
  if (o.deprecated) lines.push(`Deprecated${version === '2.1' && o.in20?.deprecated === false ? ' in 2.1' : ''}: it only logs a warning.`);
  const effects = o.flags.filter((f) => f !== 'IMMEDIATE').map((f) => FLAG_TEXT[f]).filter((t): t is string => !!t);
  if (effects.length > 0) lines.push(`Setting it also ${effects.join(', ')}.`);
  if (o.ifdef) lines.push(`Only in builds compiled with \`${o.ifdef}\`.`);
  const other = o.in20;
  if (other && o.versions.length === 2 && (other.valueKind !== undefined || other.deprecated !== undefined)) {
    lines.push('Behaves differently in uWSGI 2.0 and 2.1.');
  }
  const usage = mainProcessUsage(o.name);
  if (usage.length > 0 && usage.length <= 3) lines.push(`uwsgiconf: ${usage.map((u) => `\`${u.call}\``).join(', ')}.`);
  return lines;
}

/** Markdown for an option, or undefined for an unknown name. */
export function optionDocs(name: string, version: UwsgiVersion = '2.0'): string | undefined {
  const o = getOption(name, version);
  if (!o) return undefined;
  const url = optionDocsUrl(name);
  const handWritten = OPTION_DOCS[name];
  const body = handWritten ?? optionSummary(o);
  const out = [`**${name}**`, body, optionFactLines(o, version).join('  \n')];
  if (!body.includes(url)) out.push(`[uWSGI option reference](${url})`);
  return out.join('\n\n');
}

function failureText(f: HookFailure): string {
  if (f === true) return 'a failure stops the instance';
  if (f === false) return 'failures are ignored';
  return { 'vassal-removed': 'a failure removes the vassal', 'vassal-cursed': 'a failure curses the vassal', 'spawn-aborted': 'a failure aborts the spawn' }[f];
}

function phaseSummary(p: PhaseFacts): string {
  const families = Object.values(p.families).map((f) => `\`${f.option}\` (${failureText(f.fatal)})`);
  const root = p.root === true ? 'still root' : p.root === false ? 'no longer root' : 'root or not depending on the configuration';
  return [
    `Hook phase. Runs in: ${p.process}. The process is ${root} here.`,
    `Options: ${families.join(', ')}.`,
    ...(p.callVariants.length > 1 ? [`Call variants: ${p.callVariants.map((v) => `\`${v.option}\` → \`${v.signature}\``).join(', ')}.`] : []),
    `Value: \`${p.hookValueSyntax}\` for \`hook-${p.name}\`.`,
  ].join('  \n');
}

export function phaseDocs(name: string): string | undefined {
  const p = getPhase(name);
  if (!p) return undefined;
  const facts = [`${versionsText(p.versions)}.`];
  if (p.uwsgiconfConstant) facts.push(`uwsgiconf: \`MainProcess.phases.${p.uwsgiconfConstant}\`.`);
  if (p.ifdef) facts.push(`Only in builds compiled with \`${p.ifdef}\`.`);
  const body = PHASE_DOCS[name] ?? phaseSummary(p);
  return [`**${name}** (hook phase)`, body, facts.join('  \n'), `[uWSGI hooks](${HOOKS_REFERENCE})`].join('\n\n');
}

function actionSummary(a: ActionFacts): string {
  const alias = a.aliasOf ? ` Same as \`${a.aliasOf}\`.` : '';
  return `Hook action.${alias}`;
}

export function actionDocs(name: string): string | undefined {
  const a = getAction(name);
  if (!a) return undefined;
  const facts = [`Syntax: \`${a.syntax}\``, `${a.plugin === 'core' ? 'Core action' : `Needs the \`${a.plugin}\` plugin`}; ${versionsText(a.versions)}.`];
  if (a.needsRoot) facts.push('Needs root: use it in a phase that runs before the privilege drop (e.g. `as-root`).');
  const body = ACTION_DOCS[name] ?? actionSummary(a);
  return [`**${name}** (hook action)`, body, facts.join('  \n'), `[uWSGI hooks](${HOOKS_REFERENCE})`].join('\n\n');
}
