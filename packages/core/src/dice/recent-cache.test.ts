import { describe, expect, it } from 'vitest';
import type { DiceTermNode } from './ast.js';
import { parseDice } from './parse.js';
import { RecentCache } from './recent-cache.js';
import { roll } from './roll.js';
import { forcedDiceSource } from './source.js';

describe('RecentCache', () => {
  it('keeps entries used recently and forgets the rest, holding at most twice its capacity', () => {
    const cache = new RecentCache<string, number>(3);
    for (let i = 0; i < 3; i++) cache.set(`k${i}`, i);
    expect(cache.get('k0')).toBe(0);
    for (let i = 3; i < 9; i++) {
      cache.set(`k${i}`, i);
      expect(cache.get('k0')).toBe(0); // in use all along: never evicted
      expect(cache.size).toBeLessThanOrEqual(6);
    }
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k8')).toBe(8);
  });
});

describe('the parse cache behind roll', () => {
  it('does not let a roll under wide limits open the door for narrow ones, or the reverse', () => {
    const source = () => forcedDiceSource(new Array<number>(20).fill(1));
    expect(roll('20d6', { source: source() }).total).toBe(20);
    expect(() => roll('20d6', { source: source(), limits: { maxDice: 10 } })).toThrow(
      expect.objectContaining({ code: 'VTT_ERR_DICE_TOO_MANY_DICE' }),
    );
    expect(roll('20d6', { source: source(), limits: { maxDice: 30 } }).total).toBe(20);
  });

  it('hands out fresh trees from parseDice: mutating one does not change later rolls', () => {
    roll('3d6', { seed: 1 });
    const tree = parseDice('3d6') as { -readonly [K in keyof DiceTermNode]: DiceTermNode[K] };
    tree.count = 1;
    expect(roll('3d6', { seed: 1 }).draws).toHaveLength(3);
  });
});
