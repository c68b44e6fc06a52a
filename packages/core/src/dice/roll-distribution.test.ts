import { describe, expect, it } from 'vitest';
import { roll } from './roll.js';
import type { DiceSource } from './source.js';

const BRANCH = Symbol('branch');

/**
 * The exact distribution of `notation`'s total, by walking every sequence of
 * draws with forced sources (depth-first). Sequences longer than `maxDraws`
 * are cut off, so for exploding or rerolling dice the probabilities are exact
 * for every total reachable within `maxDraws` draws.
 */
function distribution(notation: string, maxDraws = 12): Map<number, number> {
  const totals = new Map<number, number>();
  const pending: { sides: number; value: number }[][] = [[]];
  while (pending.length > 0) {
    const prefix = pending.pop()!;
    let index = 0;
    let branchSides = 0;
    const source: DiceSource = {
      next(sides) {
        const forced = prefix[index++];
        if (forced !== undefined) return forced.value;
        branchSides = sides;
        throw BRANCH;
      },
    };
    try {
      const { total } = roll(notation, { source });
      const p = prefix.reduce((product, draw) => product / draw.sides, 1);
      totals.set(total, (totals.get(total) ?? 0) + p);
    } catch (error) {
      if (error !== BRANCH) throw error;
      if (prefix.length >= maxDraws) continue;
      for (let value = 1; value <= branchSides; value++) {
        pending.push([...prefix, { sides: branchSides, value }]);
      }
    }
  }
  return totals;
}

const p = (dist: Map<number, number>, total: number): number => dist.get(total) ?? 0;
const mass = (dist: Map<number, number>): number => [...dist.values()].reduce((a, b) => a + b, 0);
const mean = (dist: Map<number, number>): number =>
  [...dist].reduce((sum, [total, q]) => sum + total * q, 0);

