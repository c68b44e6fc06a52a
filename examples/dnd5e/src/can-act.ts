/**
 * Who can do what: a dead creature does nothing (no attack, check, save,
 * concentration or rest), and an incapacitated one (which includes
 * paralyzed, petrified, stunned and unconscious) takes no actions or
 * reactions, so it makes no attack and starts no concentration. It still
 * makes the checks and saves the GM calls for (STR and DEX saves fail).
 */
import type { ModuleContext } from '@vtt/sdk';
import { INCAPACITATING, isDead, type Condition } from './conditions.js';
import type { Creature } from './creature.js';

/**
 * Refuses `doing` (e.g. `'attack'`) for a dead creature.
 *
 * @example
 * assertAlive(ctx, creature, 'make a saving throw');
 */
export function assertAlive(ctx: ModuleContext, creature: Creature, doing: string): void {
  if (isDead(creature)) ctx.reject(`${creature.name} is dead and cannot ${doing}`);
}

/**
 * Refuses an action or reaction (`doing`) of a dead or incapacitated
 * creature, naming the condition that stops it.
 *
 * @example
 * assertCanAct(ctx, creature, conditions, 'attack'); // "Ayla is stunned and cannot attack"
 */
export function assertCanAct(
  ctx: ModuleContext,
  creature: Creature,
  conditions: readonly Condition[],
  doing: string,
): void {
  assertAlive(ctx, creature, doing);
  const stopping =
    INCAPACITATING.filter((c) => c !== 'incapacitated').find((c) => conditions.includes(c)) ??
    (conditions.includes('incapacitated') ? 'incapacitated' : undefined);
  if (stopping !== undefined) ctx.reject(`${creature.name} is ${stopping} and cannot ${doing}`);
}
