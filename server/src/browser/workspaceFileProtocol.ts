/**
 * The request the browser server sends its client for an included or settings file
 * (client/src/browserExtension.ts answers it with `vscode.workspace.fs`). Only a trusted
 * workspace is ever asked: the server gets no file access otherwise.
 */
export const WORKSPACE_FILE_REQUEST = 'uwsgi-ini/workspaceFile';

export interface WorkspaceFileParams {
  readonly uri: string;
  /** Text is sent only for a regular file of at most this size; 0 asks for the stat alone. */
  readonly maxBytes: number;
}

export type WorkspaceFileAnswer =
  | { readonly type: 'missing' }
  | { readonly type: 'file' | 'directory' | 'other'; readonly size: number; readonly text?: string | null };
