export type UwsgiVersionSetting = '2.0' | '2.1';
export type SeveritySetting = 'off' | 'hint' | 'information' | 'warning' | 'error';
export type Severity = Exclude<SeveritySetting, 'off'>;

/** Everything a user can configure; the same names as the `uwsgi.*` settings of the extension. */
export interface LanguageSettings {
  version: UwsgiVersionSetting;
  /** Plugins the binary loads besides those the file names. */
  plugins: string[];
  /** Check as `uwsgi --strict` would. */
  strict: boolean;
  /** Placeholder names the command line, the environment or an emperor supplies. */
  placeholders: string[];
  /** Section to check; `uwsgi` unless the config is started as `--ini file:NAME`. */
  section: string;
  /** Severity per rule id. */
  diagnostics: Record<string, SeveritySetting>;
  privilegeDrop: { user: string; group: string };
  inlayHints: { placeholders: boolean };
  format: { enable: boolean; alignEquals: boolean };
  validation: { delayMs: number };
}

export const defaultSettings: Readonly<LanguageSettings> = Object.freeze({
  version: '2.0',
  plugins: [],
  strict: false,
  placeholders: [],
  section: 'uwsgi',
  diagnostics: {},
  privilegeDrop: { user: 'www-data', group: 'www-data' },
  inlayHints: { placeholders: true },
  format: { enable: false, alignEquals: false },
  validation: { delayMs: 200 },
});

export const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * A user or group name as useradd/groupadd accept it (or a numeric id), with the optional
 * trailing `$` of machine accounts. Quick fixes write these settings into the file, and a
 * workspace's settings.json can come with a cloned repository: anything wider (a line break, `=`,
 * `%`, `$(`, `@(`) would let a setting write an option of its own, such as a hook.
 */
const ACCOUNT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\$?$/;

function isAccountName(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_NAME.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts whatever a client sends and keeps only well-formed values, never throwing. */
export function normalizeSettings(raw: unknown): LanguageSettings {
  const input = isRecord(raw) ? raw : {};
  const pick = <T>(value: unknown, check: (v: unknown) => v is T, fallback: T): T => (check(value) ? value : fallback);
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
  const diagnostics: Record<string, SeveritySetting> = {};
  if (isRecord(input['diagnostics'])) {
    for (const [id, level] of Object.entries(input['diagnostics'])) {
      if (typeof level === 'string' && (SEVERITIES as string[]).includes(level)) diagnostics[id] = level as SeveritySetting;
    }
  }
  const privilegeDrop = isRecord(input['privilegeDrop']) ? input['privilegeDrop'] : {};
  const inlayHints = isRecord(input['inlayHints']) ? input['inlayHints'] : {};
  const format = isRecord(input['format']) ? input['format'] : {};
  const validation = isRecord(input['validation']) ? input['validation'] : {};
  const delay = validation['delayMs'];
  const accountName = (value: unknown, fallback: string): string => {
    const name = typeof value === 'string' ? value.trim() : value;
    return isAccountName(name) ? name : fallback;
  };
  const section = pick(input['section'], isString, defaultSettings.section);
  return {
    version: input['version'] === '2.1' ? '2.1' : '2.0',
    plugins: Array.isArray(input['plugins']) ? input['plugins'].filter(isString) : [],
    strict: pick(input['strict'], isBoolean, false),
    placeholders: Array.isArray(input['placeholders']) ? input['placeholders'].filter(isString).map((name) => name.trim()).filter((name) => name !== '') : [],
    section: section === '' ? defaultSettings.section : section,
    diagnostics,
    privilegeDrop: {
      user: accountName(privilegeDrop['user'], defaultSettings.privilegeDrop.user),
      group: accountName(privilegeDrop['group'], defaultSettings.privilegeDrop.group),
    },
    inlayHints: { placeholders: pick(inlayHints['placeholders'], isBoolean, true) },
    format: { enable: pick(format['enable'], isBoolean, false), alignEquals: pick(format['alignEquals'], isBoolean, false) },
    validation: { delayMs: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? Math.min(delay, 10_000) : defaultSettings.validation.delayMs },
  };
}

/**
 * Settings that depend on the document: the project settings files found from its path. The
 * service asks once per parse and generation, so an implementation may read files.
 */
export interface DocumentSettingsProvider {
  /** Changes whenever earlier answers may be stale (a settings file changed). */
  readonly generation: number;
  /** The settings for the document at `uri` over `base` (the editor's or the defaults), and whether it is excluded from checks. */
  forDocument(uri: string, base: LanguageSettings): { settings: LanguageSettings; excluded: boolean };
}
