/**
 * Attacks against a creature with conditions: the target is a token the
 * attacker names (`args.target`), and its conditions are the ones the
 * attacker can see. Distance is not measured: the attacker says whether it
 * is within 5 feet (`args.within5ft`) where that matters.
 */
import type { ModuleContext } from '@vtt/sdk';
import {
  activeConditions,
  effectConditions,
  statusConditions,
  withImplied,
  type Condition,
} from './conditions.js';
import { readCreature } from './creature.js';
import { EffectList } from './roll-effects.js';
import type { Actor } from './sdk-types.js';

/** What the target's conditions do to an attack roll against it. */
export interface TargetEffects {
  readonly advantage: boolean;
  readonly disadvantage: boolean;
  /** A hit is a critical hit (paralyzed or unconscious, attacker within 5 feet). */
  readonly autoCrit: boolean;
  readonly because: readonly string[];
}

/** Conditions whose effect on attacks against the creature depends on distance. */
export const DISTANCE_CONDITIONS: readonly Condition[] = ['paralyzed', 'prone', 'unconscious'];

/**
 * The effects of the target's `conditions` on an attack against it:
 * advantage against a blinded, paralyzed, petrified, restrained, stunned or
 * unconscious target; disadvantage against an invisible one; against a
 * prone one advantage within 5 feet, disadvantage farther away; a hit on a
 * paralyzed or unconscious target within 5 feet is a critical hit.
 *
 * @example
 * targetEffects(['prone'], false); // { disadvantage: true, because: ['target prone: disadvantage'], ... }
 */
export function targetEffects(
  conditions: readonly Condition[],
  within5ft: boolean | undefined,
): TargetEffects {
  const has = (c: Condition) => conditions.includes(c);
  const list = new EffectList();
  for (const c of ['blinded', 'paralyzed', 'petrified', 'restrained', 'stunned'] as const) {
    list.add(has(c), `target ${c}`, 'advantage');
  }
  list.add(has('unconscious'), 'target unconscious', 'advantage');
  list.add(has('invisible'), 'target invisible', 'disadvantage');
  list.add(has('prone') && within5ft === true, 'target prone within 5 ft', 'advantage');
  list.add(has('prone') && within5ft !== true, 'target prone beyond 5 ft', 'disadvantage');
  const helpless = has('paralyzed') || has('unconscious');
  list.add(helpless && within5ft === true, 'target helpless within 5 ft', 'autoCrit');
  return {
    advantage: list.advantage,
    disadvantage: list.disadvantage,
    autoCrit: list.autoCrit,
    because: list.because,
  };
}

/** Whether the user may see an actor's data (GM, observer or owner). */
export function seesData(ctx: ModuleContext, actor: Actor): boolean {
  if (ctx.user.role === 'gm') return true;
  const level = actor.ownership[ctx.user.id] ?? actor.defaultOwnership;
  return level === 'observer' || level === 'owner';
}

/**
 * The target token's conditions as the attacking user sees them: all of
 * its actor's when the user may see that actor's data, else only its
 * token's statuses and the effects of its visible combatants (so a roll
 * never reveals a hidden creature's hit points). A hidden token is
 * refused to players as if it did not exist.
 *
 * @example
 * targetConditions(ctx, 'tok-goblin'); // ['prone']
 */
export function targetConditions(ctx: ModuleContext, tokenId: string): Condition[] {
  const token = ctx.state.tokens.get(tokenId);
  if (token === undefined || (token.hidden && ctx.user.role !== 'gm')) {
    return ctx.reject(`no token ${tokenId} to attack`);
  }
  const actor = ctx.actor(token.actorId);
  const creature = actor === undefined ? undefined : readCreature(actor);
  if (actor !== undefined && creature !== undefined && seesData(ctx, actor)) {
    return activeConditions(ctx.state, actor, creature);
  }
  const found = statusConditions(token.statuses);
  // The effects the attacker sees: on the token, and on its actor (a name they know).
  const seen = (e: { readonly hidden: boolean }) => !e.hidden || ctx.user.role === 'gm';
  const on = [...ctx.effects(token.id), ...(actor === undefined ? [] : ctx.effects(actor.id))];
  found.push(...effectConditions(on.filter(seen)));
  return withImplied(found);
}
