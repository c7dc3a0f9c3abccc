// The part of Node's `assert` the web suite and the shared e2e helpers use, for a web worker that
// has no Node: the web bundle (scripts/e2e/build-web-suite.mjs) resolves `assert` here.
export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | undefined, fallback: string): never {
  throw new AssertionError(message ?? fallback);
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
}

/** Plain data only (what the suite compares: strings, numbers, arrays, records). */
export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  const a = show(actual);
  const e = show(expected);
  if (a !== e) fail(message, `expected ${e}\n     got ${a}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual)) fail(message, `expected ${show(actual)} to match ${pattern}`);
}

export default { ok, strictEqual, notStrictEqual, deepStrictEqual, match, AssertionError };
