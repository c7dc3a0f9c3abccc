// "uWSGI: Show Effective Configuration": a read-only document beside the config with what
// `uwsgi --show-config` would print for it, asked from the server (uwsgi-ini/effectiveConfiguration).
// Each line links to where it was written and tells on hover how it got there; the view follows
// the config as it is edited, and the files it includes as they are saved.
import * as vscode from 'vscode';
import { BaseLanguageClient } from 'vscode-languageclient';

export const EFFECTIVE_SCHEME = 'uwsgi-ini-effective';
export const SHOW_EFFECTIVE_COMMAND = 'uwsgi-ini.showEffectiveConfiguration';
const REQUEST = 'uwsgi-ini/effectiveConfiguration';
/** Quiet time after the last keystroke before the view asks again. */
const REFRESH_DELAY_MS = 250;

interface Source {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface EffectiveLine {
  line: number;
  key: string;
  value: string;
  source?: Source;
  via: string[];
  condition?: { text: string; state: 'true' | 'false' | 'unknown' };
  unknown: boolean;
}

interface EffectiveConfiguration {
  text: string;
  lines: EffectiveLine[];
  stop?: { message: string; kind: string; source?: Source };
}

/** The view's uri for a config: the source uri travels in the query, the path names the tab. */
export function effectiveUriOf(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `${source.path} (effective)`, query: source.toString() });
}

function sourceOf(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(view.query, true);
}

export function registerEffectiveConfiguration(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  ready: () => Promise<void>,
  languageId: string,
): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  /** The last answer per view, for links and hovers. */
  const answers = new Map<string, EffectiveConfiguration>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const openViews = (): vscode.Uri[] =>
    vscode.workspace.textDocuments.filter((d) => d.uri.scheme === EFFECTIVE_SCHEME && !d.isClosed).map((d) => d.uri);

  const refreshLater = (view: vscode.Uri): void => {
    const key = view.toString();
    const pending = timers.get(key);
    if (pending) clearTimeout(pending);
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      changed.fire(view);
    }, REFRESH_DELAY_MS));
  };

  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(view) {
      const source = sourceOf(view);
      await ready();
      // The server answers for open documents only: open the config if the view outlived it.
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === source.toString())) await vscode.workspace.openTextDocument(source);
      const answer = await client.sendRequest<EffectiveConfiguration | null>(REQUEST, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(source) },
      });
      if (!answer) {
        answers.delete(view.toString());
        return `; ${source.toString(true)} is not open as a uWSGI config: nothing to show\n`;
      }
      answers.set(view.toString(), answer);
      return answer.text;
    },
  };

  const target = (source: Source): vscode.Uri => {
    const uri = client.protocol2CodeConverter.asUri(source.uri);
    // VS Code opens a link with an `L<line>,<column>` fragment at that place.
    return uri.with({ fragment: `L${source.range.start.line + 1},${source.range.start.character + 1}` });
  };

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, provider),
    vscode.languages.registerDocumentLinkProvider({ scheme: EFFECTIVE_SCHEME }, {
      provideDocumentLinks(document) {
        const answer = answers.get(document.uri.toString());
        if (!answer) return [];
        const links: vscode.DocumentLink[] = [];
        for (const line of answer.lines) {
          if (!line.source || line.line >= document.lineCount) continue;
          const link = new vscode.DocumentLink(document.lineAt(line.line).range, target(line.source));
          link.tooltip = `Go to where \`${line.key}\` is written`;
          links.push(link);
        }
        return links;
      },
    }),
    vscode.languages.registerHoverProvider({ scheme: EFFECTIVE_SCHEME }, {
      provideHover(document, position) {
        const answer = answers.get(document.uri.toString());
        const line = answer?.lines.find((l) => l.line === position.line);
        if (!line) return undefined;
        // Plain text only: the values are config text, never markdown.
        const parts: string[] = [];
        if (line.source) parts.push(`From ${client.protocol2CodeConverter.asUri(line.source.uri).fsPath}:${line.source.range.start.line + 1}`);
        else parts.push('From the command line (`--ini`)');
        for (const via of line.via) parts.push(`via ${via}`);
        if (line.condition) parts.push(`${line.condition.state === 'unknown' ? 'only where this holds (cannot be tested here)' : 'because this holds'}: ${line.condition.text}`);
        if (line.unknown) parts.push('Parts of the value are known only on the machine uWSGI runs on.');
        const markdown = new vscode.MarkdownString();
        for (const part of parts) markdown.appendText(part).appendMarkdown('\n\n');
        return new vscode.Hover(markdown, document.lineAt(line.line).range);
      },
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const changedUri = event.document.uri.toString();
      for (const view of openViews()) if (sourceOf(view).toString() === changedUri) refreshLater(view);
    }),
    // An included file saved, or a settings file: every view may change.
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.uri.scheme === EFFECTIVE_SCHEME) return;
      for (const view of openViews()) refreshLater(view);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === EFFECTIVE_SCHEME) answers.delete(document.uri.toString());
    }),
    vscode.commands.registerCommand(SHOW_EFFECTIVE_COMMAND, async (argument?: vscode.Uri) => {
      const source = argument instanceof vscode.Uri ? argument : vscode.window.activeTextEditor?.document.uri;
      const document = source ? await vscode.workspace.openTextDocument(source) : undefined;
      if (!document || document.languageId !== languageId) {
        void vscode.window.showInformationMessage('Open a uWSGI config (language "uWSGI INI") to show its effective configuration.');
        return undefined;
      }
      const view = await vscode.workspace.openTextDocument(effectiveUriOf(document.uri));
      await vscode.window.showTextDocument(view, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
      return view.uri;
    }),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
}
