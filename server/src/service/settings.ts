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

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

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
  const user = pick(privilegeDrop['user'], isString, defaultSettings.privilegeDrop.user).trim();
  const group = pick(privilegeDrop['group'], isString, defaultSettings.privilegeDrop.group).trim();
  const section = pick(input['section'], isString, defaultSettings.section);
  return {
    version: input['version'] === '2.1' ? '2.1' : '2.0',
    plugins: Array.isArray(input['plugins']) ? input['plugins'].filter(isString) : [],
    strict: pick(input['strict'], isBoolean, false),
    placeholders: Array.isArray(input['placeholders']) ? input['placeholders'].filter(isString).map((name) => name.trim()).filter((name) => name !== '') : [],
    section: section === '' ? defaultSettings.section : section,
    diagnostics,
    privilegeDrop: { user: user || defaultSettings.privilegeDrop.user, group: group || defaultSettings.privilegeDrop.group },
    inlayHints: { placeholders: pick(inlayHints['placeholders'], isBoolean, true) },
    format: { enable: pick(format['enable'], isBoolean, false), alignEquals: pick(format['alignEquals'], isBoolean, false) },
    validation: { delayMs: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? Math.min(delay, 10_000) : defaultSettings.validation.delayMs },
  };
}
