import { VttError } from '../errors/vtt-error.js';
import type { Rng } from '../random/rng.js';
import type { DiceDraw } from './result.js';

/**
 * Where dice faces come from. `next(sides)` returns a whole number from 1 to
 * `sides`; {@link roll} checks it and throws `VTT_ERR_DICE_SOURCE_VALUE` otherwise.
 */
export interface DiceSource {
  next(sides: number): number;
}

/**
 * A dice source drawing from a seeded {@link Rng}: each face is
 * `rng.below(sides) + 1`, so the same seed gives the same dice everywhere.
 * Runs one draw per die; returns the source.
 *
 * @example
 * const source = rngDiceSource(createRng('campaign-7'));
 * roll('1d20+5', { source });
 */
export function rngDiceSource(rng: Rng): DiceSource {
  return new RngDiceSource(rng);
}

/** A class rather than a closure: one roll creates one, and this is the cheapest shape. */
class RngDiceSource implements DiceSource {
  constructor(private readonly rng: Rng) {}

  next(sides: number): number {
    return this.rng.below(sides) + 1;
  }
}

/**
 * A dice source that returns `values` in order, whatever the die: for tests
 * that force results. Running out throws `VTT_ERR_DICE_SOURCE_EXHAUSTED`.
 * A Fate die draws a d3: 1 is -1, 2 is 0, 3 is +1.
 *
 * @example
 * roll('1d6!', { source: forcedDiceSource([6, 6, 2]) }).total; // 14
 */
export function forcedDiceSource(values: readonly number[]): DiceSource {
  const copy = values.slice();
  let index = 0;
  return {
    next() {
      if (index >= copy.length) {
        throw new VttError('VTT_ERR_DICE_SOURCE_EXHAUSTED', { count: copy.length });
      }
      return copy[index++]!;
    },
  };
}

/**
 * A dice source that replays recorded draws (`RollResult.draws`), checking
 * that each draw is asked for with the same number of faces
 * (`VTT_ERR_DICE_REPLAY_MISMATCH`). Running out throws
 * `VTT_ERR_DICE_SOURCE_EXHAUSTED`.
 *
 * @example
 * const first = roll('4d6kh3', { seed: 42 });
 * const again = roll('4d6kh3', { source: replayDiceSource(first.draws) }); // deep-equals first
 */
export function replayDiceSource(draws: readonly DiceDraw[]): DiceSource {
  const copy = draws.map((draw) => ({ sides: draw.sides, value: draw.value }));
  let index = 0;
  return {
    next(sides) {
      const draw = copy[index];
      if (draw === undefined) {
        throw new VttError('VTT_ERR_DICE_SOURCE_EXHAUSTED', { count: copy.length });
      }
      if (draw.sides !== sides) {
        throw new VttError('VTT_ERR_DICE_REPLAY_MISMATCH', {
          index,
          recorded: draw.sides,
          sides,
        });
      }
      index++;
      return draw.value;
    },
  };
}
