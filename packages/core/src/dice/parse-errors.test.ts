import { describe, expect, it } from 'vitest';
import { isVttError } from '../errors/vtt-error.js';
import { parseDice } from './parse.js';

/** The error `fn` throws, checked to be a VttError. */
function thrown(fn: () => unknown): { code: string; params: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    if (!isVttError(error)) throw error;
    return { code: error.code, params: error.params };
  }
  throw new Error('expected a VttError, but nothing was thrown');
}

/** [notation, 0-based position of the problem]. */
const SYNTAX_ERRORS: readonly (readonly [string, number])[] = [
  ['2d', 2], // no sides
  ['d', 1],
  ['4d6kk', 4], // a second keep
  ['(1d6', 4], // unclosed '('
  ['1d6)', 3], // stray ')'
  ['{}', 1], // empty pool
  ['3d6>=', 5], // no target
  ['abc', 0], // unknown name
  ['1d6+', 4], // missing operand
  ['1d6 1d6', 4], // missing operator
  ['2d6[fire', 3], // unclosed label
  ['2d6[]', 3], // empty label
  ['1d6r', 4], // reroll without target
  ['1d6f', 4], // failure without target
  ['{1d6,}', 5], // empty group
  ['{1d6 1d6}', 5],
  ['{1d6}r1', 5], // pools take no rerolls
  ['1..5', 2],
  ['1d6!!!', 5], // a second explode
  ['1.5d6', 0], // fractional count
  ['2x3', 1],
  ['10d6 >= 5', 5], // modifiers must touch the dice
  ['floor 1d6', 6], // no '('
  ['floor(1d6', 9],
  ['4d6q', 3], // unknown modifier
  ['1d6mx', 3],
  ['1d6min', 6],
  ['*2', 0],
  [',', 0],
  ['1d6>=x', 5],
  ['(1d6)kh1', 5], // modifiers only on dice and pools
  ['9'.repeat(20), 0], // past 2^53
];

describe('parseDice errors', () => {
  it.each(SYNTAX_ERRORS)(
    'refuses %j with VTT_ERR_DICE_SYNTAX at position %i, with a hint',
    (notation, position) => {
      const error = thrown(() => parseDice(notation));
      expect(error.code).toBe('VTT_ERR_DICE_SYNTAX');
      expect(error.params['position']).toBe(position);
      expect(typeof error.params['hint']).toBe('string');
      expect(String(error.params['hint']).length).toBeGreaterThan(5);
    },
  );

  it('refuses empty and blank notation with VTT_ERR_DICE_EMPTY', () => {
    expect(thrown(() => parseDice('')).code).toBe('VTT_ERR_DICE_EMPTY');
    expect(thrown(() => parseDice(' \t ')).code).toBe('VTT_ERR_DICE_EMPTY');
  });

  it('refuses a die with no sides with VTT_ERR_DICE_BAD_SIDES, pointing at the sides', () => {
    const error = thrown(() => parseDice('1 + 3d0'));
    expect(error.code).toBe('VTT_ERR_DICE_BAD_SIDES');
    expect(error.params['position']).toBe(6);
  });

  it('refuses input that is not a string (from untyped callers)', () => {
    expect(thrown(() => parseDice(42 as unknown as string)).code).toBe('VTT_ERR_DICE_SYNTAX');
  });

  it('accepts the near misses of the bad inputs', () => {
    for (const good of ['2d6', '1d6', '4d6kh3', '(1d6)', '{1d6}', '3d6>=5', 'abs(1)', '1d6+1']) {
      expect(() => parseDice(good)).not.toThrow();
    }
  });
});
