import { describe, expect, it } from 'vitest';
import { isVttError } from '../errors/vtt-error.js';
import { DEFAULT_DICE_LIMITS, type DiceLimits } from './limits.js';
import { parseDice } from './parse.js';
import { roll } from './roll.js';
import { forcedDiceSource, type DiceSource } from './source.js';

/** A source that counts its draws and always returns `face` (clamped to the die). */
function constantSource(face: number): DiceSource & { readonly calls: number } {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    next(sides) {
      calls++;
      return Math.min(face, sides);
    },
  };
}

function thrown(fn: () => unknown): { code: string; params: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    if (isVttError(error)) return { code: error.code, params: error.params };
    throw error;
  }
  return { code: 'no error', params: {} };
}

const rollWith = (
  notation: string,
  limits?: Partial<DiceLimits>,
  source: DiceSource = constantSource(1),
) => thrown(() => roll(notation, { source, limits }));

describe('dice limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_DICE_LIMITS).toEqual({
      maxLength: 1000,
      maxDepth: 32,
      maxDice: 1000,
      maxSides: 1_000_000,
      maxExplosionDepth: 100,
    });
  });

  it('VTT_ERR_DICE_EXPRESSION_TOO_LONG: a 100k-character string is refused before parsing', () => {
    const error = thrown(() => parseDice('1+'.repeat(50_000)));
    expect(error.code).toBe('VTT_ERR_DICE_EXPRESSION_TOO_LONG');
    expect(error.params).toEqual({ length: 100_000, max: 1000 });
    expect(thrown(() => parseDice('1d6+1d6', { maxLength: 6 })).code).toBe(
      'VTT_ERR_DICE_EXPRESSION_TOO_LONG',
    );
    expect(() => parseDice('1d6+1d6', { maxLength: 7 })).not.toThrow();
  });

  it('VTT_ERR_DICE_NESTING_TOO_DEEP: 33 levels of ( { floor( or unary minus', () => {
    const nest = (open: string, close: string, n: number) =>
      open.repeat(n) + '1d6' + close.repeat(n);
    expect(() => parseDice(nest('(', ')', 32))).not.toThrow();
    expect(thrown(() => parseDice(nest('(', ')', 33))).code).toBe('VTT_ERR_DICE_NESTING_TOO_DEEP');
    expect(thrown(() => parseDice(nest('{', '}', 33))).code).toBe('VTT_ERR_DICE_NESTING_TOO_DEEP');
    expect(thrown(() => parseDice(nest('abs(', ')', 33))).code).toBe(
      'VTT_ERR_DICE_NESTING_TOO_DEEP',
    );
    expect(thrown(() => parseDice(nest('-', '', 33))).code).toBe('VTT_ERR_DICE_NESTING_TOO_DEEP');
  });

  it('stops 10,000 nested parentheses: too long by default, too deep when length is allowed', () => {
    const deep = '('.repeat(10_000) + '1' + ')'.repeat(10_000);
    expect(rollWith(deep).code).toBe('VTT_ERR_DICE_EXPRESSION_TOO_LONG');
    const error = rollWith(deep, { maxLength: 100_000 });
    expect(error.code).toBe('VTT_ERR_DICE_NESTING_TOO_DEEP');
    expect(error.params['position']).toBe(32);
  });

  it('VTT_ERR_DICE_TOO_MANY_DICE before rolling: 1000000000d6 draws nothing', () => {
    const source = constantSource(3);
    const error = rollWith('1000000000d6', undefined, source);
    expect(error.code).toBe('VTT_ERR_DICE_TOO_MANY_DICE');
    expect(error.params['count']).toBe(1_000_000_000);
    expect(source.calls).toBe(0);
    expect(rollWith('600d6 + 401d6').code).toBe('VTT_ERR_DICE_TOO_MANY_DICE');
    expect(rollWith('9'.repeat(400) + 'd6').code).toBe('VTT_ERR_DICE_TOO_MANY_DICE');
    expect(rollWith('1000d6').code).toBe('no error');
  });

  it('VTT_ERR_DICE_TOO_MANY_DICE while rolling: explosions and rerolls count', () => {
    const exploding = forcedDiceSource([6, 1, 1, 1]);
    expect(rollWith('3d6!', { maxDice: 3 }, exploding).code).toBe('VTT_ERR_DICE_TOO_MANY_DICE');
    const rerolled = forcedDiceSource([1, 2, 2]);
    expect(rollWith('2d6r1', { maxDice: 2 }, rerolled).code).toBe('VTT_ERR_DICE_TOO_MANY_DICE');
    expect(rollWith('3d6!', { maxDice: 4 }, forcedDiceSource([6, 1, 1, 1])).code).toBe('no error');
  });

  it('VTT_ERR_DICE_TOO_MANY_SIDES and VTT_ERR_DICE_BAD_SIDES', () => {
    expect(rollWith('1d1000001').code).toBe('VTT_ERR_DICE_TOO_MANY_SIDES');
    expect(rollWith('1d1000000').code).toBe('no error');
    expect(rollWith('1d' + '9'.repeat(400)).code).toBe('VTT_ERR_DICE_TOO_MANY_SIDES');
    expect(rollWith('d%', { maxSides: 50 }).code).toBe('VTT_ERR_DICE_TOO_MANY_SIDES');
    expect(rollWith('2d0').code).toBe('VTT_ERR_DICE_BAD_SIDES');
  });

  it('VTT_ERR_DICE_EXPLOSION_LIMIT up front when every face explodes: 1d1! draws nothing', () => {
    for (const notation of ['1d1!', '1d1!!', '1d1!p', '1d6!>0', '1d6!<=6', '1dF!>=-1', '1d6r<6!']) {
      const source = constantSource(1);
      expect(rollWith(notation, undefined, source).code).toBe('VTT_ERR_DICE_EXPLOSION_LIMIT');
      expect(source.calls).toBe(0);
    }
    expect(rollWith('1d6r<5!', undefined, constantSource(5)).code).toBe('no error');
  });

  it('VTT_ERR_DICE_EXPLOSION_LIMIT while rolling: the chain of one die is capped', () => {
    const limits = { maxExplosionDepth: 3 };
    expect(rollWith('1d6!', limits, forcedDiceSource([6, 6, 6, 1])).code).toBe('no error');
    expect(rollWith('1d6!', limits, forcedDiceSource([6, 6, 6, 6, 1])).code).toBe(
      'VTT_ERR_DICE_EXPLOSION_LIMIT',
    );
    expect(rollWith('1d6!!', limits, forcedDiceSource([6, 6, 6, 6, 1])).code).toBe(
      'VTT_ERR_DICE_EXPLOSION_LIMIT',
    );
    expect(rollWith('1d6r1', limits, forcedDiceSource([1, 1, 1, 2])).code).toBe('no error');
    expect(rollWith('1d6r1', limits, forcedDiceSource([1, 1, 1, 1, 2])).code).toBe(
      'VTT_ERR_DICE_EXPLOSION_LIMIT',
    );
    const always6 = constantSource(6);
    expect(rollWith('1d6!', undefined, always6).code).toBe('VTT_ERR_DICE_EXPLOSION_LIMIT');
    expect(always6.calls).toBe(101);
  });

  it('VTT_ERR_DICE_IMPOSSIBLE_REROLL when no face can stay', () => {
    for (const notation of ['1d1r1', 'd6r<7', '1d6r<4r>3', '4dFr<=1', '1d6r>=1']) {
      expect(rollWith(notation).code).toBe('VTT_ERR_DICE_IMPOSSIBLE_REROLL');
    }
    expect(rollWith('1d1ro1').code).toBe('no error');
    expect(rollWith('1d6r<6', undefined, constantSource(6)).code).toBe('no error');
  });

  it('VTT_ERR_DICE_DIVISION_BY_ZERO, also when the divisor is rolled', () => {
    expect(rollWith('1/0').code).toBe('VTT_ERR_DICE_DIVISION_BY_ZERO');
    expect(rollWith('1d6 / (1d1 - 1)').code).toBe('VTT_ERR_DICE_DIVISION_BY_ZERO');
  });

  it('VTT_ERR_DICE_NUMBER_TOO_LARGE instead of Infinity', () => {
    const huge = Array.from({ length: 22 }, () => '999999999999999').join(' * ');
    expect(rollWith(huge).code).toBe('VTT_ERR_DICE_NUMBER_TOO_LARGE');
    expect(rollWith('9'.repeat(400)).code).toBe('VTT_ERR_DICE_SYNTAX');
  });
});
