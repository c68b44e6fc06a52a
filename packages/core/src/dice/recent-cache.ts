/**
 * A small cache that keeps the most recently used entries, in two
 * generations: hits in the young generation cost one `Map.get`, hits in the
 * old one move the entry to the young one, and when the young generation is
 * full it becomes the old one (the previous old one is dropped). So it holds
 * between `capacity` and `2 * capacity` entries, and an entry used at least
 * once per `capacity` insertions is never evicted.
 */
export class RecentCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** Entries held now, across both generations. */
  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
