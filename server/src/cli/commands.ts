// The options that print something and exit instead of checking: --explain, --list-*, --print-settings.
import { LanguageService } from '../service/languageService';
import { listActions, listOptions, listPhases } from '../registry/listing';
import { rulePage, unknownRuleMessage } from './explain';
import { CliIo } from './io';
import { CliOptions } from './options';
import { CliSettings } from './projectSettings';

/** The status of the command the options ask for, or undefined when they ask for a check. */
export function runCommand(options: CliOptions, service: LanguageService, settings: CliSettings, io: CliIo, say: (line: string) => void): number | undefined {
  if (options.explain !== undefined) {
    const page = rulePage(options.explain);
    if (page === undefined) {
      say(unknownRuleMessage(options.explain, service.rules.map((rule) => rule.id)));
      return 2;
    }
    io.stdout(page);
    return 0;
  }
  if (options.list) {
    const lines =
      options.list === 'options' ? listOptions()
        : options.list === 'phases' ? listPhases()
          : options.list === 'actions' ? listActions()
            : service.rules.map((rule) => `${rule.id}\t${rule.defaultSeverity}\t${rule.title}`);
    io.stdout(lines.map((line) => `${line}\n`).join(''));
    return 0;
  }
  if (options.printSettings !== undefined) {
    io.stdout(settings.print(options.printSettings, options.format));
    return settings.reportProblems(say) ? 2 : 0;
  }
  return undefined;
}
