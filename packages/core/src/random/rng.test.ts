import { describe, expect, it } from 'vitest';
import { bytesToWordsLE, chacha20Block } from './chacha20.js';
import { withForcedFaces } from './forced-rng.js';
import { createRng, normalizeSeed, seedCommitment, type RngState } from './rng.js';
import { hexToBytes, sha256Hex } from './sha256.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('draws the dice stream as the ChaCha20 keystream of the seed (nonce 0, counter from 0)', () => {
    const seed = normalizeSeed('campaign-7');
    expect(seed).toBe(sha256Hex('campaign-7'));
    const rng = createRng(seed);
    const key = bytesToWordsLE(hexToBytes(seed));
    const words = Array.from({ length: 20 }, () => rng.nextUint32());
    const blocks = [
      ...chacha20Block(key, 0, [0, 0, 0], []),
      ...chacha20Block(key, 1, [0, 0, 0], []),
    ];
    expect(words).toEqual(blocks.slice(0, 20));
    expect(rng.position()).toBe(20);
  });

  it('resumes exactly from a saved state, also after a JSON round trip', () => {
    const rng = createRng('campaign-7');
    for (let i = 0; i < 17; i++) rng.nextUint32(); // across a block boundary
    const saved = JSON.parse(JSON.stringify(rng.state())) as RngState;
    expect(saved.position).toBe(17);
    const resumed = createRng(saved);
    expect(Array.from({ length: 5 }, () => resumed.nextUint32())).toEqual(
      Array.from({ length: 5 }, () => rng.nextUint32()),
    );
  });

  it('gives a module stream of its own: it shares nothing with the dice and keeps the dice position', () => {
    const table = createRng(9).state();
    const dice = createRng(table);
    const random = createRng(table, 'module:t1:dnd5e');
    const diceWords = Array.from({ length: 64 }, () => dice.nextUint32());
    const randomWords = Array.from({ length: 64 }, () => random.nextUint32());
    expect(randomWords.filter((w) => diceWords.includes(w))).toEqual([]);
    const after = random.state();
    expect(after.position).toBe(0);
    expect(after.streams).toEqual({ 'module:t1:dnd5e': 64 });
    const other = createRng(table, 'module:t1:other');
    expect(other.nextUint32()).not.toBe(randomWords[0]);
    expect(createRng(after, 'module:t1:dnd5e').nextUint32()).not.toBe(randomWords[0]);
  });

  it('accepts a 64-hex-digit seed as the key itself, and commits to it with SHA-256 of its text', () => {
    const seed = 'AB'.repeat(32);
    expect(normalizeSeed(seed)).toBe('ab'.repeat(32));
    expect(seedCommitment(seed)).toBe(sha256Hex('ab'.repeat(32)));
    expect(seedCommitment(7)).toBe(sha256Hex(sha256Hex('7')));
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

  it('rejects bounds it cannot serve, states it cannot read, and draws after the reveal', () => {
    expect(() => createRng(1).below(0)).toThrow(RangeError);
    expect(() => createRng(1).below(1.5)).toThrow(RangeError);
    const old = { algorithm: 'xoshiro128**', s: [1, 2, 3, 4] } as unknown as RngState;
    expect(() => createRng(old)).toThrow(
      expect.objectContaining({ code: 'VTT_ERR_DICE_RNG_STATE' }),
    );
    const revealed: RngState = { ...createRng(1).state(), revealed: true };
    expect(() => createRng(revealed).below(6)).toThrow(
      expect.objectContaining({ code: 'VTT_ERR_DICE_SESSION_ENDED' }),
    );
  });
});

describe('withForcedFaces', () => {
  it('serves the queued faces first, then goes on with the generator, never saving a face', () => {
    const base = createRng(5).state();
    const queue = [20, 3];
    const rng = withForcedFaces(createRng(base), queue);
    expect(1 + rng.below(20)).toBe(20);
    expect(1 + rng.below(6)).toBe(3);
    expect(queue).toEqual([]);
    expect(rng.state()).toEqual(base);
    expect(rng.below(1000)).toBe(createRng(base).below(1000));
  });

  it('refuses a face the die lacks', () => {
    expect(() => withForcedFaces(createRng(5), [7]).below(6)).toThrow(RangeError);
  });
});
