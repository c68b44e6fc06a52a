import { VttError } from '../errors/vtt-error.js';
import type { DiceCompare, DiceReroll, DiceTermNode } from './ast.js';
import { matches } from './compare.js';
import { formatDiceTerm } from './format.js';
import type { DiceLimits } from './limits.js';
import type { DiceDraw, DiceTermResult, DieResult, TermResult } from './result.js';
import { countOutcomes, droppedByKeep, type Countable } from './select.js';
import type { DiceSource } from './source.js';

/** The state of one roll while it is evaluated. */
export interface RollContext {
  readonly source: DiceSource;
  readonly limits: DiceLimits;
  readonly draws: DiceDraw[];
  /** Where finished terms go: the roll's list, or a pool group's while that group is evaluated. */
  terms: TermResult[];
}

type MutableDie = { -readonly [K in keyof DieResult]: DieResult[K] };

/** Draws one face from the source, enforcing the dice cap and the source contract. */
export function draw(ctx: RollContext, sides: number): number {
  const index = ctx.draws.length;
  if (index >= ctx.limits.maxDice) {
    throw new VttError('VTT_ERR_DICE_TOO_MANY_DICE', { count: index + 1, max: ctx.limits.maxDice });
  }
  const value = ctx.source.next(sides);
  if (!Number.isInteger(value) || value < 1 || value > sides) {
    throw new VttError('VTT_ERR_DICE_SOURCE_VALUE', { value: String(value), sides, index });
  }
  ctx.draws.push({ sides, value });
  return value;
}

function newDie(sides: number | 'F', value: number, fromExplosion: boolean): MutableDie {
  return {
    sides,
    value,
    dropped: false,
    rerolled: false,
    exploded: false,
    fromExplosion,
    clamped: false,
    success: false,
    failure: false,
  };
}

function explosionLimit(node: DiceTermNode, limits: DiceLimits): VttError {
  return new VttError('VTT_ERR_DICE_EXPLOSION_LIMIT', {
    sides: node.sides,
    max: limits.maxExplosionDepth,
  });
}

function shouldReroll(rerolls: readonly DiceReroll[], face: number, first: boolean): boolean {
  for (const reroll of rerolls) {
    if ((first || !reroll.once) && matches(reroll.compare, face)) return true;
  }
  return false;
}

/**
 * Draws one die and rerolls it while a reroll condition holds (`ro` only on
 * the first face); each replaced face goes into `dice` marked `rerolled`.
 * Returns the face that stays.
 */
function settle(
  ctx: RollContext,
  node: DiceTermNode,
  dice: MutableDie[],
  fromExplosion: boolean,
): number {
  const fate = node.sides === 'F';
  const faces = fate ? 3 : (node.sides as number);
  let face = fate ? draw(ctx, 3) - 2 : draw(ctx, faces);
  const rerolls = node.modifiers.rerolls;
  if (rerolls === undefined) return face;
  for (let count = 0; shouldReroll(rerolls, face, count === 0);) {
    if (++count > ctx.limits.maxExplosionDepth) throw explosionLimit(node, ctx.limits);
    const replaced = newDie(node.sides, face, fromExplosion);
    replaced.rerolled = true;
    dice.push(replaced);
    face = fate ? draw(ctx, 3) - 2 : draw(ctx, faces);
  }
  return face;
}

/** Rolls one die of the term with its explosions, pushing every resulting die. */
function rollOne(ctx: RollContext, node: DiceTermNode, dice: MutableDie[], on: DiceCompare): void {
  const explode = node.modifiers.explode;
  let face = settle(ctx, node, dice, false);
  if (explode === undefined) {
    dice.push(newDie(node.sides, face, false));
    return;
  }
  const max = ctx.limits.maxExplosionDepth;
  if (explode.mode === 'compound') {
    let total = face;
    let chain = 0;
    while (matches(on, face)) {
      if (++chain > max) throw explosionLimit(node, ctx.limits);
      face = settle(ctx, node, dice, false);
      total += face;
    }
    const die = newDie(node.sides, total, false);
    die.exploded = chain > 0;
    dice.push(die);
    return;
  }
  const penalty = explode.mode === 'penetrate' ? 1 : 0;
  for (let chain = 0; ; chain++) {
    const die = newDie(node.sides, chain === 0 ? face : face - penalty, chain > 0);
    dice.push(die);
    if (!matches(on, face)) return;
    die.exploded = true;
    if (chain + 1 > max) throw explosionLimit(node, ctx.limits);
    face = settle(ctx, node, dice, true);
  }
}

const notations = new WeakMap<DiceTermNode, string>();
const isSettled = (die: Countable): boolean => !(die as MutableDie).rerolled;

/**
 * Rolls a dice term: rerolls, explosions, `min`/`max`, keep/drop, then
 * success/failure counting, in that order whatever order they were written in.
 */
export function rollDiceTerm(node: DiceTermNode, ctx: RollContext): DiceTermResult {
  const m = node.modifiers;
  const dice: MutableDie[] = [];
  const on = m.explode?.compare ?? { op: '=', value: node.sides === 'F' ? 1 : node.sides };
  for (let i = 0; i < node.count; i++) rollOne(ctx, node, dice, on);

  if (m.min !== undefined || m.max !== undefined) {
    for (const die of dice) {
      if (die.rerolled) continue;
      let value = die.value;
      if (m.min !== undefined && value < m.min) value = m.min;
      if (m.max !== undefined && value > m.max) value = m.max;
      if (value !== die.value) {
        die.value = value;
        die.clamped = true;
      }
    }
  }
  if (m.keep !== undefined) {
    const settled = m.rerolls === undefined ? dice : dice.filter(isSettled);
    const values = new Array<number>(settled.length);
    for (let i = 0; i < settled.length; i++) values[i] = settled[i]!.value;
    const dropped = droppedByKeep(values, m.keep);
    for (let i = 0; i < settled.length; i++) settled[i]!.dropped = dropped[i]!;
  }
  const outcome = countOutcomes(dice, isSettled, m.success, m.failure);

  let notation = notations.get(node);
  if (notation === undefined) {
    notation = formatDiceTerm(node);
    notations.set(node, notation);
  }
  const result = { type: 'dice', notation } as {
    -readonly [K in keyof DiceTermResult]: DiceTermResult[K];
  };
  if (node.label !== undefined) result.label = node.label;
  result.value = outcome.value;
  if (outcome.counting) {
    result.successes = outcome.successes;
    result.failures = outcome.failures;
  }
  result.dice = dice;
  return result;
}
