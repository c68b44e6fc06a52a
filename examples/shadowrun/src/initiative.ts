/**
 * Initiative: Reaction + Intuition + Nd6 (N initiative dice: 1, plus what
 * cyberware adds, up to 5), with augmented Reaction, lowered by the wound
 * modifier, with a pass every 10 points (the engine runs the passes).
 */
import type { InitiativeModel } from '@vtt/sdk';
import { isShadowrunActor } from './actor-data.js';
import { woundModifier } from './derived.js';
import { statsOf, type Stats } from './stats.js';

/** Initiative lost per pass: a score of 21+ acts three times, 11-20 twice. */
export const PASS_STEP = 10;

/**
 * The tie-break key: Edge first, then Reaction (each read up to 99).
 * Higher wins.
 */
export function tieBreakKey(stats: Pick<Stats, 'attributes'>): number {
  const cap = (n: number) => Math.max(0, Math.min(99, n));
  return cap(stats.attributes.edge) * 100 + cap(stats.attributes.reaction);
}

/**
 * The combatant's initiative value from its score: the score plus a
 * fraction under 0.01 that grows with the tie-break key, so ties go to
 * higher Edge, then Reaction. The engine counts passes on the whole part
 * only, so the fraction never earns a pass.
 *
 * @example
 * initiativeValue(21, 305); // 21.000305: three passes, before a 21 with less Edge
 */
export function initiativeValue(score: number, key: number): number {
  return score + key / 1_000_000;
}

/** The initiative model: a score of 0 or less still acts in the first pass. */
export const initiative: InitiativeModel = {
  passStep: PASS_STEP,
  roll(ctx) {
    const actor = ctx.subject;
    if (actor === undefined || !isShadowrunActor(actor)) {
      const plain = ctx.dice.roll('1d6', { label: 'Initiative' });
      return initiativeValue(plain.total, 0);
    }
    const stats = statsOf(ctx, actor);
    const dice = ctx.dice.roll(`${stats.initiativeDice}d6`, { label: 'Initiative' });
    const score = Math.max(
      0,
      stats.attributes.reaction + stats.attributes.intuition + dice.total + woundModifier(stats),
    );
    return initiativeValue(score, tieBreakKey(stats));
  },
};
