import { Connection, Diagnostic, DiagnosticSeverity, MessageType } from 'vscode-languageserver';
import { pathToUri } from '../analysis/fileSystem';
import { SettingsProblem } from '../settings/settingsFile';
import { DIAGNOSTIC_SOURCE } from '../service/validation';

function settingsDiagnostic(problem: SettingsProblem): Diagnostic {
  const position = { line: problem.line - 1, character: problem.column - 1 };
  return { range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'settings-file', message: problem.message };
}

/**
 * A settings file is not a document of ours, so its problems go two ways: diagnostics on its uri
 * (the Problems panel lists them, a client that opens the file shows them in place) and, once per
 * new set, a message, since some clients show diagnostics only for files they have open.
 */
export class SettingsFileProblems {
  /** Problems of the settings files each open document reads, by document uri. */
  private readonly byDocument = new Map<string, readonly SettingsProblem[]>();
  /** What was last published (and announced) for each settings file, by its uri. */
  private readonly published = new Map<string, string>();

  /** `uriOf`: the uri of a settings file's path (the browser's paths are on another file system). */
  constructor(
    private readonly connection: Connection,
    private readonly uriOf: (path: string) => string = pathToUri,
  ) {}

  /** The problems of the settings files that `documentUri` is checked with (none when it closed). */
  set(documentUri: string, problems: readonly SettingsProblem[]): void {
    if (problems.length > 0) this.byDocument.set(documentUri, problems);
    else this.byDocument.delete(documentUri);
    this.publish();
  }

  private publish(): void {
    const byFile = new Map<string, SettingsProblem[]>();
    for (const problems of this.byDocument.values()) {
      for (const problem of problems) {
        const list = byFile.get(problem.path) ?? [];
        if (!list.some((p) => p.line === problem.line && p.column === problem.column && p.message === problem.message)) list.push(problem);
        byFile.set(problem.path, list);
      }
    }
    const current = new Set<string>();
    for (const [path, problems] of byFile) {
      const uri = this.uriOf(path);
      current.add(uri);
      const key = JSON.stringify(problems);
      if (this.published.get(uri) === key) continue;
      this.published.set(uri, key);
      void this.connection.sendDiagnostics({ uri, diagnostics: problems.map(settingsDiagnostic) });
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      void this.connection.sendNotification('window/showMessage', {
        type: MessageType.Warning,
        message: `uWSGI settings: ${path}:${first.line}:${first.column}: ${first.message}${more}`,
      });
    }
    for (const uri of [...this.published.keys()]) {
      if (current.has(uri)) continue;
      this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}
