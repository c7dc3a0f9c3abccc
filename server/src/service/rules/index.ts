import { Rule } from './rule';
import { unknownOption } from './unknownOption';

/** Every diagnostic rule, in the order they run. Adding a rule: one file here, one line below. */
export const allRules: readonly Rule[] = [
  unknownOption,
];

const byId = new Map(allRules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
