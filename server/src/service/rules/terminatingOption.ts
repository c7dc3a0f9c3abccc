import { Rule } from './rule';

export const terminatingOption: Rule = {
  id: 'terminating-option',
  defaultSeverity: 'warning',
  title: 'Option that makes uWSGI exit when it is applied (version, help, stop, reload...)',

  check(context) {
    const { model, options } = context;
    for (const entry of model.entriesWhere((key) => options.option(key)?.terminates === true)) {
      const facts = options.option(entry.key)!;
      const when = facts.immediate ? 'as soon as it reads this line' : 'when it applies this option';
      context.report({
        span: entry.keySpan,
        message: `\`${entry.key}\` is a one-shot command, not a setting: uWSGI exits ${when}, so this configuration never starts a server.`,
      });
    }
  },
};
