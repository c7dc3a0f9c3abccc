// Timing helpers: run a function until enough samples are in, then summarise them.
import { performance } from 'node:perf_hooks';

export interface Summary {
  /** Milliseconds. */
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly min: number;
  readonly runs: number;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), min: sorted[0] ?? NaN, runs: sorted.length };
}

export interface SampleOptions {
  /** Runs not recorded, so the JIT has compiled the hot paths. */
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Keep sampling until this much time went by (and minRuns are in). */
  minTimeMs?: number;
}

/**
 * Times `run` repeatedly. `prepare` runs before each sample, untimed, and hands its result to
 * `run` (fresh inputs per sample, so nothing is served from a previous run's cache).
 */
export function sample<T>(prepare: () => T, run: (input: T) => unknown, options: SampleOptions = {}): number[] {
  const { warmup = 3, minRuns = 10, maxRuns = 500, minTimeMs = 1500 } = options;
  for (let i = 0; i < warmup; i++) run(prepare());
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < minTimeMs)) {
    const input = prepare();
    const t0 = performance.now();
    run(input);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
