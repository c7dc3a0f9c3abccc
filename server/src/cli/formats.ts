// The output formats of `--format`, each in its own file over the one result type (result.ts).
import { formatGithub } from './github';
import { formatJson } from './json';
import { Formatter } from './result';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const FORMATTERS = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub } as const satisfies Record<string, Formatter>;

export type Format = keyof typeof FORMATTERS;

export const FORMATS = Object.keys(FORMATTERS) as Format[];

export function isFormat(name: string): name is Format {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}
