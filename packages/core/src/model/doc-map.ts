/**
 * The persistent map every document collection of a table is held in: a
 * hash array mapped trie (32-way) keyed by document id. Updates copy only
 * the path to the changed entry (at most 7 nodes of at most 32 slots), so
 * applying an event costs the same at 50 documents as at 50,000, and the map
 * before the update stays valid: the reducer is a pure function of the
 * state it is given.
 *
 * Reading is Map's API (`get`, `has`, `size`, `values()`, ...), the same as
 * Foundry's `game.actors.get(id)`. The shape of the trie depends only on the
 * ids it holds, not on the order they were added in, so two maps with the
 * same entries iterate in the same order and compare equal structurally.
 * That order is unspecified: sort when order matters. As JSON (`toJSON`) a
 * map is a plain `{ id: document }` object; {@link DocMap.from} rebuilds it.
 */

const BITS = 5;
const MASK = (1 << BITS) - 1;

interface Leaf<T> {
  readonly kind: 0;
  readonly hash: number;
  readonly key: string;
  readonly value: T;
}
interface Collision<T> {
  readonly kind: 1;
  readonly hash: number;
  /** Sorted by key, so that the shape stays canonical. */
  readonly leaves: readonly Leaf<T>[];
}
interface Branch<T> {
  readonly kind: 2;
  readonly bitmap: number;
  readonly children: readonly Node<T>[];
}
type Node<T> = Leaf<T> | Collision<T> | Branch<T>;

/** FNV-1a over UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

const slotOf = (hash: number, shift: number) => (hash >>> shift) & MASK;

function get<T>(node: Node<T> | undefined, hash: number, key: string): Leaf<T> | undefined {
  let shift = 0;
  while (node !== undefined) {
    if (node.kind === 0) return node.key === key ? node : undefined;
    if (node.kind === 1)
      return node.hash === hash ? node.leaves.find((l) => l.key === key) : undefined;
    const bit = 1 << slotOf(hash, shift);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.children[popcount(node.bitmap & (bit - 1))];
    shift += BITS;
  }
  return undefined;
}

/**
 * A node holding two different keys, split down to where their hashes
 * differ (two different 32-bit hashes differ in some 5-bit slot by shift 30);
 * equal hashes share a collision node where one leaf would be.
 */
function pair<T>(a: Leaf<T> | Collision<T>, b: Leaf<T>, shift: number): Node<T> {
  if (a.hash === b.hash) {
    const leaves = a.kind === 0 ? [a, b] : [...a.leaves, b];
    leaves.sort((x, y) => (x.key < y.key ? -1 : 1));
    return { kind: 1, hash: a.hash, leaves };
  }
  const sa = slotOf(a.hash, shift);
  const sb = slotOf(b.hash, shift);
  if (sa === sb) return { kind: 2, bitmap: 1 << sa, children: [pair(a, b, shift + BITS)] };
  return { kind: 2, bitmap: (1 << sa) | (1 << sb), children: sa < sb ? [a, b] : [b, a] };
}

function set<T>(node: Node<T> | undefined, leaf: Leaf<T>, shift: number): Node<T> {
  if (node === undefined) return leaf;
  if (node.kind === 0) {
    if (node.key === leaf.key) return node.value === leaf.value ? node : leaf;
    return pair(node, leaf, shift);
  }
  if (node.kind === 1) {
    if (node.hash !== leaf.hash) {
      return pair(node, leaf, shift);
    }
    const i = node.leaves.findIndex((l) => l.key === leaf.key);
    if (i < 0) return pair(node, leaf, shift);
    if (node.leaves[i]!.value === leaf.value) return node;
    const leaves = node.leaves.slice();
    leaves[i] = leaf;
    return { kind: 1, hash: node.hash, leaves };
  }
  const bit = 1 << slotOf(leaf.hash, shift);
  const index = popcount(node.bitmap & (bit - 1));
  const children = node.children.slice();
  if ((node.bitmap & bit) === 0) {
    children.splice(index, 0, leaf);
    return { kind: 2, bitmap: node.bitmap | bit, children };
  }
  const child = node.children[index]!;
  const next = set(child, leaf, shift + BITS);
  if (next === child) return node;
  children[index] = next;
  return { kind: 2, bitmap: node.bitmap, children };
}

