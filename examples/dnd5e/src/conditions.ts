/**
 * The SRD conditions: which ones a creature has (from its combat effects, its
 * tokens' statuses, its hit points and its exhaustion level) and what they do
 * to its own d20 rolls.
 */
import type { Creature } from './creature.js';
import { ACTOR_TYPES } from './creature.js';
import type { ModeSources } from './d20.js';
import type { Ability } from './rules.js';
import type { Actor, TableDocs } from './sdk-types.js';

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
const INCAPACITATING: readonly Condition[] = ['paralyzed', 'petrified', 'stunned', 'unconscious'];

/** The id of the combat effect that carries a condition: `dnd5e.poisoned`. */
export function effectId(condition: Condition): string {
  return `dnd5e.${condition}`;
}

/** A condition's name for people: `Poisoned`. */
export function conditionLabel(condition: Condition): string {
  return condition.charAt(0).toUpperCase() + condition.slice(1);
}

const isCondition = (value: string): value is Condition =>
  (CONDITIONS as readonly string[]).includes(value);

/**
 * Every condition the actor has, sorted: from its combatants' effects (the
 * ones with a duration), its tokens' statuses, 0 hit points (unconscious, for
 * a living character) and its exhaustion level. Conditions that include
 * incapacitated add it.
 *
 * @example
 * activeConditions(ctx.state, actor, creature); // ['incapacitated', 'stunned']
 */
export function activeConditions(state: TableDocs, actor: Actor, creature: Creature): Condition[] {
  const found = new Set<Condition>();
  for (const combatant of Object.values(state.combat?.combatants ?? {})) {
    if (combatant.actorId !== actor.id) continue;
    for (const effect of combatant.effects) {
      const name = effect.id.startsWith('dnd5e.') ? effect.id.slice('dnd5e.'.length) : '';
      if (isCondition(name)) found.add(name);
    }
  }
  for (const token of Object.values(state.tokens)) {
    if (token.actorId !== actor.id) continue;
    for (const status of token.statuses) if (isCondition(status)) found.add(status);
  }
  if (creature.hp.value <= 0 && creature.type === ACTOR_TYPES.character) {
    if (!creature.deathSaves.dead) found.add('unconscious');
  }
  if (creature.exhaustion > 0) found.add('exhaustion');
  if (INCAPACITATING.some((c) => found.has(c))) found.add('incapacitated');
  return [...found].sort();
}

/** What a creature's conditions do to one of its d20 rolls. */
export interface ConditionEffects extends ModeSources {
  /** The roll fails whatever the dice show (STR and DEX saves while paralyzed, ...). */
  readonly autoFail: boolean;
}

/** The kinds of d20 roll a condition can affect. */
export const ROLL_KINDS = { attack: 'attack', check: 'check', save: 'save' } as const;
export type RollKind = (typeof ROLL_KINDS)[keyof typeof ROLL_KINDS];

/**
 * The advantage, disadvantage and automatic failure that `conditions` give
 * the creature's own roll of `kind` (with `ability` for saves), following
 * the SRD's conditions appendix and exhaustion table.
 *
 * @example
 * conditionEffects(['poisoned'], 0, 'attack'); // { advantage: false, disadvantage: true, autoFail: false }
 */
export function conditionEffects(
  conditions: readonly Condition[],
  exhaustion: number,
  kind: RollKind,
  ability?: Ability,
): ConditionEffects {
  const has = (c: Condition) => conditions.includes(c);
  if (kind === ROLL_KINDS.attack) {
    return {
      advantage: has('invisible'),
      disadvantage:
        has('blinded') ||
        has('frightened') ||
        has('poisoned') ||
        has('prone') ||
        has('restrained') ||
        exhaustion >= 3,
      autoFail: false,
    };
  }
  if (kind === ROLL_KINDS.check) {
    return {
      advantage: false,
      disadvantage: has('frightened') || has('poisoned') || exhaustion >= 1,
      autoFail: false,
    };
  }
  const strOrDex = ability === 'str' || ability === 'dex';
  return {
    advantage: false,
    disadvantage: (ability === 'dex' && has('restrained')) || exhaustion >= 3,
    autoFail: strOrDex && INCAPACITATING.some(has),
  };
}
