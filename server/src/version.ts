// The name and version of what this package ships, for the language server (`serverInfo`,
// `--version`) and the CLI (`--version`, the SARIF driver). Written once here; the version is the
// package's (`test/unit/version.test.ts` compares it with package.json).

/** The package version, as in package.json. */
export const VERSION = '0.1.0';

/** The language server binary. */
export const SERVER_NAME = 'uwsgi-ini-language-server';

/** The command-line linter. */
export const LINT_NAME = 'uwsgi-ini-lint';
