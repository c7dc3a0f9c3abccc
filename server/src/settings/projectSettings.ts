// The one resolver of project settings, for the CLI and the server alike: from a linted file's
// folder upwards to the first `root = true`, then the user-level file; files reached through the
// FileSystemPort, so this stays as pure as the language service.
import { dirname, documentPath, FileSystemPort } from '../analysis/fileSystem';
import { DocumentSettingsProvider, LanguageSettings, defaultSettings, SeveritySetting } from '../service/settings';
import { matchesGlob, relativeTo } from './glob';
import { readSettingsFile, SettingsFile, SettingsFileKind, SettingsLayer, SettingsProblem } from './settingsFile';

/** In the order they are looked for in each folder: the first with our settings wins. */
export const SETTINGS_FILE_NAMES = ['.uwsgi-ini.toml', 'pyproject.toml'] as const;
/** Nobody writes a megabyte of settings; a bigger file is reported, not read. */
const MAX_SETTINGS_BYTES = 1024 * 1024;
const MAX_CACHED_TEXTS = 256;

/** The settings a project file can set besides `rules`, by their LanguageSettings names. */
export const SETTING_NAMES = ['version', 'plugins', 'strict', 'section', 'placeholders'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** The file's key for each setting: the same names as the CLI flags. */
export const FILE_KEY: Record<SettingName, string> = {
  version: 'uwsgi-version', plugins: 'plugins', strict: 'strict', section: 'section', placeholders: 'placeholders',
};

export type Origin =
  | { readonly kind: 'default' }
  | { readonly kind: 'editor' }
  | { readonly kind: 'command line'; readonly flag: string }
  | { readonly kind: 'file'; readonly path: string; readonly line: number; readonly override?: number };

/** What the command line sets, above every file; a flag not given is undefined. */
export interface CommandLineSettings {
  version?: LanguageSettings['version'];
  plugins?: string[];
  strict?: boolean;
  section?: string;
  placeholders?: string[];
  diagnostics?: Record<string, SeveritySetting>;
}

export const COMMAND_LINE_FLAG: Record<SettingName | 'rules', string> = {
  version: '--uwsgi-version', plugins: '--plugins', strict: '--strict', section: '--section', placeholders: '--placeholder', rules: '--rule',
};

export interface ResolvedSettings {
  readonly settings: LanguageSettings;
  readonly origins: Readonly<Record<SettingName, Origin>>;
  /** Only the rules something set; the others keep their default severity. */
  readonly ruleOrigins: Readonly<Record<string, Origin>>;
  /** The `exclude` pattern that matches the file, if one does. */
  readonly excludedBy?: { readonly pattern: string; readonly path: string; readonly line: number };
  /** The settings files that apply, nearest first. */
  readonly files: readonly string[];
  /** The problems of every settings file looked at on the way (broken ones included). */
  readonly problems: readonly SettingsProblem[];
}

export interface ProjectSettingsOptions {
  readonly fileSystem: FileSystemPort;
  /** `$XDG_CONFIG_HOME/uwsgi-ini/config.toml`, when the host has such a folder. */
  readonly userSettingsFile?: string;
  readonly commandLine?: CommandLineSettings;
  /** Every rule id, so that a misspelt one is reported instead of ignored. */
  readonly ruleIds: readonly string[];
}

export class ProjectSettings implements DocumentSettingsProvider {
  private currentGeneration = 0;
  /** The settings file of each folder searched (null: none there), until `invalidate`. */
  private readonly folders = new Map<string, SettingsFile | null>();
  private user: SettingsFile | null | undefined;
  /** Problems of every file read since `invalidate`, by path; files without problems are absent. */
  private readonly problemsByPath = new Map<string, SettingsProblem[]>();
  /** Parsed files by path and text, across invalidations: re-reading unchanged files is cheap. */
  private readonly parsed = new Map<string, { text: string; file: SettingsFile | undefined }>();

  constructor(private readonly options: ProjectSettingsOptions) {}

  get generation(): number {
    return this.currentGeneration;
  }

  /** Settings files may have changed: read them again when next asked. */
  invalidate(): void {
    this.folders.clear();
    this.user = undefined;
    this.problemsByPath.clear();
    this.currentGeneration++;
  }

  forDocument(uri: string, base: LanguageSettings): { settings: LanguageSettings; excluded: boolean } {
    const path = documentPath(uri, this.options.fileSystem);
    if (path === undefined) return { settings: this.resolveLayers([], undefined, base).settings, excluded: false };
    const resolved = this.resolve(path, base);
    return { settings: resolved.settings, excluded: resolved.excludedBy !== undefined };
  }

  /** The settings for the file at `path` (absolute, `/`-separated) over `base`. */
  resolve(path: string, base: LanguageSettings = defaultSettings): ResolvedSettings {
    const found: SettingsFile[] = [];
    const problems: SettingsProblem[] = [];
    const collect = (file: string): void => {
      problems.push(...(this.problemsByPath.get(file) ?? []));
    };
    let folder = dirname(path);
    let stopped = false;
    for (;;) {
      const file = this.folderSettings(folder);
      for (const name of SETTINGS_FILE_NAMES) collect(joinPath(folder, name));
      if (file) {
        found.push(file);
        if (file.root) {
          stopped = true;
          break;
        }
      }
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    // A project that says root = true reads the same on every machine, whoever runs it.
    if (!stopped) {
      const user = this.userSettings();
      if (user) found.push(user);
      if (this.options.userSettingsFile !== undefined) collect(this.options.userSettingsFile);
    }
    return { ...this.resolveLayers(found, path, base), problems };
  }

  private resolveLayers(found: readonly SettingsFile[], path: string | undefined, base: LanguageSettings): Omit<ResolvedSettings, 'problems'> {
    const settings: LanguageSettings = { ...base, plugins: [...base.plugins], placeholders: [...base.placeholders], diagnostics: { ...base.diagnostics } };
    const origins = {} as Record<SettingName, Origin>;
    for (const name of SETTING_NAMES) {
      origins[name] = JSON.stringify(base[name]) === JSON.stringify(defaultSettings[name]) ? { kind: 'default' } : { kind: 'editor' };
    }
    const ruleOrigins: Record<string, Origin> = {};
    for (const id of Object.keys(base.diagnostics)) ruleOrigins[id] = { kind: 'editor' };

    const apply = (layer: SettingsLayer, origin: (line: number) => Origin): void => {
      for (const name of SETTING_NAMES) {
        const setting = layer[name];
        if (!setting) continue;
        (settings as unknown as Record<string, unknown>)[name] = Array.isArray(setting.value) ? [...setting.value] : setting.value;
        origins[name] = origin(setting.line);
      }
      for (const [id, setting] of Object.entries(layer.rules)) {
        settings.diagnostics[id] = setting.value;
        ruleOrigins[id] = origin(setting.line);
      }
    };
    let excludedBy: ResolvedSettings['excludedBy'];
    // Farthest first, so that nearer files, and then the command line, have the last word.
    for (const file of [...found].reverse()) {
      apply(file.layer, (line) => ({ kind: 'file', path: file.path, line }));
      const relative = path === undefined ? undefined : relativeTo(dirname(file.path), path);
      if (relative === undefined) continue;
      for (const override of file.overrides) {
        if (override.files.some((glob) => matchesGlob(glob, relative))) {
          apply(override.layer, (line) => ({ kind: 'file', path: file.path, line, override: override.index }));
        }
      }
      const pattern = file.exclude.find((glob) => matchesGlob(glob.value, relative));
      if (pattern && !excludedBy) excludedBy = { pattern: pattern.value, path: file.path, line: pattern.line };
    }
    const commandLine = this.options.commandLine ?? {};
    for (const name of SETTING_NAMES) {
      const value = commandLine[name];
      if (value === undefined) continue;
      (settings as unknown as Record<string, unknown>)[name] = value;
      origins[name] = { kind: 'command line', flag: COMMAND_LINE_FLAG[name] };
    }
    for (const [id, level] of Object.entries(commandLine.diagnostics ?? {})) {
      settings.diagnostics[id] = level;
      ruleOrigins[id] = { kind: 'command line', flag: COMMAND_LINE_FLAG.rules };
    }
    return { settings, origins, ruleOrigins, ...(excludedBy ? { excludedBy } : {}), files: found.map((file) => file.path) };
  }

  private folderSettings(folder: string): SettingsFile | null {
    const cached = this.folders.get(folder);
    if (cached !== undefined) return cached;
    const [own, pyproject] = SETTINGS_FILE_NAMES.map((name) => this.read(joinPath(folder, name), name === 'pyproject.toml' ? 'pyproject' : 'own'));
    if (own && pyproject) {
      // Both would apply to the same files: say which one does, rather than merge them quietly.
      this.addProblems(pyproject.path, [{
        path: pyproject.path, line: pyproject.line, column: 1,
        message: `[tool.uwsgi-ini] here is not used: ${own.path} in the same folder takes precedence (keep one of the two)`,
      }]);
    }
    const file = own ?? pyproject ?? null;
    this.folders.set(folder, file);
    return file;
  }

  private userSettings(): SettingsFile | null {
    if (this.user === undefined) {
      const path = this.options.userSettingsFile;
      this.user = (path !== undefined ? this.read(path, 'user') : undefined) ?? null;
    }
    return this.user;
  }

  private read(path: string, kind: SettingsFileKind): SettingsFile | undefined {
    const stat = this.options.fileSystem.stat(path);
    if (!stat || stat.type !== 'file') return undefined;
    if (stat.size > MAX_SETTINGS_BYTES) {
      this.addProblems(path, [{ path, line: 1, column: 1, message: `larger than ${MAX_SETTINGS_BYTES / 1024 / 1024} MB, not read: none of its settings are used` }]);
      return undefined;
    }
    const text = this.options.fileSystem.readFile(path, MAX_SETTINGS_BYTES);
    if (text === undefined) return undefined;
    let entry = this.parsed.get(path);
    if (!entry || entry.text !== text) {
      entry = { text, file: readSettingsFile(path, text, kind, this.options.ruleIds) };
      this.parsed.delete(path);
      if (this.parsed.size >= MAX_CACHED_TEXTS) this.parsed.delete(this.parsed.keys().next().value!);
      this.parsed.set(path, entry);
    }
    if (entry.file && entry.file.problems.length > 0) this.addProblems(path, entry.file.problems);
    return entry.file;
  }

  private addProblems(path: string, problems: readonly SettingsProblem[]): void {
    const known = this.problemsByPath.get(path) ?? [];
    for (const problem of problems) if (!known.some((p) => p.line === problem.line && p.message === problem.message)) known.push(problem);
    this.problemsByPath.set(path, known);
  }
}

function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

/**
 * The user-level settings file, from the XDG base directory variables (the same folder on every
 * system, as Ruff and other Python tools do); undefined without a home to find it in.
 */
export function userSettingsFile(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const configHome = env['XDG_CONFIG_HOME'] || (env['HOME'] ? `${env['HOME']}/.config` : env['APPDATA']);
  return configHome ? `${configHome.replace(/\\/g, '/').replace(/\/+$/, '')}/uwsgi-ini/config.toml` : undefined;
}
