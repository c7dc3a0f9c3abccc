// The interpretation printed the way `uwsgi --show-config` prints its list (core/uwsgi.c), so
// that a plain diff against the real output works, and as JSON with provenance and unknowns.
import { Interpretation, ListEntry } from './types';

export const SHOW_CONFIG_HEADER = ';uWSGI instance configuration';
export const SHOW_CONFIG_FOOTER = ';end of configuration';

/** `key = value` lines, one per list entry, unknown parts written as the text uWSGI would read. */
export function showConfigLines(result: Interpretation): string[] {
  return result.entries.map((entry) => `${entry.key} = ${result.render(entry.value)}`);
}

export function formatShowConfig(result: Interpretation): string {
  return [SHOW_CONFIG_HEADER, '[uwsgi]', ...showConfigLines(result), SHOW_CONFIG_FOOTER, ''].join('\n');
}

function entryJson(result: Interpretation, entry: ListEntry): Record<string, unknown> {
  const unknown = result.unknowns.length > 0 ? partsOf(result, entry.value) : [];
  return {
    key: entry.key,
    value: result.render(entry.value),
    ...(unknown.length > 0 ? { unknown } : {}),
    ...(result.render(entry.read) !== result.render(entry.value) ? { read: result.render(entry.read) } : {}),
    configured: entry.configured,
    late: entry.late || undefined,
    file: entry.provenance.file,
    line: entry.provenance.line,
    section: entry.provenance.section,
    chain: entry.provenance.chain.map((link) => ({ ...link, value: result.render(link.value) })),
    ...(entry.provenance.condition ? { condition: { ...entry.provenance.condition, argument: result.render(entry.provenance.condition.argument) } } : {}),
  };
}

function partsOf(result: Interpretation, value: string): Array<{ text: string; source: string; reason: string }> {
  const parts: Array<{ text: string; source: string; reason: string }> = [];
  for (const match of value.matchAll(/\uE000(\d+)\uE001/g)) {
    const part = result.unknowns[Number(match[1])];
    if (part) parts.push({ text: part.text, source: part.source, reason: part.reason });
  }
  return parts;
}

export function showConfigJson(file: string, result: Interpretation): Record<string, unknown> {
  return {
    file,
    complete: result.stop === undefined,
    ...(result.stop ? { stop: result.stop } : {}),
    warnings: result.warnings,
    entries: result.entries.map((entry) => entryJson(result, entry)),
    skipped: result.skipped.map((line) => ({
      key: line.key,
      value: result.render(line.value),
      file: line.provenance.file,
      line: line.provenance.line,
      condition: line.provenance.condition,
    })),
    effective: [...result.effective.values()].map((option) => ({
      name: option.name,
      repeat: option.repeat,
      values: option.entries.map((entry) => result.render(entry.value)),
    })),
  };
}
