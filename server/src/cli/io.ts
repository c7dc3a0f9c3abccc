// What a run of the CLI talks to: its output streams, standard input, the terminal and folder.
import { LINT_NAME } from '../version';
import { describeError, NotChecked, tooLarge } from './inputs';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Rejects once more than maxBytes arrive, without keeping them. */
  readStdin: (maxBytes: number) => Promise<string | Buffer>;
  isTTY: boolean;
  cwd: string;
}

function readProcessStdin(maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer): void => {
      length += chunk.length;
      if (length <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // An endless stream (/dev/zero) must not grow the heap: stop reading and let the chunks go.
      chunks.length = 0;
      process.stdin.off('data', onData);
      process.stdin.destroy();
      reject(new NotChecked(tooLarge()));
    };
    process.stdin.on('data', onData);
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: readProcessStdin,
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
};

/**
 * The io of the process entry: a reader that stops early (`| head`) is not an error, the status
 * still reports the findings; an output that fails otherwise is said once and makes the status 2.
 */
export function guardedProcessIo(): { io: CliIo; failed: () => boolean } {
  let output: 'open' | 'closed' | 'failed' = 'open';
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (output !== 'open') return;
    if (error.code === 'EPIPE') {
      output = 'closed';
      return;
    }
    output = 'failed';
    process.stderr.write(`${LINT_NAME}: cannot write the output: ${describeError(error)}\n`);
    process.exitCode = 2;
  });
  // Nowhere is left to say anything when stderr fails too.
  process.stderr.on('error', () => undefined);
  const io: CliIo = {
    ...processIo,
    stdout: (text) => {
      if (output === 'open') process.stdout.write(text);
    },
  };
  return { io, failed: () => output === 'failed' };
}
