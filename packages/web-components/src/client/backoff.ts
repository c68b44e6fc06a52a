/** How long to wait before the next reconnect attempt: exponential, capped, with jitter. */

/** Options of the reconnect backoff. */
export interface BackoffOptions {
  /** Delay of the first retry before jitter, in ms (default 500). */
  readonly baseDelayMs?: number;
  /** Largest delay before jitter, in ms (default 15 000). */
  readonly maxDelayMs?: number;
  /** A number in [0, 1); `Math.random` by default, a seeded generator in tests. */
  readonly random?: () => number;
}

/**
 * The delay before retry number `attempt` (0 for the first): half of the
 * capped exponential delay plus a random half of it ("equal jitter"), so
 * clients that lost the server together do not come back together.
 *
 * @example
 * backoffDelay(3, { baseDelayMs: 100, random: () => 0.5 }); // 600
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 15_000;
  const random = options.random ?? Math.random;
  const capped = Math.min(max, base * 2 ** Math.min(attempt, 30));
  return Math.round(capped / 2 + (capped / 2) * random());
}
