/**
 * The SRD conditions: which ones a creature has, from its combat effects,
 * its tokens' statuses, its hit points and its exhaustion level, with the
 * conditions they imply (paralyzed, petrified, stunned and unconscious
 * include incapacitated; an unconscious creature is prone). What each does
 * is in `roll-effects.ts`, `target-effects.ts`, `exhaustion.ts`,
 * `can-act.ts` and `hit-points.ts`; the README has the whole table.
 */
import type { Creature } from './creature.js';
import { ACTOR_TYPES } from './creature.js';
import type { Actor, TableDocs } from './sdk-types.js';
import { effectsOf, type ActiveEffect } from '@vtt/sdk';

/** The standard conditions. */
export const CONDITIONS = [
  'blinded',
  'charmed',
  'deafened',
  'frightened',
  'grappled',
  'incapacitated',
  'invisible',
  'paralyzed',
  'petrified',
  'poisoned',
  'prone',
  'restrained',
  'stunned',
  'unconscious',
  'exhaustion',
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Conditions that include being incapacitated. */
export const INCAPACITATING: readonly Condition[] = [
  'incapacitated',
  'paralyzed',
  'petrified',
  'stunned',
  'unconscious',
];

/** The status of the effect that carries a condition (shown on tokens): `dnd5e.poisoned`. */
export function conditionStatus(condition: Condition): string {
  return `dnd5e.${condition}`;
}

/** A condition's name for people: `Poisoned`. */
export function conditionLabel(condition: Condition): string {
  return condition.charAt(0).toUpperCase() + condition.slice(1);
}

/** Whether `value` names a condition. */
export const isCondition = (value: string): value is Condition =>
  (CONDITIONS as readonly string[]).includes(value);

/**
 * Whether the creature is dead: a character with three failed death saves
 * (or killed outright), anything at exhaustion level 6, a creature (`npc`)
 * at 0 hit points.
 *
 * @example
 * isDead(readCreature(goblin)!); // true at 0 HP
 */
export function isDead(creature: Creature): boolean {
  if (creature.deathSaves.dead || creature.exhaustion >= 6) return true;
  return creature.type === ACTOR_TYPES.npc && creature.hp.value <= 0;
}

/**
 * The conditions in `found` plus the ones they imply: incapacitated for
 * paralyzed, petrified, stunned and unconscious; prone for unconscious
 * (it falls prone). Sorted.
 *
 * @example
 * withImplied(['unconscious']); // ['incapacitated', 'prone', 'unconscious']
 */
export function withImplied(found: Iterable<Condition>): Condition[] {
  const all = new Set(found);
  if (INCAPACITATING.some((c) => all.has(c))) all.add('incapacitated');
  if (all.has('unconscious')) all.add('prone');
  return [...all].sort();
}

/** The conditions among a token's statuses. */
export function statusConditions(statuses: readonly string[]): Condition[] {
  return statuses.filter(isCondition);
}

/** The conditions among effects (statuses `dnd5e.<condition>`). */
export function effectConditions(
  effects: readonly { readonly statuses: readonly string[] }[],
): Condition[] {
  const found: Condition[] = [];
  for (const { statuses } of effects) {
    for (const status of statuses) {
      const name = status.startsWith('dnd5e.') ? status.slice('dnd5e.'.length) : '';
      if (isCondition(name)) found.push(name);
    }
  }
  return found;
}

/** The effects on `actorId` and on its tokens. */
export function actorEffects(state: TableDocs, actorId: string): ActiveEffect[] {
  return effectsOf(state).filter(
    (e) =>
      (e.target.collection === 'actors' && e.target.id === actorId) ||
      (e.target.collection === 'tokens' && state.tokens.get(e.target.id)?.actorId === actorId),
  );
}

/**
 * Every condition the actor has, sorted: from the effects on it and its
 * tokens (the ones with a duration), its tokens' statuses, 0 hit points (unconscious,
 * for a living character) and its exhaustion level, with the conditions
 * they imply (see `withImplied`).
 *
 * @example
 * activeConditions(ctx.state, actor, creature); // ['incapacitated', 'stunned']
 */
export function activeConditions(state: TableDocs, actor: Actor, creature: Creature): Condition[] {
  const found = new Set<Condition>();
  for (const c of effectConditions(actorEffects(state, actor.id))) found.add(c);
  for (const token of [...state.tokens.values()]) {
    if (token.actorId !== actor.id) continue;
    for (const c of statusConditions(token.statuses)) found.add(c);
  }
  if (creature.hp.value <= 0 && creature.type === ACTOR_TYPES.character) {
    if (!isDead(creature)) found.add('unconscious');
  }
  if (creature.exhaustion > 0) found.add('exhaustion');
  return withImplied(found);
}
