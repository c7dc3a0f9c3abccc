// `uwsgi-ini-lint`: checks uWSGI ini files the way uWSGI reads them. This file is the order of a
// run; its parts are the options (options.ts, usage.ts), the inputs (inputs.ts), the checking
// (check.ts), the commands that print and exit (commands.ts), the report and its formats
// (report.ts, formats.ts) and `--show-config` (showConfig.ts).
import { getLanguageService } from '../service/languageService';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { LINT_NAME, VERSION } from '../version';
import { Checked } from './check';
import { runCommand } from './commands';
import { CliIo, guardedProcessIo, processIo } from './io';
import { CliOptions, parseArguments, UsageError } from './options';
import { CliSettings } from './projectSettings';
import { loadBaseline, report } from './report';
import { visible } from './result';
import { runShowConfig } from './showConfig';
import { USAGE } from './usage';

export { CliIo } from './io';
export { severityLabel, visible } from './result';

/** The options, or the status of a run that ends with them (a usage error, --help, --version). */
function readOptions(argv: string[], io: CliIo, say: (line: string) => void): CliOptions | number {
  try {
    const options = parseArguments(argv, io.isTTY && !process.env['NO_COLOR']);
    if (options.help) io.stdout(`${USAGE}\n`);
    else if (options.showVersion) io.stdout(`${VERSION}\n`);
    else return options;
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(`${error.message} (see --help)`);
    return 2;
  }
}

/** Runs the linter; resolves to the exit status. Never throws. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const say = (line: string): void => io.stderr(`${LINT_NAME}: ${visible(line)}\n`);
  if (argv.some((arg) => arg === '--show-config' || arg.startsWith('--show-config='))) {
    return runShowConfig(argv, { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd, env: process.env });
  }
  const options = readOptions(argv, io, say);
  if (typeof options === 'number') return options;
  const settings = new CliSettings({
    version: options.version,
    plugins: options.plugins,
    strict: options.strict,
    section: options.section,
    placeholders: options.placeholders.length > 0 ? options.placeholders : undefined,
    diagnostics: options.rules,
  }, io.cwd);
  const service = getLanguageService(undefined, { fileSystem: nodeFileSystem, documentSettings: settings });
  const status = runCommand(options, service, settings, io, say);
  if (status !== undefined) return status;
  if (options.inputs.length === 0) {
    say('no input files (see --help)');
    return 2;
  }
  const unknownRules = Object.keys(options.rules).filter((id) => !service.rules.some((rule) => rule.id === id));
  if (unknownRules.length > 0) {
    say(`unknown rule ${unknownRules.join(', ')} (see --list-rules)`);
    return 2;
  }
  const baseline = loadBaseline(options, io.cwd);
  if (typeof baseline === 'string') {
    say(baseline);
    return 2;
  }
  const checked = await new Checked(service, settings, options, say).checkInputs(options.inputs, io);
  return report(checked, options, baseline, service.rules, io, say);
}

/** The process entry point: whatever happens to the output, the run ends with a status, not a stack trace. */
export function main(argv: string[] = process.argv.slice(2)): void {
  const { io, failed } = guardedProcessIo();
  void runCli(argv, io).then((code) => {
    process.exitCode = failed() ? 2 : code;
  });
}
