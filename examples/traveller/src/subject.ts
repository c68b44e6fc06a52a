/**
 * Who may roll or act for which character.
 */
import type { ModuleContext } from '@vtt/sdk';
import { isCharacter, type Actor } from './actor-data.js';

/** Whether the acting user owns `actor` (GMs own everything). */
export function ownsActor(ctx: Pick<ModuleContext, 'user'>, actor: Actor): boolean {
  if (ctx.user.role === 'gm') return true;
  return (actor.ownership[ctx.user.id] ?? actor.defaultOwnership) === 'owner';
}

/**
 * The traveller or NPC a roll is for, refusing when there is none, it is of
 * another system's type, or the user does not own it.
 */
export function requireCharacter(ctx: ModuleContext, actor: Actor | undefined): Actor {
  if (actor === undefined) return ctx.reject('Choose a traveller or NPC to roll for.');
  if (!isCharacter(actor)) {
    return ctx.reject(`${actor.name} is not a traveller or NPC of this system.`);
  }
  if (!ownsActor(ctx, actor)) return ctx.reject(`You may only roll for characters you own.`);
  return actor;
}
