// The CLI's side of the project settings: the same resolver as the server, with the command line
// on top; remembers the problems of the settings files it read, to print them located and fail.
import * as path from 'path';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { allRules } from '../service/rules';
import { DocumentSettingsProvider, LanguageSettings } from '../service/settings';
import {
  CommandLineSettings, FILE_KEY, Origin, ProjectSettings, ResolvedSettings, SETTING_NAMES, SETTINGS_FILE_NAMES, userSettingsFile,
} from '../settings/projectSettings';
import { uriToPath } from '../analysis/fileSystem';
import { SettingsProblem } from '../settings/settingsFile';

/** Path form the resolver takes: absolute, with `/`. */
const slashed = (file: string): string => file.split(path.sep).join('/');

export class CliSettings implements DocumentSettingsProvider {
  private readonly project: ProjectSettings;
  private readonly problems = new Map<string, SettingsProblem>();
  private readonly userFile: string | undefined;

  constructor(commandLine: CommandLineSettings, private readonly cwd: string, env: Readonly<Record<string, string | undefined>> = process.env) {
    this.userFile = userSettingsFile(env);
    this.project = new ProjectSettings({
      fileSystem: nodeFileSystem,
      commandLine,
      ruleIds: allRules.map((rule) => rule.id),
      ...(this.userFile ? { userSettingsFile: this.userFile } : {}),
    });
  }

  get generation(): number {
    return this.project.generation;
  }

  /** Standard input has no path: it gets the settings of the current folder. */
  forDocument(uri: string, base: LanguageSettings): { settings: LanguageSettings; excluded: boolean } {
    const resolved = this.resolve(uriToPath(uri) ?? path.join(this.cwd, '-'), base);
    return { settings: resolved.settings, excluded: resolved.excludedBy !== undefined };
  }

  /** Whether an `exclude` pattern of the file's settings matches it: such files are not checked. */
  isExcluded(file: string): boolean {
    return this.resolve(path.resolve(this.cwd, file)).excludedBy !== undefined;
  }

  /** The section the file is checked in (--section, else its settings files, else `uwsgi`). */
  sectionOf(file: string): string {
    return this.resolve(path.resolve(this.cwd, file)).settings.section;
  }

  /** Writes each problem of the settings files read so far, located; true when there was one. */
  reportProblems(write: (line: string) => void): boolean {
    for (const problem of this.problems.values()) write(`${this.shown(problem.path)}:${problem.line}:${problem.column}: ${problem.message}`);
    return this.problems.size > 0;
  }

  /** `--print-settings FILE`: every setting with where it came from. */
  print(file: string, format: string): string {
    const resolved = this.resolve(path.resolve(this.cwd, file));
    const values: Record<string, unknown> = {};
    const origins: Record<string, string> = {};
    for (const name of SETTING_NAMES) {
      values[FILE_KEY[name]] = resolved.settings[name];
      origins[FILE_KEY[name]] = this.originText(resolved.origins[name]);
    }
    const rules = Object.keys(resolved.ruleOrigins).sort();
    if (format !== 'text') {
      return `${JSON.stringify({
        file,
        settings: { ...values, rules: Object.fromEntries(rules.map((id) => [id, resolved.settings.diagnostics[id]])) },
        origins: { ...origins, rules: Object.fromEntries(rules.map((id) => [id, this.originText(resolved.ruleOrigins[id]!)])) },
        excluded: resolved.excludedBy ? { pattern: resolved.excludedBy.pattern, file: this.shown(resolved.excludedBy.path), line: resolved.excludedBy.line } : null,
        settingsFiles: resolved.files.map((f) => this.shown(f)),
      }, null, 2)}\n`;
    }
    const rows: [string, string][] = SETTING_NAMES.map((name) => [`${FILE_KEY[name]} = ${JSON.stringify(resolved.settings[name])}`, origins[FILE_KEY[name]]!]);
    for (const id of rules) rows.push([`rules.${id} = ${JSON.stringify(resolved.settings.diagnostics[id])}`, this.originText(resolved.ruleOrigins[id]!)]);
    const width = Math.max(...rows.map(([setting]) => setting.length));
    let out = `Settings for ${file}:\n`;
    for (const [setting, origin] of rows) out += `  ${setting.padEnd(width)}  ${origin}\n`;
    if (rules.length === 0) out += '  (every rule at its default severity: see --list-rules)\n';
    const excluded = resolved.excludedBy;
    out += excluded ? `Excluded: yes, by "${excluded.pattern}" (${this.shown(excluded.path)}:${excluded.line})\n` : 'Excluded: no\n';
    out += resolved.files.length > 0
      ? `Settings files, nearest first: ${resolved.files.map((f) => this.shown(f)).join(', ')}\n`
      : `Settings files: none (looked for ${SETTINGS_FILE_NAMES.join(' and ')} with [tool.uwsgi-ini], from the file's folder up${this.userFile ? `, then ${this.userFile}` : ''})\n`;
    return out;
  }

  private resolve(file: string, base?: LanguageSettings): ResolvedSettings {
    const resolved = this.project.resolve(slashed(file), base);
    for (const problem of resolved.problems) this.problems.set(`${problem.path}:${problem.line}:${problem.column}:${problem.message}`, problem);
    return resolved;
  }

  private originText(origin: Origin): string {
    switch (origin.kind) {
      case 'default':
        return 'default';
      case 'editor':
        return 'editor settings';
      case 'command line':
        return `command line (${origin.flag})`;
      case 'file':
        return `${this.shown(origin.path)}:${origin.line}${origin.override !== undefined ? ` (overrides #${origin.override})` : ''}`;
    }
  }

  /** Relative to the current folder when below it, as the user named the files. */
  private shown(file: string): string {
    const relative = path.relative(this.cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  }
}
