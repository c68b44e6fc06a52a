import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { roll } from './roll.js';

const ROLLS = 100_000;

/** Mean of `pick(result)` over ROLLS rolls of `notation` from one seeded generator. */
function meanOf(notation: string, seed: string, pick: (r: ReturnType<typeof roll>) => number) {
  const rng = createRng(seed);
  let sum = 0;
  for (let i = 0; i < ROLLS; i++) sum += pick(roll(notation, { rng }));
  return sum / ROLLS;
}

// Tolerances: the standard error of a mean over n rolls is sd / sqrt(n); with
// n = 100,000 every tolerance below is 5 or more standard errors, so a correct
// engine fails with odds under 1 in a million, and the seed pins the outcome.
describe('seeded statistics over 100,000 rolls', () => {
  it('4d6kh3 averages 12.2446 (sd 2.85, se 0.009; tolerance 0.05)', () => {
    expect(Math.abs(meanOf('4d6kh3', 'stats-4d6kh3', (r) => r.total) - 15869 / 1296)).toBeLessThan(
      0.05,
    );
  });

  it('1d6! averages 4.2 = 3.5 * 6/5 (sd 3.26, se 0.0103; tolerance 0.05)', () => {
    expect(Math.abs(meanOf('1d6!', 'stats-explode', (r) => r.total) - 4.2)).toBeLessThan(0.05);
  });

  it('10d6>=5 averages 10/3 successes (binomial sd 1.49, se 0.0047; tolerance 0.03)', () => {
    const mean = meanOf('10d6>=5', 'stats-hits', (r) => r.successes ?? Number.NaN);
    expect(Math.abs(mean - 10 / 3)).toBeLessThan(0.03);
  });

  it('1d20 lands on every face evenly (chi-square, 19 degrees of freedom)', () => {
    const rng = createRng('stats-d20');
    const counts = new Array<number>(21).fill(0);
    for (let i = 0; i < ROLLS; i++) counts[roll('1d20', { rng }).total]!++;
    const expected = ROLLS / 20;
    const chi2 = counts.slice(1).reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(counts[0]).toBe(0);
    expect(chi2).toBeLessThan(43.82); // p = 0.001
  });
});
