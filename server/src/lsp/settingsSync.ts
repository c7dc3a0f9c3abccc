import { Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileSystemWatcher } from 'vscode-languageserver';
import { dirname, pathToUri } from '../analysis/fileSystem';
import { SETTINGS_FILE_NAMES } from '../settings/projectSettings';
import { ClientSupport } from './clientSupport';

/**
 * The one way editor settings (the `uwsgi` section) arrive: pulled with `workspace/configuration`
 * when the client can answer it (then a change notification only says "pull again"), pushed in
 * `didChangeConfiguration` otherwise. `apply` gets `undefined` when a pull failed: keep what you have.
 */
export function registerSettingsSync(connection: Connection, support: ClientSupport, apply: (settings: unknown) => void): { initialized(): void } {
  async function pull(): Promise<void> {
    try {
      const [settings] = await connection.workspace.getConfiguration([{ section: 'uwsgi' }]);
      apply(settings ?? {});
    } catch {
      apply(undefined);
    }
  }
  connection.onDidChangeConfiguration((change) => {
    if (support.configurationPull) void pull();
    else apply((change.settings as { uwsgi?: unknown } | undefined)?.uwsgi ?? {});
  });
  return {
    initialized() {
      if (!support.configurationPull) return;
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'uwsgi' }).catch(() => undefined);
      void pull();
    },
  };
}

/**
 * Asks the client to watch the project settings files (and the user-level one, outside every
 * workspace folder, which only a relative pattern reaches). Resolves to whether it agreed: without
 * the events, the files must be read again before each check.
 */
export async function watchSettingsFiles(connection: Connection, support: ClientSupport, userSettingsFile: string | undefined): Promise<boolean> {
  if (!support.watcherRegistration) return false;
  const watchers: FileSystemWatcher[] = SETTINGS_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` }));
  if (userSettingsFile && support.relativePatterns) {
    const folder = dirname(userSettingsFile);
    watchers.push({ globPattern: { baseUri: pathToUri(folder), pattern: userSettingsFile.slice(folder.length + 1) } });
  }
  try {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    return true;
  } catch {
    return false;
  }
}