describe('exact distributions (every forced sequence enumerated)', () => {
  it('2d6: P(7) = 6/36, P(2) = P(12) = 1/36, mean 7', () => {
    const dist = distribution('2d6');
    expect(p(dist, 7)).toBeCloseTo(6 / 36, 12);
    expect(p(dist, 2)).toBeCloseTo(1 / 36, 12);
    expect(p(dist, 12)).toBeCloseTo(1 / 36, 12);
    expect(mass(dist)).toBeCloseTo(1, 12);
    expect(mean(dist)).toBeCloseTo(7, 12);
  });

  it('2d20kh1: P(20) = 39/400, P(1) = 1/400; 2d20kl1 mirrors it', () => {
    const high = distribution('2d20kh1');
    expect(p(high, 20)).toBeCloseTo(39 / 400, 12);
    expect(p(high, 1)).toBeCloseTo(1 / 400, 12);
    const low = distribution('2d20kl1');
    expect(p(low, 1)).toBeCloseTo(39 / 400, 12);
    expect(p(low, 20)).toBeCloseTo(1 / 400, 12);
  });

  it('4d6kh3 and 4d6dl1: mean 15869/1296 = 12.2446, P(18) = 21/1296', () => {
    for (const notation of ['4d6kh3', '4d6dl1']) {
      const dist = distribution(notation);
      expect(mean(dist)).toBeCloseTo(15869 / 1296, 12);
      expect(p(dist, 18)).toBeCloseTo(21 / 1296, 12);
      expect(p(dist, 3)).toBeCloseTo(1 / 1296, 12);
    }
  });

  it('3d6>=5 counts successes: binomial(3, 1/3)', () => {
    const dist = distribution('3d6>=5');
    expect([0, 1, 2, 3].map((k) => p(dist, k))).toEqual(
      [8 / 27, 12 / 27, 6 / 27, 1 / 27].map((q) => expect.closeTo(q, 12)),
    );
  });

  it('1d6>=5f1 subtracts a failure for each 1', () => {
    const dist = distribution('1d6>=5f1');
    expect(p(dist, 1)).toBeCloseTo(2 / 6, 12);
    expect(p(dist, -1)).toBeCloseTo(1 / 6, 12);
    expect(p(dist, 0)).toBeCloseTo(3 / 6, 12);
  });

  it('1d6!: a 6 never stands alone; 6+1 has 1/36, 6+6+2 has 1/216', () => {
    const dist = distribution('1d6!', 3);
    expect(p(dist, 5)).toBeCloseTo(1 / 6, 12);
    expect(p(dist, 6)).toBe(0);
    expect(p(dist, 7)).toBeCloseTo(1 / 36, 12);
    expect(p(dist, 12)).toBe(0);
    expect(p(dist, 14)).toBeCloseTo(1 / 216, 12);
  });

  it('1d6!! has the totals of 1d6! (one die instead of several)', () => {
    const compound = distribution('1d6!!', 3);
    const explode = distribution('1d6!', 3);
    for (let total = 1; total < 18; total++) {
      expect(p(compound, total)).toBeCloseTo(p(explode, total), 12);
    }
  });

  it('1d6!p: each extra die counts one less, so 6 is reachable only as 6+0', () => {
    const dist = distribution('1d6!p', 3);
    expect(p(dist, 6)).toBeCloseTo(1 / 36, 12); // 6 then 1 (worth 0)
    expect(p(dist, 10)).toBeCloseTo(1 / 36, 12); // 6 then 5 (worth 4)
    expect(p(dist, 11)).toBeCloseTo(1 / 216, 12); // 6, 6 (worth 5), 1 (worth 0)
  });

  it('1d6!>=5 explodes on 5 and 6', () => {
    const dist = distribution('1d6!>=5', 3);
    expect(p(dist, 5)).toBe(0);
    expect(p(dist, 6)).toBeCloseTo(1 / 36, 12); // 5+1
    expect(p(dist, 7)).toBeCloseTo(2 / 36, 12); // 5+2, 6+1
  });

  it('1d6r1 is uniform over 2..6; 1d6ro1 keeps a second 1', () => {
    const again = distribution('1d6r1', 14);
    expect(p(again, 1)).toBe(0);
    for (let face = 2; face <= 6; face++) expect(p(again, face)).toBeCloseTo(1 / 5, 9);
    const once = distribution('1d6ro1');
    expect(p(once, 1)).toBeCloseTo(1 / 36, 12);
    expect(p(once, 2)).toBeCloseTo(7 / 36, 12);
    expect(mass(once)).toBeCloseTo(1, 12);
  });

  it('4dF: P(0) = 19/81, P(4) = 1/81, mean 0', () => {
    const dist = distribution('4dF');
    expect(p(dist, 0)).toBeCloseTo(19 / 81, 12);
    expect(p(dist, 4)).toBeCloseTo(1 / 81, 12);
    expect(p(dist, -4)).toBeCloseTo(1 / 81, 12);
    expect(mean(dist)).toBeCloseTo(0, 12);
  });

  it('d% is uniform over 1..100', () => {
    const dist = distribution('d%');
    expect(dist.size).toBe(100);
    expect(Math.min(...dist.keys())).toBe(1);
    expect(Math.max(...dist.keys())).toBe(100);
    expect(p(dist, 37)).toBeCloseTo(1 / 100, 12);
  });

  it('min and max clamp each die', () => {
    expect(p(distribution('1d6min3'), 3)).toBeCloseTo(3 / 6, 12);
    expect(p(distribution('1d6max4'), 4)).toBeCloseTo(3 / 6, 12);
    expect(p(distribution('2d6min3'), 6)).toBeCloseTo(9 / 36, 12);
  });

  it('pools: {1d20, 1d20}kh1 is 2d20kh1; {1d6, 1d6}>=4 counts groups', () => {
    const pool = distribution('{1d20, 1d20}kh1');
    expect(p(pool, 20)).toBeCloseTo(39 / 400, 12);
    const hits = distribution('{1d6, 1d6}>=4');
    expect(p(hits, 2)).toBeCloseTo(1 / 4, 12);
    expect(p(hits, 1)).toBeCloseTo(1 / 2, 12);
    const best = distribution('{2d6, 1d12}kh1');
    expect(p(best, 12)).toBeCloseTo(1 / 36 + 1 / 12 - 1 / 36 / 12, 12);
  });

  it('floor, ceil and round of 1d6 / 2 or / 4', () => {
    const floor = distribution('floor(1d6 / 2)');
    expect([0, 1, 2, 3].map((k) => p(floor, k))).toEqual(
      [1 / 6, 2 / 6, 2 / 6, 1 / 6].map((q) => expect.closeTo(q, 12)),
    );
    const ceil = distribution('ceil(1d6 / 2)');
    expect([1, 2, 3].map((k) => p(ceil, k))).toEqual(
      [1, 1, 1].map(() => expect.closeTo(1 / 3, 12)),
    );
    // 1d6/4 is .25 .5 .75 1 1.25 1.5; halves round away from zero.
    const round = distribution('round(1d6 / 4)');
    expect([0, 1, 2].map((k) => p(round, k))).toEqual(
      [1 / 6, 4 / 6, 1 / 6].map((q) => expect.closeTo(q, 12)),
    );
  });

  it('labels do not change the numbers', () => {
    const plain = distribution('1d4 + 1d6');
    const labelled = distribution('1d4[cold] + 1d6[fire]');
    expect([...labelled].sort()).toEqual([...plain].sort());
  });
});
