// One settings file read into what it sets, with a located problem for everything it cannot set:
// nothing in a settings file is ignored without a word.
import { nearestOf } from '../registry/nearest';
import { SEVERITIES, SeveritySetting, UwsgiVersionSetting } from '../service/settings';
import { errorText } from '../service/errors';
import { KeyPath, TomlLocations } from './tomlLocations';
import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };

// smol-toml ships a CommonJS build (dist/index.cjs) but declares its types for the ES module only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse, TomlError } = require('smol-toml') as typeof SmolToml;

/** `pyproject.toml` holds our keys under `[tool.uwsgi-ini]`; the others at the top level. */
export type SettingsFileKind = 'pyproject' | 'own' | 'user';

export interface SettingsProblem {
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface Setting<T> {
  readonly value: T;
  readonly line: number;
}

/** What one table (the file's or an override's) sets. */
export interface SettingsLayer {
  version?: Setting<UwsgiVersionSetting>;
  plugins?: Setting<string[]>;
  strict?: Setting<boolean>;
  section?: Setting<string>;
  placeholders?: Setting<string[]>;
  rules: Record<string, Setting<SeveritySetting>>;
}

export interface Override {
  /** Globs relative to the settings file's folder. */
  readonly files: readonly string[];
  /** Line of its `[[...overrides]]` header; its position (from 1) among the file's overrides. */
  readonly line: number;
  readonly index: number;
  readonly layer: SettingsLayer;
}

export interface SettingsFile {
  readonly path: string;
  readonly kind: SettingsFileKind;
  /** Where its settings start: the `[tool.uwsgi-ini]` header of a pyproject.toml, else 1. */
  readonly line: number;
  readonly root: boolean;
  readonly layer: SettingsLayer;
  readonly exclude: readonly Setting<string>[];
  readonly overrides: readonly Override[];
  readonly problems: readonly SettingsProblem[];
}

/** The table name as the messages write it. */
export const PYPROJECT_TABLE = 'tool.uwsgi-ini';

const LAYER_KEYS = ['uwsgi-version', 'plugins', 'strict', 'section', 'placeholders', 'rules'];
const FILE_KEYS = ['root', ...LAYER_KEYS, 'exclude', 'overrides'];
const OVERRIDE_KEYS = ['files', ...LAYER_KEYS];
/** Paths in the user-level file would be relative to ~/.config/uwsgi-ini, which holds no configs. */
const USER_KEYS = LAYER_KEYS;

type Table = Record<string, unknown>;

const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Reads `text`, the content of the settings file at `path`. Undefined for a pyproject.toml that has
 * no `[tool.uwsgi-ini]` table: that file is some other tool's business.
 */
export function readSettingsFile(path: string, text: string, kind: SettingsFileKind, ruleIds: readonly string[]): SettingsFile | undefined {
  const problems: SettingsProblem[] = [];
  const empty = (): SettingsFile => ({ path, kind, line: 1, root: false, layer: { rules: {} }, exclude: [], overrides: [], problems });
  let document: Table;
  try {
    document = parse(text) as Table;
  } catch (error) {
    // A pyproject.toml broken somewhere else cannot hold our settings in a form we would find.
    if (kind === 'pyproject' && !text.includes('uwsgi-ini')) return undefined;
    const located = error instanceof TomlError;
    const message = errorText(error, false).split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    problems.push({ path, line: located ? error.line : 1, column: located ? error.column : 1, message: `not valid TOML: ${message}; none of its settings are used` });
    return empty();
  }
  const locations = new TomlLocations(text);
  const prefix: KeyPath = kind === 'pyproject' ? ['tool', 'uwsgi-ini'] : [];
  const report = (at: KeyPath, message: string): void => {
    const { line, column } = locations.locate([...prefix, ...at]);
    problems.push({ path, line, column, message });
  };
  const lineOf = (at: KeyPath): number => locations.locate([...prefix, ...at]).line;

  let table: Table;
  if (kind === 'pyproject') {
    const tool = document['tool'];
    if (!isTable(tool) || tool['uwsgi-ini'] === undefined) return undefined;
    if (!isTable(tool['uwsgi-ini'])) {
      report([], `[${PYPROJECT_TABLE}] must be a table`);
      return empty();
    }
    table = tool['uwsgi-ini'];
  } else {
    table = document;
  }

  reportUnknownKeys(table, kind, report);

  const layer = readLayer(table, [], report, lineOf, ruleIds);
  let root = false;
  if (table['root'] !== undefined && kind !== 'user') {
    if (typeof table['root'] === 'boolean') root = table['root'];
    else report(['root'], `root must be true or false, not ${shown(table['root'])}`);
  }
  const exclude: Setting<string>[] = [];
  if (table['exclude'] !== undefined && kind !== 'user') {
    for (const pattern of stringList(table['exclude'], ['exclude'], report, 'a glob')) exclude.push({ value: pattern, line: lineOf(['exclude']) });
  }
  const overrides = table['overrides'] !== undefined && kind !== 'user' ? readOverrides(table['overrides'], kind, report, lineOf, ruleIds) : [];
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { path, kind, line: lineOf([]), root, layer, exclude, overrides, problems };
}

type Report = (at: KeyPath, message: string) => void;

function reportUnknownKeys(table: Table, kind: SettingsFileKind, report: Report): void {
  const tableName = kind === 'pyproject' ? `[${PYPROJECT_TABLE}]` : 'this file';
  const allowed = kind === 'user' ? USER_KEYS : FILE_KEYS;
  for (const key of Object.keys(table)) {
    if (allowed.includes(key)) continue;
    if (key === 'tool' && kind !== 'pyproject') {
      report([key], `[tool.uwsgi-ini] is for pyproject.toml: in this file the keys stand at the top level (uwsgi-version = ..., [rules] ...)`);
    } else if (kind === 'user' && FILE_KEYS.includes(key)) {
      report([key], `"${key}" is not used in the user-level settings file: its paths would be relative to the folder of this file; write it in the project's pyproject.toml or .uwsgi-ini.toml`);
    } else {
      report([key], `unknown key "${key}" in ${tableName}${suggestion(key, allowed)}; it is not used`);
    }
  }
}

function readOverrides(list: unknown, kind: SettingsFileKind, report: Report, lineOf: (at: KeyPath) => number, ruleIds: readonly string[]): Override[] {
  if (!Array.isArray(list) || !list.every(isTable)) {
    report(['overrides'], `overrides must be an array of tables: write each one as [[${kind === 'pyproject' ? `${PYPROJECT_TABLE}.` : ''}overrides]] with files = [...]`);
    return [];
  }
  const overrides: Override[] = [];
  list.forEach((override, index) => {
    const at: KeyPath = ['overrides', index];
    for (const key of Object.keys(override)) {
      if (!OVERRIDE_KEYS.includes(key)) report([...at, key], `unknown key "${key}" in overrides #${index + 1}${suggestion(key, OVERRIDE_KEYS)}${FILE_KEYS.includes(key) ? ` ("${key}" is set for the whole file only)` : ''}; it is not used`);
    }
    if (override['files'] === undefined) {
      report(at, `overrides #${index + 1} has no files = [...]: it would apply to no file`);
      return;
    }
    const files = stringList(override['files'], [...at, 'files'], report, 'a glob');
    if (files.length === 0) return;
    overrides.push({ files, line: lineOf(at), index: index + 1, layer: readLayer(override, at, report, lineOf, ruleIds) });
  });
  return overrides;
}

function readLayer(table: Table, at: KeyPath, report: Report, lineOf: (at: KeyPath) => number, ruleIds: readonly string[]): SettingsLayer {
  const layer: SettingsLayer = { rules: {} };
  const setting = <T>(key: string, value: T): Setting<T> => ({ value, line: lineOf([...at, key]) });
  const version = table['uwsgi-version'];
  if (version !== undefined) {
    if (version === '2.0' || version === '2.1') layer.version = setting('uwsgi-version', version);
    else report([...at, 'uwsgi-version'], `uwsgi-version must be the string "2.0" or "2.1", not ${shown(version)}`);
  }
  if (table['plugins'] !== undefined) layer.plugins = setting('plugins', stringList(table['plugins'], [...at, 'plugins'], report, 'a plugin name'));
  if (table['strict'] !== undefined) {
    if (typeof table['strict'] === 'boolean') layer.strict = setting('strict', table['strict']);
    else report([...at, 'strict'], `strict must be true or false, not ${shown(table['strict'])}`);
  }
  const section = table['section'];
  if (section !== undefined) {
    if (typeof section === 'string' && section !== '') layer.section = setting('section', section);
    else report([...at, 'section'], `section must be a section name, not ${shown(section)}`);
  }
  if (table['placeholders'] !== undefined) {
    layer.placeholders = setting('placeholders', stringList(table['placeholders'], [...at, 'placeholders'], report, 'a placeholder name'));
  }
  const rules = table['rules'];
  if (rules !== undefined) {
    if (!isTable(rules)) {
      report([...at, 'rules'], `rules must be a table of rule id = severity, such as rules = { missing-vacuum = "off" }`);
    } else {
      for (const [id, level] of Object.entries(rules)) {
        const where = [...at, 'rules', id];
        if (!ruleIds.includes(id)) report(where, `unknown rule "${id}"${suggestion(id, ruleIds)}; it is not used (uwsgi-ini-lint --list-rules lists the rules)`);
        else if (typeof level !== 'string' || !(SEVERITIES as readonly string[]).includes(level)) report(where, `rule ${id} takes one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}, not ${shown(level)}`);
        else layer.rules[id] = { value: level as SeveritySetting, line: lineOf(where) };
      }
    }
  }
  return layer;
}

/** The strings of a list; a located problem for each other element, or for a value that is no list. */
function stringList(value: unknown, at: KeyPath, report: Report, what: string): string[] {
  const key = String(at[at.length - 1]);
  if (!Array.isArray(value)) {
    report(at, `${key} must be a list of strings, such as ${key} = [${typeof value === 'string' ? JSON.stringify(value) : '"..."'}], not ${shown(value)}`);
    return [];
  }
  const strings: string[] = [];
  value.forEach((item) => {
    if (typeof item === 'string' && item.trim() !== '') strings.push(item.trim());
    else report(at, `every element of ${key} must be ${what} (a non-empty string), not ${shown(item)}`);
  });
  return strings;
}

function suggestion(name: string, candidates: readonly string[]): string {
  const [nearest] = nearestOf(name, candidates, 1);
  return nearest ? ` (did you mean "${nearest}"?)` : '';
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (isTable(value)) return 'a table';
  return String(value);
}
