/**
 * Decides whether the language server is restarted after it stops unexpectedly: at most
 * `maxRestarts` restarts within `windowMs` (the LanguageClient default is 4 in 3 minutes).
 * Pure and clock-free, so it can be tested without a server.
 */
export class CrashRestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly maxRestarts: number,
    readonly windowMs: number,
  ) {}

  onCrash(now: number): { restart: boolean; recent: number; windowMinutes: number } {
    this.crashes = this.crashes.filter((t) => now - t <= this.windowMs);
    this.crashes.push(now);
    return {
      restart: this.crashes.length <= this.maxRestarts,
      recent: this.crashes.length,
      windowMinutes: Math.round(this.windowMs / 60000),
    };
  }

  /** Forget past crashes (after a restart the user asked for). */
  reset(): void {
    this.crashes = [];
  }
}
