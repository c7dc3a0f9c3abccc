import { Diagnostic } from 'vscode-languageserver-types';
import { Rule } from '../service/rules/rule';
import { ruleDocsUrl } from '../service/ruleDocs';

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
const SEVERITY_BY_NUMBER = ['error', 'error', 'warning', 'information', 'hint'] as const;

interface SarifInput {
  file: string;
  diagnostics: Diagnostic[];
}

/** SARIF 2.1.0 for code-scanning uploads; columns are 1-based UTF-16 units, as GitHub expects. */
export function toSarif(results: SarifInput[], rules: readonly Rule[], version: string, cwd: string): unknown {
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
        originalUriBaseIds: { SRCROOT: { uri: `file://${cwd.endsWith('/') ? cwd : cwd + '/'}` } },
        results: results.flatMap((result) =>
          result.diagnostics.map((d) => ({
            ruleId: String(d.code),
            level: SARIF_LEVEL[SEVERITY_BY_NUMBER[d.severity ?? 1] ?? 'error'],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: result.file === '-' ? 'stdin' : result.file.split('\\').join('/'), uriBaseId: 'SRCROOT' },
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
