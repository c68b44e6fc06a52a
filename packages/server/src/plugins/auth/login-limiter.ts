/**
 * Login rate limits: failures counted in a sliding window per account name
 * and per client address, in memory (a restart forgets them, which only
 * ever helps the legitimate user).
 */

/** Failures allowed per window before logins are refused. */
export const LOGIN_LIMITS = { windowMs: 5 * 60_000, perName: 10, perAddress: 50 } as const;

/** Counts failed logins and says how long a name or an address must wait. */
export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  #recent(key: string): number[] {
    const since = this.now() - LOGIN_LIMITS.windowMs;
    const kept = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, kept);
    return kept;
  }

  /** Seconds to wait before `name` may try again from `address`, or 0. */
  retryAfter(name: string, address: string): number {
    let wait = 0;
    for (const [key, limit] of [
      [`n:${name}`, LOGIN_LIMITS.perName],
      [`a:${address}`, LOGIN_LIMITS.perAddress],
    ] as const) {
      const recent = this.#recent(key);
      if (recent.length >= limit) {
        const oldest = recent[recent.length - limit]!;
        wait = Math.max(wait, Math.ceil((oldest + LOGIN_LIMITS.windowMs - this.now()) / 1000));
      }
    }
    return wait;
  }

  /** Records a failed login. */
  fail(name: string, address: string): void {
    for (const key of [`n:${name}`, `a:${address}`]) {
      this.#failures.set(key, [...this.#recent(key), this.now()]);
    }
  }

  /** A successful login clears the name's failures. */
  succeed(name: string): void {
    this.#failures.delete(`n:${name}`);
  }
}
