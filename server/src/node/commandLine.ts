import { SERVER_NAME as NAME } from '../version';

/** What the language server binary is asked to do, read from its arguments before any connection exists. */
export type ServerRequest = { kind: 'serve' } | { kind: 'print'; text: string } | { kind: 'refuse'; text: string };


export const SERVER_USAGE = `Usage: ${NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The language server for uWSGI ini files. An editor starts it and speaks the Language Server
Protocol with it over the transport named:
  --stdio          standard input and output (Neovim, Emacs, Helix, ...)
  --node-ipc       the Node IPC channel of the parent process (VS Code)
  --socket=PORT    a TCP connection to PORT on this machine
  --pipe=NAME      a named pipe or Unix domain socket
  -h, --help       show this help
  -v, --version    show the version

To check files from a shell or in CI, use uwsgi-ini-lint.`;

/**
 * Mirrors how vscode-languageserver picks its transport (the first of these arguments wins, other
 * arguments such as --clientProcessId are its business), so that anything it would throw on is
 * refused here with a sentence instead of a stack trace.
 */
export function readCommandLine(argv: readonly string[], version: string): ServerRequest {
  if (argv.some((arg) => arg === '-h' || arg === '--help')) return { kind: 'print', text: `${SERVER_USAGE}\n` };
  if (argv.some((arg) => arg === '-v' || arg === '--version')) return { kind: 'print', text: `${version}\n` };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--stdio' || arg === '--node-ipc') return { kind: 'serve' };
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--socket' && flag !== '--pipe') continue;
    const value = inline ?? argv[i + 1] ?? '';
    const valid = flag === '--socket' ? /^[1-9]\d*$/.test(value) && Number(value) < 65536 : value !== '';
    if (valid) return { kind: 'serve' };
    return { kind: 'refuse', text: `${NAME}: ${flag} needs ${flag === '--socket' ? 'a port number' : 'a pipe name'}, as in ${flag}=${flag === '--socket' ? '2087' : '/tmp/uwsgi-ini.sock'} (see --help)\n` };
  }
  return { kind: 'refuse', text: `${NAME}: no transport given: an editor starts it with --stdio or --node-ipc (or --socket=PORT, --pipe=NAME); see --help\n` };
}