/** `node` without `key`; a branch left with one leaf or collision collapses into it. */
function remove<T>(node: Node<T>, hash: number, key: string, shift: number): Node<T> | undefined {
  if (node.kind === 0) return node.key === key ? undefined : node;
  if (node.kind === 1) {
    if (node.hash !== hash) return node;
    const leaves = node.leaves.filter((l) => l.key !== key);
    if (leaves.length === node.leaves.length) return node;
    return leaves.length === 1 ? leaves[0] : { kind: 1, hash, leaves };
  }
  const bit = 1 << slotOf(hash, shift);
  if ((node.bitmap & bit) === 0) return node;
  const index = popcount(node.bitmap & (bit - 1));
  const child = node.children[index]!;
  const next = remove(child, hash, key, shift + BITS);
  if (next === child) return node;
  if (next === undefined) {
    if (node.children.length === 1) return undefined;
    const children = node.children.filter((_, i) => i !== index);
    if (children.length === 1 && children[0]!.kind !== 2) return children[0];
    return { kind: 2, bitmap: node.bitmap & ~bit, children };
  }
  if (node.children.length === 1 && next.kind !== 2) return next;
  const children = node.children.slice();
  children[index] = next;
  return { kind: 2, bitmap: node.bitmap, children };
}

function* leaves<T>(node: Node<T> | undefined): Generator<Leaf<T>> {
  if (node === undefined) return;
  if (node.kind === 0) yield node;
  else if (node.kind === 1) yield* node.leaves;
  else for (const child of node.children) yield* leaves(child);
}

function forEachLeaf<T>(node: Node<T> | undefined, fn: (leaf: Leaf<T>) => void): void {
  if (node === undefined) return;
  if (node.kind === 0) fn(node);
  else if (node.kind === 1) node.leaves.forEach(fn);
  else for (const child of node.children) forEachLeaf(child, fn);
}

/** Marks DocMaps across copies of core (a module bundle carries its own). */
const BRAND = Symbol.for('@vtt/core/DocMap');

/** What {@link DocMap.from} accepts: a map, its JSON form, or id-document pairs. */
export type DocMapSource<T> =
  DocMap<T> | Readonly<Record<string, T>> | Iterable<readonly [string, T]>;

/**
 * An immutable map from document id to document. `set` and `delete` return
 * a new map and leave this one as it was; a change that changes nothing
 * returns the same map, so `next === before` means "unchanged".
 *
 * @example
 * const tokens = DocMap.from({ t1: goblin });
 * const moved = tokens.set('t1', { ...goblin, x: 100 });
 * tokens.get('t1')!.x; // still goblin's x
 * moved.size; // 1
 * JSON.stringify(moved); // '{"t1":{...,"x":100}}'
 */
export class DocMap<T> implements Iterable<[string, T]> {
  private static readonly EMPTY = new DocMap<never>(undefined, 0);
  private readonly [BRAND] = true;

  private constructor(
    private readonly root: Node<T> | undefined,
    /** How many documents the map holds. */
    readonly size: number,
  ) {}

  /** The empty map. */
  static empty<T>(): DocMap<T> {
    return DocMap.EMPTY as DocMap<T>;
  }

  /**
   * A map of `source`: a map (returned as it is), its JSON form (a plain
   * `{ id: document }` object, e.g. from `JSON.parse`) or id-document pairs.
   *
   * @example
   * const view = { ...json, tokens: DocMap.from(json.tokens) };
   */
  static from<T>(source: DocMapSource<T>): DocMap<T> {
    if (DocMap.isDocMap(source)) return source as DocMap<T>;
    let map = DocMap.empty<T>();
    const pairs: Iterable<readonly [string, T]> =
      Symbol.iterator in source
        ? (source as Iterable<readonly [string, T]>)
        : Object.entries(source as Readonly<Record<string, T>>);
    for (const [key, value] of pairs) map = map.set(key, value);
    return map;
  }

