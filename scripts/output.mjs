// Output conventions of the npm scripts (start, package): colour only where a person reads it,
// and a closing line that says what happened and what to do next.

import { isAbsolute, relative } from 'node:path';

// Colour for `stream`: none with NO_COLOR (https://no-color.org), forced with FORCE_COLOR (as Node
// reads it: "0" and "false" turn it off), otherwise only on a terminal. NO_COLOR wins over
// FORCE_COLOR: it is the one a person sets for themself, FORCE_COLOR is often a CI-wide default.
export function colorEnabled(stream, env = process.env) {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

// The environment for child processes, so that they take the same decision even though their
// stdout may be a pipe to us. Never both variables: Node warns when it sees both.
export function childEnv(color, env = process.env) {
  const out = { ...env };
  if (color) {
    out.FORCE_COLOR = '1';
    delete out.NO_COLOR;
  } else {
    out.NO_COLOR = '1';
    delete out.FORCE_COLOR;
  }
  return out;
}

// A path as the user would type it from where they are: relative inside the current directory.
export function shownPath(file, cwd = process.cwd()) {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export function bold(text, color) {
  return color ? `\u001b[1m${text}\u001b[0m` : text;
}

// The last line of `npm start`: the linter's real exit status, what it means for examples/ (whose
// mistakes are deliberate), and the next step with the .vsix that was just built.
export function lintVerdict({ status, signal }, vsix) {
  const next = `Next: install the extension with \`code --install-extension ${vsix}\`, or try it in a browser VS Code with \`npm run try\`.`;
  if (status === 1) return `uwsgi-ini-lint exited with status 1: it found errors in examples/, whose mistakes are deliberate. ${next}`;
  if (status === 0) return `uwsgi-ini-lint exited with status 0: no errors in examples/ (only warnings and notes). ${next}`;
  if (status !== null) return `uwsgi-ini-lint exited with status ${status}: it could not check examples/ (see its message above); npm start fails.`;
  return `uwsgi-ini-lint was stopped by ${signal}; npm start fails.`;
}

// `npm start` succeeds when the linter ran, whatever it found in the deliberately wrong examples.
export function startExitCode({ status }) {
  return status === 0 || status === 1 ? 0 : (status ?? 1);
}
