/**
 * One-off extraction: uWSGI's options.json (facts pulled from the C option tables of both
 * branches) -> metadata/uwsgiOptions.json. Run by hand when the facts change:
 *
 *   npx tsx scripts/registry/extractOptions.ts [/work/shared/uwsgi/options.json]
 *
 * Only facts are copied. The registry never reads ../shared at run time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OptionMeta, OptionVersionOverride, RepeatKind, UwsgiVersion } from '../../server/src/registry/types';

/** Where the hand-written registry metadata lives. */
const METADATA_DIR = path.resolve(__dirname, '..', '..', 'server', 'src', 'registry', 'metadata');

interface SourceOption {
  name: string;
  plugin: string;
  argument: 'required' | 'none' | 'optional';
  short: string | null;
  parser: string;
  flags: string[];
  ifdef: string | null;
  branches: string[];
  differs_in_2_0?: { parser?: string; argument?: 'required' | 'none' | 'optional' };
  value_kind: string;
  repeat: RepeatKind;
  terminates: boolean;
  immediate: boolean;
  embedded_by_default: boolean;
}

interface ParserSemantics {
  kind: string;
  repeat: RepeatKind;
}

const BRANCH_VERSION: Record<string, UwsgiVersion> = { 'uwsgi-2.0': '2.0', master: '2.1' };
const DEPRECATED_PARSERS = new Set(['uwsgi_opt_deprecated']);

function versionsOf(branches: string[]): UwsgiVersion[] {
  return branches.map((b) => {
    const v = BRANCH_VERSION[b];
    if (!v) throw new Error(`unknown branch ${b}`);
    return v;
  }).sort();
}

/** `X` and `!X` together mean "always compiled in". */
function mergeIfdef(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  if (a === b) return a;
  if (a === `!${b}` || b === `!${a}`) return null;
  return `(${a}) || (${b})`;
}

function toMeta(o: SourceOption, semantics: Record<string, ParserSemantics>): OptionMeta {
  const meta: OptionMeta = {
    name: o.name,
    plugin: o.plugin,
    short: o.short,
    argument: o.argument,
    parser: o.parser,
    valueKind: o.value_kind,
    repeat: o.repeat,
    immediate: o.immediate,
    terminates: o.terminates,
    deprecated: DEPRECATED_PARSERS.has(o.parser),
    flags: o.flags.map((f) => f.replace(/^UWSGI_OPT_/, '')).sort(),
    ifdef: o.ifdef,
    versions: versionsOf(o.branches),
    embeddedByDefault: o.embedded_by_default,
  };
  const d = o.differs_in_2_0;
  if (d && (d.parser !== undefined || d.argument !== undefined)) {
    const override: OptionVersionOverride = {};
    if (d.argument !== undefined) override.argument = d.argument;
    if (d.parser !== undefined) {
      const s = semantics[d.parser];
      if (!s) throw new Error(`no parser semantics for ${d.parser}`);
      override.parser = d.parser;
      override.valueKind = s.kind;
      override.repeat = s.repeat;
      override.deprecated = DEPRECATED_PARSERS.has(d.parser);
    }
    meta.in20 = override;
  }
  return meta;
}

function merge(a: OptionMeta, b: OptionMeta): OptionMeta {
  for (const field of ['plugin', 'parser', 'argument', 'valueKind', 'repeat'] as const) {
    if (a[field] !== b[field]) throw new Error(`cannot merge ${a.name}: ${field} differs`);
  }
  return {
    ...a,
    ifdef: mergeIfdef(a.ifdef, b.ifdef),
    versions: [...new Set([...a.versions, ...b.versions])].sort(),
    flags: [...new Set([...a.flags, ...b.flags])].sort(),
  };
}

export function extractOptions(source: { _meta: { parser_semantics: Record<string, ParserSemantics> }; options: SourceOption[] }): OptionMeta[] {
  const byName = new Map<string, OptionMeta>();
  for (const o of source.options) {
    const meta = toMeta(o, source._meta.parser_semantics);
    const seen = byName.get(o.name);
    byName.set(o.name, seen ? merge(seen, meta) : meta);
  }
  return [...byName.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** One option per line: readable diffs, still compact. */
export function formatOptionsJson(options: OptionMeta[]): string {
  return `[\n${options.map((o) => JSON.stringify(o)).join(',\n')}\n]\n`;
}

function main(): void {
  const input = process.argv[2] ?? '/work/shared/uwsgi/options.json';
  const source = JSON.parse(fs.readFileSync(input, 'utf8'));
  const options = extractOptions(source);
  const out = path.join(METADATA_DIR, 'uwsgiOptions.json');
  fs.writeFileSync(out, formatOptionsJson(options));
  console.log(`${options.length} options (${source.options.length} entries) -> ${out}`);
}

if (require.main === module) main();
