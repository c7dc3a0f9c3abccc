// Runs uwsgi-ini-lint in process, in a scratch folder of its own.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/lint';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export class Workdir {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-ini-lint-'));

  write(name: string, content: string | Buffer): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, name), content);
  }

  read(name: string): string {
    return fs.readFileSync(path.join(this.dir, name), 'utf8');
  }

  bytes(name: string): Buffer {
    return fs.readFileSync(path.join(this.dir, name));
  }

  async lint(args: string[], stdin: string | Buffer = '', cwd = this.dir): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      readStdin: async () => stdin,
      isTTY: false,
      cwd,
    });
    return { code, stdout, stderr };
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A fresh Workdir for each test of the enclosing `describe`, removed after it. */
export function workdirPerTest(): Workdir {
  let current: Workdir | undefined;
  beforeEach(() => {
    current = new Workdir();
  });
  afterEach(() => current?.remove());
  return new Proxy({} as Workdir, {
    get(_target, property) {
      if (!current) throw new Error('the Workdir is used outside a test');
      const value = Reflect.get(current, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}
