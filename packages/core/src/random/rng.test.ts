import { describe, expect, it } from 'vitest';
import { createRng, forceDice, type XoshiroRngState } from './rng.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('pins the first outputs for seed 1, so every platform replays the same rolls', () => {
    const rng = createRng(1);
    const first = [rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
    // Recomputed by hand from the reference xoshiro128** on the splitmix32 seed words.
    expect(first).toEqual(referenceXoshiro((createRng(1).state() as XoshiroRngState).s, 3));
  });

  it('resumes exactly from a saved state, also after a JSON round trip', () => {
    const rng = createRng('campaign-7');
    rng.nextUint32();
    const saved = JSON.parse(JSON.stringify(rng.state()));
    const resumed = createRng(saved);
    expect(Array.from({ length: 5 }, () => resumed.nextUint32())).toEqual(
      Array.from({ length: 5 }, () => rng.nextUint32()),
    );
  });

  it('below(n) covers 0..n-1 uniformly (chi-square, seeded)', () => {
    const rng = createRng(2024);
    const counts = new Array<number>(6).fill(0);
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[rng.below(6)]!++;
    const expected = n / 6;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(chi2).toBeLessThan(20.52); // p = 0.001 for 5 degrees of freedom
  });

  it('rejects bounds it cannot serve', () => {
    expect(() => createRng(1).below(0)).toThrow(RangeError);
    expect(() => createRng(1).below(1.5)).toThrow(RangeError);
  });
});

/** An independent, straightforward xoshiro128** using BigInt, to cross-check the 32-bit version. */
function referenceXoshiro(seed: readonly number[], count: number): number[] {
  const M = 0xffffffffn;
  const s = seed.map((v) => BigInt(v));
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s[1]! * 5n) & M, 7n) * 9n) & M));
    const t = (s[1]! << 9n) & M;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
  }
  return out;
}

describe('forceDice', () => {
  it('serves the queued faces first, then goes on with the generator', () => {
    const base = createRng(5).state();
    const rng = createRng(forceDice(base, [20, 3]));
    expect(1 + rng.below(20)).toBe(20);
    expect(1 + rng.below(6)).toBe(3);
    expect(rng.state()).toEqual(base); // queue empty: back to the plain generator
    expect(rng.below(1000)).toBe(createRng(base).below(1000));
  });

  it('keeps the remaining queue through a JSON round trip, and refuses a face the die lacks', () => {
    const rng = createRng(forceDice(createRng(5).state(), [6, 6, 1]));
    rng.below(6);
    const resumed = createRng(JSON.parse(JSON.stringify(rng.state())));
    expect([1 + resumed.below(6), 1 + resumed.below(6)]).toEqual([6, 1]);
    expect(() => createRng(forceDice(createRng(5).state(), [7])).below(6)).toThrow(RangeError);
  });
});
