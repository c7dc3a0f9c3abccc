/** Quiet time after the last close before the server collects garbage (with `--expose-gc`). */
const COLLECT_AFTER_CLOSE_MS = 1_000;

/**
 * Closed documents are garbage, but V8 collects only when something allocates again: an idle
 * server kept the memory of every document it ever had open. When the process runs with
 * `--expose-gc` (the extension starts it so, client/src/serverRuntime.ts), collect once after a
 * burst of closes has settled. Elsewhere (the browser, editors that start plain `node`) this does
 * nothing.
 */
export function collectorAfterClosing(): { documentClosed(): void } {
  let pending: ReturnType<typeof setTimeout> | undefined;
  return {
    documentClosed() {
      const collect = (globalThis as { gc?: (options?: object) => void }).gc;
      if (typeof collect !== 'function') return;
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        pending = undefined;
        // A plain gc() frees the objects but V8 keeps the emptied pages mapped; the last-resort
        // flavour compacts and hands them back to the system (V8 11+; older ones ignore the options).
        collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      }, COLLECT_AFTER_CLOSE_MS);
      (pending as { unref?: () => void }).unref?.();
    },
  };
}
