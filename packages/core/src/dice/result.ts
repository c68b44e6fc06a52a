/**
 * The result of a roll, as plain JSON data. See docs/reference/dice.md,
 * "The result".
 */

/** One raw draw from the dice source: a face from 1 to `sides` (a Fate die draws a d3). */
export interface DiceDraw {
  readonly sides: number;
  readonly value: number;
}

/**
 * One die of a dice term. A die counts toward its term unless `dropped` or
 * `rerolled` is set.
 */
export interface DieResult {
  /** Faces of the die, or `'F'` for a Fate die (-1, 0, +1). */
  readonly sides: number | 'F';
  /** What the die is worth: its face, minus 1 for a penetrating extra die, the sum of a compounded die, after `min`/`max`. */
  readonly value: number;
  /** Removed by a keep/drop modifier. */
  readonly dropped: boolean;
  /** Replaced by a reroll: the next die of the list is its replacement. */
  readonly rerolled: boolean;
  /** Triggered an explosion (for `!!`: compounded at least once). */
  readonly exploded: boolean;
  /** Added by the explosion of the die before it. */
  readonly fromExplosion: boolean;
  /** Raised by `min` or lowered by `max`. */
  readonly clamped: boolean;
  /** Met the success target (only with success counting). */
  readonly success: boolean;
  /** Met the failure target (only with failure counting). */
  readonly failure: boolean;
}

/** A rolled dice term such as `4d6kh3[fire]`. */
export interface DiceTermResult {
  readonly type: 'dice';
  /** Canonical notation of the term, without its label: `'4d6kh3'`. */
  readonly notation: string;
  readonly label?: string;
  /** What the term adds to the expression: the sum of counted dice, or successes minus failures. */
  readonly value: number;
  /** Present when the term counts successes or failures. */
  readonly successes?: number;
  readonly failures?: number;
  /** Every die in the order drawn, rerolled and exploded ones included. */
  readonly dice: readonly DieResult[];
}

/** One group of a pool: `4d6` in `{4d6, 3d8}kh1`. */
export interface PoolGroupResult {
  /** Canonical notation of the group. */
  readonly notation: string;
  readonly value: number;
  readonly dropped: boolean;
  readonly success: boolean;
  readonly failure: boolean;
  /** The dice and pool terms inside the group. */
  readonly terms: readonly TermResult[];
}

/** A rolled pool such as `{4d6, 3d8}kh1`. */
export interface PoolTermResult {
  readonly type: 'pool';
  readonly notation: string;
  readonly label?: string;
  readonly value: number;
  readonly successes?: number;
  readonly failures?: number;
  readonly groups: readonly PoolGroupResult[];
}

/** A dice term or a pool. */
export type TermResult = DiceTermResult | PoolTermResult;

/**
 * Everything about one roll. JSON-serialisable; `draws` replays it exactly
 * through `replayDiceSource`.
 */
export interface RollResult {
  /** The notation as given. */
  readonly notation: string;
  /** The value of the whole expression; exact (fractions are kept, see docs). */
  readonly total: number;
  /** Sum of the successes of the outermost terms that count them. */
  readonly successes?: number;
  /** Sum of the failures of the outermost terms that count them. */
  readonly failures?: number;
  /** The outermost dice terms and pools, in the order they appear. */
  readonly terms: readonly TermResult[];
  /** Human-readable breakdown, e.g. `4d6kh3 [6, 5, 3, 1d] = 14`. */
  readonly text: string;
  /** Every raw draw, in order. */
  readonly draws: readonly DiceDraw[];
  /**
   * The id of the host's record of this roll (see `RollRecord`): set when the
   * table's generator drew it (core's rolls, `ctx.dice.roll` in a module).
   */
  readonly id?: string;
}