  /** Whether `value` is a {@link DocMap} (of any document type, from any copy of core). */
  static isDocMap(value: unknown): value is DocMap<unknown> {
    return typeof value === 'object' && value !== null && BRAND in value;
  }

  /** The document with id `key`, or `undefined`. */
  get(key: string): T | undefined {
    return get(this.root, hashOf(key), key)?.value;
  }

  /** Whether a document with id `key` is in the map. */
  has(key: string): boolean {
    return get(this.root, hashOf(key), key) !== undefined;
  }

  /** A map with `value` at `key`; this map when `key` already holds that very value. */
  set(key: string, value: T): DocMap<T> {
    const hash = hashOf(key);
    const had = get(this.root, hash, key) !== undefined;
    const root = set(this.root, { kind: 0, hash, key, value }, 0);
    return root === this.root ? this : new DocMap(root, had ? this.size : this.size + 1);
  }

  /** A map without `key`; this map when it has no `key`. */
  delete(key: string): DocMap<T> {
    if (this.root === undefined) return this;
    const root = remove(this.root, hashOf(key), key, 0);
    return root === this.root ? this : new DocMap(root, this.size - 1);
  }

  /** The ids, in the map's (unspecified, content-determined) order. */
  *keys(): IterableIterator<string> {
    for (const leaf of leaves(this.root)) yield leaf.key;
  }

  /** The documents, in the map's order. */
  *values(): IterableIterator<T> {
    for (const leaf of leaves(this.root)) yield leaf.value;
  }

  /** `[id, document]` pairs, in the map's order. */
  *entries(): IterableIterator<[string, T]> {
    for (const leaf of leaves(this.root)) yield [leaf.key, leaf.value];
  }

  [Symbol.iterator](): IterableIterator<[string, T]> {
    return this.entries();
  }

  /** Calls `fn` for every document, in the map's order; faster than iterating. */
  forEach(fn: (value: T, key: string) => void): void {
    forEachLeaf(this.root, (leaf) => fn(leaf.value, leaf.key));
  }

  /** The documents for which `pred` holds, as an array in the map's order. */
  filter(pred: (value: T, key: string) => boolean): T[] {
    const out: T[] = [];
    forEachLeaf(this.root, (leaf) => {
      if (pred(leaf.value, leaf.key)) out.push(leaf.value);
    });
    return out;
  }

  /** The first document, in the map's order, for which `pred` holds. */
  find(pred: (value: T, key: string) => boolean): T | undefined {
    for (const leaf of leaves(this.root)) if (pred(leaf.value, leaf.key)) return leaf.value;
    return undefined;
  }

  /** Whether `pred` holds for some document. */
  some(pred: (value: T, key: string) => boolean): boolean {
    return this.find(pred) !== undefined;
  }

  /**
   * The map with `fn` applied to every document: `undefined` drops it. Costs
   * a walk of the map plus a path copy per document that changed; returns
   * this map when `fn` returns every document as it is (a GM's view shares
   * the state's maps).
   *
   * @example
   * const visible = state.tokens.project((t) => (t.hidden ? undefined : t));
   */
  project<U>(fn: (value: T, key: string) => U | undefined): DocMap<U> {
    let out = this as unknown as DocMap<U>;
    forEachLeaf(this.root, (leaf) => {
      const next = fn(leaf.value, leaf.key);
      if (next === (leaf.value as unknown)) return;
      out = next === undefined ? out.delete(leaf.key) : out.set(leaf.key, next);
    });
    return out;
  }

  /** The JSON form: a plain `{ id: document }` object, in the map's order. */
  toJSON(): Record<string, T> {
    const out: Record<string, T> = {};
    forEachLeaf(this.root, (leaf) => {
      out[leaf.key] = leaf.value;
    });
    return out;
  }
}
