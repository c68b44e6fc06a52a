import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocMap } from './doc-map.js';

describe('DocMap', () => {
  it('reads like a Map and leaves the map it was updated from unchanged', () => {
    const a = DocMap.from({ t1: { x: 1 }, t2: { x: 2 } });
    const b = a.set('t1', { x: 10 }).delete('t2').set('t3', { x: 3 });
    expect(a.get('t1')).toEqual({ x: 1 });
    expect(a.has('t2')).toBe(true);
    expect(a.size).toBe(2);
    expect(b.get('t1')).toEqual({ x: 10 });
    expect(b.has('t2')).toBe(false);
    expect(b.size).toBe(2);
    expect(Object.fromEntries(b)).toEqual({ t1: { x: 10 }, t3: { x: 3 } });
  });

  it('returns the same map for a change that changes nothing', () => {
    const doc = { x: 1 };
    const a = DocMap.from({ t1: doc });
    expect(a.set('t1', doc)).toBe(a);
    expect(a.delete('missing')).toBe(a);
    expect(DocMap.empty().delete('x')).toBe(DocMap.empty());
    expect(a.project((d) => d)).toBe(a);
  });

  it('round-trips through JSON as a plain object', () => {
    const a = DocMap.from({ b: 2, a: 1, c: 3 });
    const json = JSON.parse(JSON.stringify(a)) as Record<string, number>;
    expect(json).toEqual({ a: 1, b: 2, c: 3 });
    expect(DocMap.from(json)).toEqual(a);
    expect(DocMap.from(a)).toBe(a);
  });

  it('project drops documents mapped to undefined and replaces changed ones', () => {
    const a = DocMap.from({ a: 1, b: 2, c: 3, d: 4 });
    const odd = a.project((n) => (n % 2 === 1 ? n * 10 : undefined));
    expect(odd.toJSON()).toEqual({ a: 10, c: 30 });
    expect(odd.size).toBe(2);
  });

  it('behaves like a Map under any sequence of sets and deletes, with a shape fixed by its ids (seeded)', () => {
    const key = fc.string({ maxLength: 3 });
    const op = fc.oneof(
      fc.tuple(fc.constant('set' as const), key, fc.integer()),
      fc.tuple(fc.constant('delete' as const), key, fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let map = DocMap.empty<number>();
        const model = new Map<string, number>();
        for (const [kind, k, v] of ops) {
          if (kind === 'set') {
            map = map.set(k, v);
            model.set(k, v);
          } else {
            map = map.delete(k);
            model.delete(k);
          }
          expect(map.size).toBe(model.size);
        }
        for (const [k, v] of model) expect(map.get(k)).toBe(v);
        expect(new Map(map)).toEqual(model);
        // Built in another order, the same entries give the same trie.
        const rebuilt = DocMap.from([...model].sort(([x], [y]) => (x < y ? 1 : -1)));
        expect([...rebuilt.keys()]).toEqual([...map.keys()]);
        expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(map));
      }),
      { seed: 9001, numRuns: 300 },
    );
  });

  it('keeps colliding ids apart', () => {
    // Two ids with the same 32-bit FNV-1a hash, found by search (birthday bound: ~77k ids).
    const seen = new Map<number, string>();
    const fnv = (s: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    let pairFound: [string, string] | undefined;
    for (let i = 0; pairFound === undefined && i < 400_000; i++) {
      const k = `k${i}`;
      const h = fnv(k);
      const other = seen.get(h);
      if (other !== undefined) pairFound = [other, k];
      seen.set(h, k);
    }
    expect(pairFound).toBeDefined();
    const [x, y] = pairFound!;
    const m = DocMap.empty<string>().set(x, 'x').set(y, 'y').set('z', 'z');
    expect([m.get(x), m.get(y), m.get('z')]).toEqual(['x', 'y', 'z']);
    expect(m.delete(x).get(y)).toBe('y');
    expect(m.delete(x).delete(y).toJSON()).toEqual({ z: 'z' });
  });
});
