/** A small least-recently-used cache, for per-viewer and per-tile results. */

/**
 * A map that keeps at most `max` entries, dropping the least recently used.
 *
 * @example
 * const cache = new BoundedCache<string, Buffer>(512);
 * const tile = cache.get(key) ?? cache.set(key, await render());
 */
export class BoundedCache<K, V> {
  readonly #max: number;
  readonly #entries = new Map<K, V>();

  constructor(max: number) {
    this.#max = max;
  }

  /** The value of `key`, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Stores `value` under `key` and returns it. */
  set(key: K, value: V): V {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#max) {
      this.#entries.delete(this.#entries.keys().next().value as K);
    }
    return value;
  }

  /** Entries held. */
  get size(): number {
    return this.#entries.size;
  }
}
