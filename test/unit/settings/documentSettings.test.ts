import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/languageService';
import { DocumentSettingsProvider, LanguageSettings } from '../../../server/src/service/settings';

const TEXT = '[uwsgi]\nsocket = /run/app.sock\nvaccum = true\n';
const codes = (diagnostics: { code?: unknown }[]): string[] => diagnostics.map((d) => String(d.code)).sort();

describe('language service: settings by document', () => {
  it('checks each document with the settings its provider gives, over the configured ones', () => {
    const asked: string[] = [];
    const provider: DocumentSettingsProvider = {
      generation: 0,
      forDocument(uri: string, base: LanguageSettings) {
        asked.push(uri);
        const quiet = uri.includes('/quiet/');
        return { settings: { ...base, diagnostics: quiet ? { ...base.diagnostics, 'missing-vacuum': 'off' } : base.diagnostics }, excluded: uri.includes('/skip/') };
      },
    };
    const service = getLanguageService({ diagnostics: { 'no-privilege-drop': 'off' } }, { documentSettings: provider });
    const parse = (uri: string) => service.parse(TextDocument.create(uri, 'uwsgi-ini', 1, TEXT));
    assert.deepEqual(codes(service.doValidation(parse('file:///a/uwsgi.ini'))), ['missing-vacuum', 'unknown-option']);
    const quiet = parse('file:///quiet/uwsgi.ini');
    assert.deepEqual(codes(service.doValidation(quiet)), ['unknown-option']);
    assert.deepEqual(service.doValidation(parse('file:///skip/uwsgi.ini')), []);
    // Other features of the same parse reuse the settings already resolved.
    service.doHover(quiet, { line: 1, character: 1 });
    service.doComplete(quiet, { line: 2, character: 0 });
    assert.deepEqual(asked, ['file:///a/uwsgi.ini', 'file:///quiet/uwsgi.ini', 'file:///skip/uwsgi.ini']);
    assert.equal(service.settingsOf(quiet).diagnostics['missing-vacuum'], 'off');
  });

  it('asks again once the provider says its files changed', () => {
    let generation = 0;
    let strictly = false;
    const provider: DocumentSettingsProvider = {
      get generation() {
        return generation;
      },
      forDocument: (_uri, base) => ({ settings: { ...base, strict: strictly }, excluded: false }),
    };
    const service = getLanguageService(undefined, { documentSettings: provider });
    const parsed = service.parse(TextDocument.create('file:///a.ini', 'uwsgi-ini', 1, TEXT));
    assert.equal(service.settingsOf(parsed).strict, false);
    strictly = true;
    assert.equal(service.settingsOf(parsed).strict, false);
    generation++;
    assert.equal(service.settingsOf(parsed).strict, true);
  });
});
