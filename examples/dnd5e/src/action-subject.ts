/**
 * The character or creature a custom action is about (`payload.actorId`).
 */
import type { ActionContext } from '@vtt/sdk';
import { readCreature, type Creature } from './creature.js';
import type { Actor } from './sdk-types.js';

/**
 * The actor of `payload.actorId` read as a character or creature; refused
 * when there is none or it is of another type.
 *
 * @example
 * const { actor, creature } = actionSubject(ctx);
 */
export function actionSubject(ctx: ActionContext<{ actorId: string }>): {
  actor: Actor;
  creature: Creature;
} {
  const actor = ctx.actor(ctx.payload.actorId) ?? ctx.reject(`no actor ${ctx.payload.actorId}`);
  const creature = readCreature(actor);
  if (creature === undefined) {
    return ctx.reject(`${actor.name} is a ${actor.type}, not a D&D character or creature`);
  }
  return { actor, creature };
}
