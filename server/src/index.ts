export { getLanguageService, LanguageService } from './service/languageService';
export { UwsgiDocument } from './service/uwsgiDocument';
export { LanguageSettings, defaultSettings, normalizeSettings } from './service/settings';
export { Rule } from './service/rules/rule';
export { parseIni } from './parser/parser';
export * from './parser/ast';
export { DocumentModel } from './analysis/model';
export { VERSION, SERVER_NAME, LINT_NAME } from './version';
