/**
 * A sliding-window counter in memory: the times of recent hits per key,
 * and how long a key must wait once it reached its limit. The login limits
 * and the per-API-token request limit both count with it.
 */

/** Hits per key within the last `windowMs`. */
export class SlidingWindow {
  readonly #hits = new Map<string, number[]>();

  /**
   * @param windowMs The window's length.
   * @param now The clock (tests may pass their own).
   */
  constructor(
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  #recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.#hits.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.#hits.delete(key);
    else this.#hits.set(key, kept);
    return kept;
  }

  /**
   * Seconds `key` must wait before its next hit stays within `limit`, or 0.
   *
   * @example
   * if (window.retryAfter(tokenId, 600) > 0) refuse(); else window.hit(tokenId);
   */
  retryAfter(key: string, limit: number): number {
    const recent = this.#recent(key);
    if (recent.length < limit) return 0;
    const oldest = recent[recent.length - limit]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  /** Records a hit of `key` now. */
  hit(key: string): void {
    this.#hits.set(key, [...this.#recent(key), this.now()]);
  }

  /** Forgets every hit of `key`. */
  clear(key: string): void {
    this.#hits.delete(key);
  }
}
