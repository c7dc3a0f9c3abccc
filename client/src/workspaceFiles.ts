// The web extension's answer to the server's file requests (server/src/browser/
// workspaceFileProtocol.ts declares the same request; a spec checks the two agree). Only what the
// request names is read, only in a trusted workspace, and never more than the size it allows.
import type * as vscode from 'vscode';

export const WORKSPACE_FILE_REQUEST = 'uwsgi-ini/workspaceFile';

export interface WorkspaceFileParams {
  readonly uri: string;
  /** Text only for a regular file of at most this many bytes; 0 asks for the stat alone. */
  readonly maxBytes: number;
}

export type WorkspaceFileAnswer =
  | { readonly type: 'missing' }
  | { readonly type: 'file' | 'directory' | 'other'; readonly size: number; readonly text?: string | null };

/** The part of `vscode.workspace.fs` used, and the part of `vscode` the answer needs. */
export type WorkspaceFs = Pick<vscode.FileSystem, 'stat' | 'readFile'>;

/** vscode.FileType values (the API's enum, without importing the module at run time). */
const FILE = 1;
const DIRECTORY = 2;
/** Codes of vscode.FileSystemError that mean nothing is there. */
const NOTHING_THERE = new Set(['FileNotFound', 'EntryNotFound', 'FileNotADirectory']);
/** Largest text ever sent, whatever is asked: the include limit of one file. */
const MAX_BYTES = 1024 * 1024;

/** The uri of a request, parsed; throws on anything that is not a string. */
type ParseUri = (value: string) => vscode.Uri;

export async function answerWorkspaceFile(
  fs: WorkspaceFs,
  trusted: boolean,
  params: WorkspaceFileParams,
  parse: ParseUri,
): Promise<WorkspaceFileAnswer> {
  if (!trusted) throw new Error('files are not read in an untrusted workspace');
  if (typeof params?.uri !== 'string') throw new Error('no uri');
  const uri = parse(params.uri);
  const maxBytes = Math.max(0, Math.min(MAX_BYTES, Number(params.maxBytes) || 0));
  let stat: vscode.FileStat;
  try {
    stat = await fs.stat(uri);
  } catch (error) {
    if (NOTHING_THERE.has((error as { code?: unknown }).code as string)) return { type: 'missing' };
    throw error;
  }
  const type = stat.type & FILE ? 'file' : stat.type & DIRECTORY ? 'directory' : 'other';
  if (type !== 'file' || maxBytes === 0 || stat.size > maxBytes) return { type, size: stat.size };
  let text: string | null;
  try {
    const bytes = await fs.readFile(uri);
    text = new TextDecoder().decode(bytes.subarray(0, maxBytes));
  } catch {
    // There, but unreadable: the server reports it as such.
    text = null;
  }
  return { type, size: stat.size, text };
}
