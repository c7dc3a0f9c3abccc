import { DocumentModel } from './model';
import { isKnownOption, normalizePluginName, optionsWithRole } from '../registry/registry';
import { OptionFacts, UwsgiVersion } from '../registry/types';

export type OptionLookup =
  | { readonly kind: 'option'; readonly facts: OptionFacts }
  | { readonly kind: 'declared' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'needs-plugin'; readonly plugin: string; readonly facts: OptionFacts }
  | { readonly kind: 'other-version'; readonly versions: readonly UwsgiVersion[]; readonly facts: OptionFacts };

/** uWSGI's reading of a flag value (uwsgi_opt_true): only false/off/no (any case) and "0" are false. */
export function isFlagTrue(value: string): boolean {
  const lower = value.toLowerCase();
  return !(lower === 'false' || lower === 'off' || lower === 'no' || value === '0');
}

/**
 * Words that mean "off" in other tools (and to a reader) but that uWSGI reads as true, since only an
 * exact `false`, `off`, `no` or `0` is false (SEMANTICS.md §7). Compared case-insensitively.
 */
const MEANT_OFF_WORDS: ReadonlySet<string> = new Set([
  'disable', 'disabled', 'none', 'n', 'f', 'never', 'nope', 'null', 'nil', 'nul', '0.0', '00', 'nah', 'nein',
]);

/** True when a flag value evidently means off but turns the flag on in uWSGI (`disabled`, `none`, `n`...). */
export function meansOff(value: string): boolean {
  return MEANT_OFF_WORDS.has(value.toLowerCase());
}

/** Splits a `plugins =` value into items the way uWSGI does: on commas, each item trimmed. */
export function pluginItems(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** What the checker is told from outside the file: the language settings satisfy it. */
export interface OptionSettings {
  readonly version: UwsgiVersion;
  /** Plugins the binary loads besides those the file names. */
  readonly plugins: readonly string[];
  /** Check as `uwsgi --strict` would. */
  readonly strict: boolean;
}

/**
 * What options exist for this document: the configured uWSGI version, the plugins the settings
 * and the file load, options declared in the file, and strict mode (setting or `strict = true`).
 */
export class OptionContext {
  readonly version: UwsgiVersion;
  readonly plugins: ReadonlySet<string>;
  /** Strict mode at the end of reading: what configure-time checks see. */
  readonly strict: boolean;
  /** Strict mode at some point while the file is read. */
  readonly everStrict: boolean;
  private readonly strictFromSetting: boolean;
  private readonly strictLines: readonly { start: number; on: boolean }[];
  /** Where the file first loads each plugin: the loader line's offset, -1 for the settings. */
  private readonly pluginLoadOffsets = new Map<string, number>();

  constructor(readonly model: DocumentModel, settings: OptionSettings) {
    this.version = settings.version;
    const plugins = new Set<string>();
    for (const item of settings.plugins) {
      const name = normalizePluginName(item);
      if (name) {
        plugins.add(name);
        this.pluginLoadOffsets.set(name, -1);
      }
    }
    for (const key of optionsWithRole('plugin-loader')) {
      for (const entry of model.entriesOf(key)) {
        for (const item of pluginItems(entry.value)) {
          const name = normalizePluginName(item);
          if (!name) continue;
          plugins.add(name);
          const known = this.pluginLoadOffsets.get(name);
          if (known === undefined || (known >= 0 && entry.start < known)) this.pluginLoadOffsets.set(name, entry.start);
        }
      }
    }
    this.plugins = plugins;
    // `strict` is applied while the file is read: the file's last word on it beats `--strict`.
    const strictValue = model.lastValue('strict');
    this.strict = strictValue !== undefined ? isFlagTrue(strictValue) : settings.strict;
    this.strictFromSetting = settings.strict;
    this.strictLines = model.entriesOf('strict').map((entry) => ({ start: entry.start, on: isFlagTrue(entry.value) })).sort((a, b) => a.start - b.start);
    this.everStrict = this.strict || settings.strict || this.strictLines.some((line) => line.on);
  }

  /** Every rule asks about the same keys: one registry lookup per key and validation. */
  private readonly lookups = new Map<string, OptionLookup>();

  lookup(key: string): OptionLookup {
    let found = this.lookups.get(key);
    if (!found) {
      found = this.lookupUncached(key);
      this.lookups.set(key, found);
    }
    return found;
  }

  private lookupUncached(key: string): OptionLookup {
    if (this.model.declaredOptions.has(key)) return { kind: 'declared' };
    const known = isKnownOption(key, { version: this.version, plugins: this.plugins });
    if (known.known) return { kind: 'option', facts: known.option };
    if (known.reason === 'needs-plugin') return { kind: 'needs-plugin', plugin: known.plugin, facts: known.option };
    if (known.reason === 'other-version') return { kind: 'other-version', versions: known.versions, facts: known.option };
    return { kind: 'unknown' };
  }

  /**
   * Whether uWSGI refuses this entry's key when it is no option: strict mode is checked when the
   * line is read and again when options are applied, so strict at either moment is enough.
   */
  strictFor(entry: { start: number }): boolean {
    if (this.strict) return true;
    let on = this.strictFromSetting;
    for (const line of this.strictLines) {
      if (line.start >= entry.start) break;
      on = line.on;
    }
    return on;
  }

  /**
   * Offset of the line that loads `plugin` in this file, -1 when the settings load it, undefined
   * when nothing does (it may still be embedded in the binary).
   */
  pluginLoadOffset(plugin: string): number | undefined {
    return this.pluginLoadOffsets.get(plugin);
  }

  /** The facts of a key that is an option here, or undefined. */
  option(key: string): OptionFacts | undefined {
    const lookup = this.lookup(key);
    return lookup.kind === 'option' ? lookup.facts : undefined;
  }

  /**
   * The facts of a key that is an option somewhere: here, in a plugin not loaded, or in the other
   * version. Such an option reads its value the same way once it exists.
   */
  optionAnywhere(key: string): OptionFacts | undefined {
    const lookup = this.lookup(key);
    return lookup.kind === 'option' || lookup.kind === 'needs-plugin' || lookup.kind === 'other-version' ? lookup.facts : undefined;
  }
}
