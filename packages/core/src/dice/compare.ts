import { VttError } from '../errors/vtt-error.js';
import type { DiceCompare, DiceTermNode } from './ast.js';
import type { DiceLimits } from './limits.js';

/** True when `value` meets the compare point. */
export function matches(compare: DiceCompare, value: number): boolean {
  switch (compare.op) {
    case '=':
      return value === compare.value;
    case '>':
      return value > compare.value;
    case '>=':
      return value >= compare.value;
    case '<':
      return value < compare.value;
    case '<=':
      return value <= compare.value;
  }
}

/** Lowest and highest face of a die: 1..sides, or -1..1 for Fate. */
export function faceRange(sides: number | 'F'): [number, number] {
  return sides === 'F' ? [-1, 1] : [1, sides];
}

type Interval = [number, number];

/** The faces in `[lo, hi]` a compare point matches, as one interval, or `null`. */
function matchedFaces(compare: DiceCompare, lo: number, hi: number): Interval | null {
  const v = compare.value;
  let range: Interval;
  switch (compare.op) {
    case '=':
      range = [v, v];
      break;
    case '>':
      range = [v + 1, hi];
      break;
    case '>=':
      range = [v, hi];
      break;
    case '<':
      range = [lo, v - 1];
      break;
    case '<=':
      range = [lo, v];
      break;
  }
  const from = Math.max(lo, range[0]);
  const to = Math.min(hi, range[1]);
  return from <= to ? [from, to] : null;
}

/** The faces in `[lo, hi]` that none of `compares` matches, as sorted disjoint intervals. */
function unmatchedFaces(compares: readonly DiceCompare[], lo: number, hi: number): Interval[] {
  const matched = compares
    .map((compare) => matchedFaces(compare, lo, hi))
    .filter((range): range is Interval => range !== null)
    .sort((a, b) => a[0] - b[0]);
  const gaps: Interval[] = [];
  let next = lo;
  for (const [from, to] of matched) {
    if (from > next) gaps.push([next, from - 1]);
    next = Math.max(next, to + 1);
  }
  if (next <= hi) gaps.push([next, hi]);
  return gaps;
}

/**
 * Refuses, before any die is drawn, a term that could never settle: every
 * face rerolled again (`1d1r1`, `d6r<7`), or every face a die can settle on
 * exploding (`1d1!`, `d6r<6!`). Runs at parse time; throws or returns nothing.
 */
export function checkTermTerminates(
  node: DiceTermNode,
  limits: DiceLimits,
  position: number,
): void {
  const [lo, hi] = faceRange(node.sides);
  const recurring = (node.modifiers.rerolls ?? [])
    .filter((reroll) => !reroll.once)
    .map((reroll) => reroll.compare);
  const settled = unmatchedFaces(recurring, lo, hi);
  if (settled.length === 0) {
    throw new VttError('VTT_ERR_DICE_IMPOSSIBLE_REROLL', { sides: node.sides, position });
  }
  const explode = node.modifiers.explode;
  if (explode === undefined) return;
  const exploding = matchedFaces(explode.compare ?? { op: '=', value: hi }, lo, hi);
  if (exploding === null) return;
  if (settled.every(([from, to]) => from >= exploding[0] && to <= exploding[1])) {
    throw new VttError('VTT_ERR_DICE_EXPLOSION_LIMIT', {
      sides: node.sides,
      max: limits.maxExplosionDepth,
      position,
    });
  }
}
