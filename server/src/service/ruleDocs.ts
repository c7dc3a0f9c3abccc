/** Where each rule is documented: docs/rules/<id>.md in the repository. */
export const RULE_DOCS_BASE = 'https://github.com/uwsgi-ini/uwsgi-ini/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}

/** The official reference entry of an option. */
export function optionReferenceUrl(option: string): string {
  return `https://uwsgi-docs.readthedocs.io/en/latest/Options.html#${option.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
