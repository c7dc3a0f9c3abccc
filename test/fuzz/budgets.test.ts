// Issue 13: for any small document, however it multiplies placeholders and section pulls, every
// service of the facade answers within a second.
import { strict as assert } from 'node:assert';
import { LanguageService } from '../../server/src/service/languageService';
import { exerciseDocument, fuzzService } from './harness';
import { amplifyingConfig, check } from './generators';

const SERVICE_BOUND_MS = 1_000;

/** The facade, with every call timed against the bound. */
function timedService(ls: LanguageService): LanguageService {
  return new Proxy(ls, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver) as unknown;
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result = (member as (...a: unknown[]) => unknown).apply(target, args);
        const ms = performance.now() - started;
        assert.ok(ms < SERVICE_BOUND_MS, `${String(property)} took ${ms.toFixed(0)} ms`);
        return result;
      };
    },
  });
}

describe('fuzz: budgets hold on amplifying documents', () => {
  it(`documents of at most 4 KB that multiply placeholders and pulls: every service within ${SERVICE_BOUND_MS} ms`, () => {
    const ls = timedService(fuzzService());
    check('budgets/amplifying', amplifyingConfig, 300, (text) => {
      assert.ok(text.length <= 4096);
      exerciseDocument(ls, text, { maxCodeActionDiagnostics: 10 });
    });
  });
});
