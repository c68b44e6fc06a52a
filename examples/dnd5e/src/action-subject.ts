/**
 * The character or creature a custom action is about (`payload.actorId`).
 */
import type { ActionContext } from '@vtt/sdk';
import { readCreature, type Creature } from './creature.js';
import type { Actor } from './sdk-types.js';

/** Whether the acting user sees `actor`'s data: the GM, or an observer or owner (not `limited`). */
function seesData(ctx: ActionContext<{ actorId: string }>, actor: Actor): boolean {
  const level = actor.ownership[ctx.user.id] ?? actor.defaultOwnership;
  return ctx.user.role === 'gm' || level === 'observer' || level === 'owner';
}

/**
 * The actor of `payload.actorId` read as a character or creature; refused
 * when there is none, the acting user may not see its data (the same
 * refusal, so that no rejection names or describes what they may not see),
 * or it is of another type.
 *
 * @example
 * const { actor, creature } = actionSubject(ctx);
 */
export function actionSubject(ctx: ActionContext<{ actorId: string }>): {
  actor: Actor;
  creature: Creature;
} {
  const found = ctx.actor(ctx.payload.actorId);
  const actor =
    found !== undefined && seesData(ctx, found)
      ? found
      : ctx.reject(`no actor ${ctx.payload.actorId}`);
  const creature = readCreature(actor);
  if (creature === undefined) {
    return ctx.reject(`${actor.name} is a ${actor.type}, not a D&D character or creature`);
  }
  return { actor, creature };
}
