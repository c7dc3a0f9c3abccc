// The esbuild options of the shipped bundles, shared by scripts/bundle.mjs and the bundle import
// scan (test/unit/security/bundleImports.test.ts), so the scan sees what is shipped.

/** The desktop bundles: Node 20, CommonJS. */
export function nodeOptions(production) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    metafile: true,
  };
}

/**
 * The web bundles: VS Code for the Web loads a browser extension as CommonJS in its web worker
 * extension host; the server is a classic worker script (format iife, set by the caller). No
 * Node built-in may be reached: platform browser makes esbuild fail on any it cannot leave out.
 */
export function browserOptions(production) {
  return {
    ...nodeOptions(production),
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser'],
    // Libraries that test `process.env.NODE_ENV` must not reach for a `process` that is not there.
    define: { 'process.env.NODE_ENV': '"production"' },
  };
}
