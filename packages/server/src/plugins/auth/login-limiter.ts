/**
 * Login rate limits: failures counted in a sliding window per account name
 * and per client address, in memory (a restart forgets them, which only
 * ever helps the legitimate user).
 */
import { SlidingWindow } from './sliding-window.js';

/** Failures allowed per window before logins are refused. */
export const LOGIN_LIMITS = { windowMs: 5 * 60_000, perName: 10, perAddress: 50 } as const;

/** Counts failed logins and says how long a name or an address must wait. */
export class LoginLimiter {
  readonly #failures: SlidingWindow;

  constructor(now: () => number = Date.now) {
    this.#failures = new SlidingWindow(LOGIN_LIMITS.windowMs, now);
  }

  /** Seconds to wait before `name` may try again from `address`, or 0. */
  retryAfter(name: string, address: string): number {
    return Math.max(
      this.#failures.retryAfter(`n:${name}`, LOGIN_LIMITS.perName),
      this.#failures.retryAfter(`a:${address}`, LOGIN_LIMITS.perAddress),
    );
  }

  /** Records a failed login. */
  fail(name: string, address: string): void {
    this.#failures.hit(`n:${name}`);
    this.#failures.hit(`a:${address}`);
  }

  /** A successful login clears the name's failures. */
  succeed(name: string): void {
    this.#failures.clear(`n:${name}`);
  }
}
