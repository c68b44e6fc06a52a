import { describe, expect, it } from 'vitest';
import type { DiceTermResult, DieResult, PoolTermResult } from './result.js';
import { roll } from './roll.js';
import { forcedDiceSource } from './source.js';

const forced = (notation: string, values: number[]) =>
  roll(notation, { source: forcedDiceSource(values) });

const dice = (notation: string, values: number[], term = 0): readonly DieResult[] =>
  (forced(notation, values).terms[term] as DiceTermResult).dice;

const flags = (list: readonly DieResult[], flag: keyof DieResult) => list.map((die) => die[flag]);

describe('roll with forced dice', () => {
  it('sums plain dice and renders the breakdown', () => {
    const result = forced('2d6 + 3', [4, 5]);
    expect(result.total).toBe(12);
    expect(result.text).toBe('2d6 [4, 5] + 3 = 12');
    expect(result.successes).toBeUndefined();
  });

  it('keeps the highest three of 4d6 and marks the dropped die', () => {
    const result = forced('4d6kh3', [1, 5, 3, 6]);
    expect(result.total).toBe(14);
    expect(result.text).toBe('4d6kh3 [1d, 5, 3, 6] = 14');
    expect(flags((result.terms[0] as DiceTermResult).dice, 'dropped')).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('breaks keep/drop ties by position: the earlier die is kept, or dropped first', () => {
    expect(flags(dice('3d6kh1', [5, 5, 2]), 'dropped')).toEqual([false, true, true]);
    expect(flags(dice('3d6dl1', [2, 5, 2]), 'dropped')).toEqual([true, false, false]);
    expect(flags(dice('3d6kl2', [4, 2, 4]), 'dropped')).toEqual([false, false, true]);
    expect(flags(dice('3d6dh1', [4, 2, 4]), 'dropped')).toEqual([true, false, false]);
  });

  it('explodes 1d6! on 6: draws 6, 6, 2 give 14 with flags per die', () => {
    const result = forced('1d6!', [6, 6, 2]);
    expect(result.total).toBe(14);
    expect(result.text).toBe('1d6! [6!, 6!, 2] = 14');
    const list = (result.terms[0] as DiceTermResult).dice;
    expect(flags(list, 'exploded')).toEqual([true, true, false]);
    expect(flags(list, 'fromExplosion')).toEqual([false, true, true]);
  });

  it('explodes on a compare point: 10d10!>=8>=7 explodes on 8+ and counts 7+', () => {
    const result = forced('3d10!>=8>=7', [8, 3, 10, 9, 7, 1]);
    // dice: 8! 3 | 10! 9! 7 | 1  -> successes 8, 10, 9, 7
    expect(result.total).toBe(4);
    expect(result.successes).toBe(4);
    expect(result.text).toBe('3d10!>=8>=7 [8!*, 3, 10!*, 9!*, 7*, 1] = 4');
  });

  it('compounds 1d6!!: 6, 6, 2 make one die worth 14', () => {
    const result = forced('1d6!!', [6, 6, 2]);
    expect(result.total).toBe(14);
    expect(result.text).toBe('1d6!! [14!] = 14');
    expect((result.terms[0] as DiceTermResult).dice).toHaveLength(1);
    expect(result.draws.map((draw) => draw.value)).toEqual([6, 6, 2]);
  });

  it('penetrates 1d6!p: 6, 6, 3 count 6 + 5 + 2 = 13', () => {
    const result = forced('1d6!p', [6, 6, 3]);
    expect(result.total).toBe(13);
    expect(result.text).toBe('1d6!p [6!, 5!, 2] = 13');
  });

  it('rerolls r1 until the die is not 1, keeping the rerolled dice as marked', () => {
    const result = forced('4d6r1', [1, 1, 3, 4, 5, 6]);
    expect(result.total).toBe(18);
    expect(result.text).toBe('4d6r1 [1r, 1r, 3, 4, 5, 6] = 18');
    expect(flags((result.terms[0] as DiceTermResult).dice, 'rerolled')).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('rerolls ro1 once only: a second 1 stays', () => {
    const result = forced('2d6ro1', [1, 1, 4]);
    expect(result.total).toBe(5);
    expect(result.text).toBe('2d6ro1 [1r, 1, 4] = 5');
  });

  it('rerolls with comparisons: r<3 and r>=5', () => {
    expect(forced('1d6r<3', [2, 1, 5]).total).toBe(5);
    expect(forced('1d6r>=5', [6, 5, 2]).total).toBe(2);
  });

  it('mixes r and ro: ro applies to the first face only', () => {
    expect(forced('1d6r1ro2', [2, 2]).text).toBe('1d6r1ro2 [2r, 2] = 2');
    expect(forced('1d6r1ro2', [1, 2]).text).toBe('1d6r1ro2 [1r, 2] = 2');
  });

  it('rerolls before keeping: 4d6r1kh3 ignores the rerolled 1', () => {
    expect(forced('4d6r1kh3', [1, 2, 3, 4, 5]).text).toBe('4d6r1kh3 [1r, 2d, 3, 4, 5] = 12');
  });

  it('rerolls the extra dice of an explosion too', () => {
    expect(forced('1d6r1!', [6, 1, 3]).text).toBe('1d6r1! [6!, 1r, 3] = 9');
  });

  it('counts successes: 10d6>=5 totals the dice that meet the target', () => {
    const result = forced('10d6>=5', [1, 5, 6, 2, 4, 5, 3, 6, 1, 2]);
    expect(result.total).toBe(4);
    expect(result.successes).toBe(4);
    expect(result.failures).toBe(0);
    expect(flags((result.terms[0] as DiceTermResult).dice, 'success')).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('subtracts failures: 6d6>=5f1', () => {
    const result = forced('6d6>=5f1', [1, 5, 6, 2, 1, 3]);
    expect(result.successes).toBe(2);
    expect(result.failures).toBe(2);
    expect(result.total).toBe(0);
    expect(result.text).toBe('6d6>=5f1 [1f, 5*, 6*, 2, 1f, 3] = 0');
  });

  it('uses strict > and <, unlike Roll20', () => {
    expect(forced('3d6>5', [5, 6, 4]).total).toBe(1);
    expect(forced('3d6<2', [1, 2, 3]).total).toBe(1);
    expect(forced('3d6=2', [1, 2, 2]).total).toBe(2);
  });

  it('counts only kept dice: 4d6kh2>=4', () => {
    expect(forced('4d6kh2>=4', [6, 4, 5, 1]).text).toBe('4d6kh2>=4 [6*, 4d, 5*, 1d] = 2');
  });

  it('rolls Fate dice as -1, 0, +1 from d3 draws', () => {
    const result = forced('4dF', [1, 2, 3, 3]);
    expect(result.total).toBe(1);
    expect(result.text).toBe('4dF [-1, 0, 1, 1] = 1');
    expect(result.draws).toEqual([
      { sides: 3, value: 1 },
      { sides: 3, value: 2 },
      { sides: 3, value: 3 },
      { sides: 3, value: 3 },
    ]);
    expect((result.terms[0] as DiceTermResult).dice[0]?.sides).toBe('F');
  });

  it('rolls d% as a d100', () => {
    const result = forced('d%', [42]);
    expect(result.total).toBe(42);
    expect(result.draws).toEqual([{ sides: 100, value: 42 }]);
  });

  it('clamps each die with min and max, marking clamped dice', () => {
    expect(forced('3d6min3', [1, 4, 6]).text).toBe('3d6min3 [3~, 4, 6] = 13');
    expect(forced('3d6max4', [1, 4, 6]).text).toBe('3d6max4 [1, 4, 4~] = 9');
  });

  it('keeps the best group of a pool', () => {
    const result = forced('{4d6, 3d8}kh1', [1, 2, 3, 4, 8, 8, 8]);
    expect(result.total).toBe(24);
    expect(result.text).toBe('{4d6 [1, 2, 3, 4], 3d8 [8, 8, 8]}kh1 [10d, 24] = 24');
    const pool = result.terms[0] as PoolTermResult;
    expect(pool.groups.map((group) => [group.notation, group.value, group.dropped])).toEqual([
      ['4d6', 10, true],
      ['3d8', 24, false],
    ]);
    expect(pool.groups[1]?.terms[0]).toMatchObject({ type: 'dice', notation: '3d8', value: 24 });
  });

  it('counts pool groups that meet a target: {3d6, 2d10}>=8', () => {
    const result = forced('{3d6, 2d10}>=8', [1, 2, 3, 5, 4]);
    expect(result.total).toBe(1);
    expect(result.successes).toBe(1);
    expect(result.text).toBe('{3d6 [1, 2, 3], 2d10 [5, 4]}>=8 [6, 9*] = 1');
  });

  it('keeps labels per term', () => {
    const result = forced('2d6[fire] + 1d4[cold] + 2[str]', [3, 5, 2]);
    expect(result.total).toBe(12);
    expect(result.terms.map((term) => [term.notation, term.label, term.value])).toEqual([
      ['2d6', 'fire', 8],
      ['1d4', 'cold', 2],
    ]);
    expect(result.text).toBe('2d6[fire] [3, 5] + 1d4[cold] [2] + 2[str] = 12');
  });

  it('applies precedence, unary minus and functions', () => {
    expect(forced('1 + 2 * 3', []).total).toBe(7);
    expect(forced('(1 + 2) * 3', []).total).toBe(9);
    expect(forced('-1d6 + 10', [4]).text).toBe('-1d6 [4] + 10 = 6');
    expect(forced('2 - -1', []).total).toBe(3);
    expect(forced('floor(1d6 / 2) + ceil(7 / 2)', [5]).text).toBe(
      'floor(1d6 [5] / 2) + ceil(7 / 2) = 6',
    );
    expect(forced('round(-2.5) + round(2.5) + abs(-3)', []).total).toBe(3);
  });

  it('keeps exact fractions in total and shows 4 decimals in text', () => {
    const half = forced('7 / 2', []);
    expect(half.total).toBe(3.5);
    expect(half.text).toBe('7 / 2 = 3.5');
    const third = forced('1d6 / 3', [1]);
    expect(third.total).toBe(1 / 3);
    expect(third.text).toBe('1d6 [1] / 3 = 0.3333');
  });

  it('never returns negative zero', () => {
    expect(Object.is(forced('0 * -1', []).total, 0)).toBe(true);
    expect(Object.is(forced('-(0d6)', []).total, 0)).toBe(true);
    expect(Object.is(forced('ceil(-0.5)', []).total, 0)).toBe(true);
  });
});
