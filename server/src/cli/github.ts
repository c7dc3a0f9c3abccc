// `--format github`: one workflow command per finding, which GitHub Actions shows as an annotation
// on the file and line. Config text and file names reach these lines, so everything is escaped the
// way the runner documents it: no finding can end the line and start a command of its own.
import { Formatter, SeverityLabel, severityLabel } from './result';

const LEVEL: Record<SeverityLabel, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** Other control characters (escape sequences) are shown as `\xNN`, not passed to the log. */
const OTHER_CONTROLS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
const hex = (char: string): string => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** The message part (after `::`): `%`, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(OTHER_CONTROLS, hex);
}

/** A property value (`file=...`): the same, and `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The workflow commands for these results; lines and columns from 1, as the runner counts them. */
export const formatGithub: Formatter = (shown) => {
  let out = '';
  for (const result of shown) {
    // The path relative to the repository is what the runner matches; stdin has no file.
    const file = result.file === '-' ? undefined : result.file.replace(/^\.\//, '');
    for (const d of result.diagnostics) {
      const properties = [
        ...(file !== undefined ? [`file=${escapeProperty(file)}`] : []),
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`uwsgi-ini ${String(d.code)}`)}`,
      ];
      out += `::${LEVEL[severityLabel(d)]} ${properties.join(',')}::${escapeData(`${String(d.message)} [${String(d.code)}]`)}\n`;
    }
  }
  return out;
};
