import * as path from 'path';
import { Rule } from '../service/rules/rule';
import { ruleDocsUrl } from '../service/ruleDocs';
import { severityName } from '../service/severity';
import { encodeUriPath, pathToUri } from '../analysis/fileSystem';
import { VERSION } from '../version';
import { Formatter, LintResult } from './result';

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** A backslash is a separator on Windows only; elsewhere it is part of a name. */
const SEPARATOR = path.sep === '\\' ? /[\\/]/ : /\//;

/**
 * A path as URI path segments; only the drive of an absolute Windows path keeps its colon (in a
 * relative path a `:` would read as a scheme).
 */
function encodePath(file: string, absolute: boolean): string {
  return encodeUriPath(file.split(SEPARATOR).join('/'), absolute);
}

/** The file: URI of an absolute path. */
export function fileUri(absolute: string): string {
  return pathToUri(absolute.split(SEPARATOR).join('/'));
}

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file === '-') return { uri: 'stdin', uriBaseId: 'SRCROOT' };
  if (path.isAbsolute(file)) return { uri: fileUri(file) };
  return { uri: encodePath(file, false), uriBaseId: 'SRCROOT' };
}

/** SARIF 2.1.0 for code-scanning uploads; columns are 1-based UTF-16 units, as GitHub expects. */
export function toSarif(results: readonly LintResult[], rules: readonly Rule[], version: string, cwd: string): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'uwsgi-ini-lint',
            version,
            informationUri: 'https://github.com/uwsgi-ini/uwsgi-ini',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.title },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: fileUri(cwd).replace(/\/?$/, '/') } },
        results: results.flatMap((result) =>
          result.diagnostics.map((d) => ({
            ruleId: String(d.code),
            level: SARIF_LEVEL[severityName(d.severity)],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(result.file),
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

export const formatSarif: Formatter = (shown, context) => `${JSON.stringify(toSarif(shown, context.rules, VERSION, context.cwd), null, 2)}\n`;
