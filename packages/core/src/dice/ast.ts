/**
 * The parsed form of dice notation. Plain JSON data: {@link parseDice}
 * returns it, {@link formatDice} turns it back into canonical notation, and
 * it can be stored or sent as is.
 */

/** Operators of a compare point (`r<3`, `!>=5`, `>=8`, `f1`). `>` is strict, unlike Roll20. */
export const COMPARE_OPERATORS = ['=', '>', '>=', '<', '<='] as const;
/** One of {@link COMPARE_OPERATORS}. */
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

/** A compare point: a face matches when `face <op> value`. */
export interface DiceCompare {
  readonly op: CompareOperator;
  readonly value: number;
}

/** Keep highest, keep lowest, drop highest, drop lowest (`k` = `kh`, `d` = `dl`). */
export const KEEP_MODES = ['kh', 'kl', 'dh', 'dl'] as const;
/** One of {@link KEEP_MODES}. */
export type KeepMode = (typeof KEEP_MODES)[number];

/** A keep/drop modifier: `4d6kh3` is `{ mode: 'kh', count: 3 }`. */
export interface DiceKeep {
  readonly mode: KeepMode;
  readonly count: number;
}

/** `!` adds a die, `!!` adds into the same die, `!p` adds a die that counts one less. */
export const EXPLODE_MODES = ['explode', 'compound', 'penetrate'] as const;
/** One of {@link EXPLODE_MODES}. */
export type ExplodeMode = (typeof EXPLODE_MODES)[number];

/** An explode modifier. Without `compare` the die explodes on its highest face. */
export interface DiceExplode {
  readonly mode: ExplodeMode;
  readonly compare?: DiceCompare;
}

/** A reroll modifier: `r1` (again until it no longer matches) or `ro1` (once). */
export interface DiceReroll {
  readonly compare: DiceCompare;
  readonly once: boolean;
}

/** The modifiers of a dice term; absent keys are not used. Applied in a fixed order (see docs). */
export interface DiceModifiers {
  readonly rerolls?: readonly DiceReroll[];
  readonly explode?: DiceExplode;
  readonly min?: number;
  readonly max?: number;
  readonly keep?: DiceKeep;
  readonly success?: DiceCompare;
  readonly failure?: DiceCompare;
}

/** The modifiers a pool `{...}` accepts: keep/drop and success/failure counting over groups. */
export interface PoolModifiers {
  readonly keep?: DiceKeep;
  readonly success?: DiceCompare;
  readonly failure?: DiceCompare;
}

/** Functions of the notation: `floor(7/2)`; `round` rounds halves away from zero. */
export const DICE_FUNCTIONS = ['floor', 'ceil', 'round', 'abs'] as const;
/** One of {@link DICE_FUNCTIONS}. */
export type DiceFunction = (typeof DICE_FUNCTIONS)[number];

/** A constant, `5` or `1.5`, optionally labelled: `5[strength]`. */
export interface NumberNode {
  readonly type: 'number';
  readonly value: number;
  readonly label?: string;
}

/** A dice term: `4d6kh3[fire]`. `sides` is `'F'` for Fate dice; `d%` parses as 100. */
export interface DiceTermNode {
  readonly type: 'dice';
  readonly count: number;
  readonly sides: number | 'F';
  readonly modifiers: DiceModifiers;
  readonly label?: string;
}

/** A pool `{4d6, 3d8}kh1`: each group is one value. */
export interface PoolNode {
  readonly type: 'pool';
  readonly groups: readonly DiceNode[];
  readonly modifiers: PoolModifiers;
  readonly label?: string;
}

/** Unary minus: `-1d6`. (Unary plus is dropped while parsing.) */
export interface NegateNode {
  readonly type: 'negate';
  readonly operand: DiceNode;
}

/** `a + b - c` as one node, so long chains do not nest deeply. */
export interface SumNode {
  readonly type: 'sum';
  readonly first: DiceNode;
  readonly rest: readonly { readonly op: '+' | '-'; readonly operand: DiceNode }[];
}

/** `a * b / c` as one node. */
export interface ProductNode {
  readonly type: 'product';
  readonly first: DiceNode;
  readonly rest: readonly { readonly op: '*' | '/'; readonly operand: DiceNode }[];
}

/** A function call: `floor(1d6 / 2)`. */
export interface CallNode {
  readonly type: 'call';
  readonly fn: DiceFunction;
  readonly arg: DiceNode;
}

/** Any node of a parsed dice expression. Parentheses are not nodes: they shape the tree. */
export type DiceNode =
  NumberNode | DiceTermNode | PoolNode | NegateNode | SumNode | ProductNode | CallNode;
