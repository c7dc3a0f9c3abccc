import { nearestOf } from '../registry/nearest';
import { RULE_PAGES } from './ruleDocs.generated';

/** Control characters but line breaks and tabs, shown as `\xNN`: a page is printed line by line. */
const UNPRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** The page of a rule as the terminal gets it: every control character but `\n` and `\t` escaped. */
export function rulePage(ruleId: string): string | undefined {
  const page = Object.prototype.hasOwnProperty.call(RULE_PAGES, ruleId) ? RULE_PAGES[ruleId] : undefined;
  if (page === undefined) return undefined;
  const text = page.replace(UNPRINTABLE, (char) => (char === '\r' ? '' : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** The one-line complaint about a rule id that has no page, with the closest ids. */
export function unknownRuleMessage(ruleId: string, ids: readonly string[]): string {
  const close = nearestOf(ruleId, ids, 2);
  const hint = close.length > 0 ? `did you mean ${close.join(' or ')}? ` : '';
  return `unknown rule "${ruleId}" (${hint}see --list-rules)`;
}
