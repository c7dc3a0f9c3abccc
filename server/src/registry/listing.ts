/**
 * One line per option / phase / action, `name\tdetails`, sorted by name: the output of the CLI's
 * --list-options, --list-phases and --list-actions (in the spirit of `uwsgi --dump-options`).
 */
import { allActions, allOptions, allPhases } from './lookup';
import type { OptionFacts, PhaseFacts, UwsgiVersion } from './types';

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function versions(v: readonly UwsgiVersion[]): string {
  return v.join(',');
}

function optionDetails(o: OptionFacts): string {
  const details = [o.plugin, o.valueKind, o.repeat, `versions=${versions(o.versions)}`];
  if (o.short) details.push(`short=-${o.short}`);
  if (o.immediate) details.push('immediate');
  if (o.terminates) details.push('terminates');
  if (o.deprecated) details.push('deprecated');
  if (o.plugin !== 'core' && !o.embeddedByDefault) details.push('needs-plugin');
  if (o.ifdef) details.push(`ifdef=${o.ifdef}`);
  return details.join(' ');
}

export function listOptions(): string[] {
  return allOptions().map((o) => `${o.name}\t${optionDetails(o)}`).sort(byName);
}

function phaseDetails(p: PhaseFacts): string {
  const families = Object.entries(p.families).map(([family, f]) => `${family}${f.fatal === true ? '!' : ''}`);
  const details = [`order=${p.order}`, p.kind, `families=${families.join(',')}`, `root=${p.root}`, `versions=${versions(p.versions)}`];
  if (p.uwsgiconfConstant) details.push(`uwsgiconf=${p.uwsgiconfConstant}`);
  return details.join(' ');
}

/** `families` marks with `!` the families whose failure stops the instance. */
export function listPhases(): string[] {
  return allPhases().map((p) => `${p.name}\t${phaseDetails(p)}`).sort(byName);
}

export function listActions(): string[] {
  return allActions()
    .map((a) => {
      const details = [a.syntax, a.plugin, `versions=${versions(a.versions)}`];
      if (a.needsRoot) details.push('needs-root');
      if (a.aliasOf) details.push(`alias-of=${a.aliasOf}`);
      return `${a.name}\t${details.join(' ')}`;
    })
    .sort(byName);
}
