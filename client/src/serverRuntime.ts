/**
 * How the extension runs the language server process. The bench (test/bench/protocol.ts) starts
 * the bundled server with the same flags, so its numbers are the extension's.
 *
 * Measured on 200 open documents of 1,000 lines (docs/performance.md): with V8's defaults the
 * server grew from 52 MB to 143 MB RSS and kept it all after the documents were closed, for a live
 * heap of 16 MB. The growth is heap capacity, not data:
 * - `--max-semi-space-size=2`: the young generation may grow to 3 x 16 MB by default, and does
 *   during a burst of validations. 2 MB semi-spaces cost no measurable latency on a 10,000-line
 *   document; 1 MB cost about 10 ms more per validation there.
 * - `--heap-growing-percent=20`: after a full collection V8 lets the old generation grow to up to
 *   4x what survived before collecting again; 1.2x keeps an idle editor server near its live size.
 *   Neither flag caps the heap, so a huge document can still take all the memory it needs; it
 *   pays in time instead (a 16 MB document validates in about 1.6 s instead of 1.0 s).
 * - `--expose-gc`: lets the server collect once after documents are closed (server.ts); V8 itself
 *   would not collect until something allocates again, so closed documents kept their memory.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=20', '--expose-gc'];
