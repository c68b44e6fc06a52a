/**
 * Who may roll for which actor.
 */
import type { ModuleContext } from '@vtt/sdk';
import { isShadowrunActor, type Actor } from './actor-data.js';

const levelOf = (ctx: Pick<ModuleContext, 'user'>, actor: Actor) =>
  actor.ownership[ctx.user.id] ?? actor.defaultOwnership;

/** Whether the acting user owns `actor` (the GM owns every actor). */
export function ownsActor(ctx: Pick<ModuleContext, 'user'>, actor: Actor): boolean {
  return ctx.user.role === 'gm' || levelOf(ctx, actor) === 'owner';
}

/**
 * Whether the acting user may see `actor`'s data (observer or owner, or the
 * GM); at `limited` they see only its name and image, so it cannot be used.
 */
export function seesActor(ctx: Pick<ModuleContext, 'user'>, actor: Actor): boolean {
  const level = levelOf(ctx, actor);
  return ctx.user.role === 'gm' || (level !== 'none' && level !== 'limited');
}

/**
 * The runner or NPC a roll is for, refusing when there is none, it belongs
 * to another system, or the acting user does not own it.
 *
 * @example
 * const actor = requireOwnActor(ctx, ctx.subject);
 */
export function requireOwnActor(ctx: ModuleContext, actor: Actor | undefined): Actor {
  if (actor === undefined) return ctx.reject('Choose a runner or NPC to roll for.');
  if (!isShadowrunActor(actor)) return ctx.reject(`${actor.name} is not a runner or NPC.`);
  if (!ownsActor(ctx, actor)) return ctx.reject('You may only roll for characters you own.');
  return actor;
}

/**
 * An actor the acting user may see (for the other side of an opposed test),
 * refusing the same way for missing and unseen actors.
 */
export function requireVisibleActor(ctx: ModuleContext, actorId: string): Actor {
  const actor = ctx.actor(actorId);
  if (actor === undefined || !seesActor(ctx, actor) || !isShadowrunActor(actor)) {
    return ctx.reject(
      `No runner or NPC ${actorId} that you can see: give the defender's dice instead, or let the GM roll.`,
    );
  }
  return actor;
}
