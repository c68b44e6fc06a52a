/**
 * Derived data of characters and creatures: what sheets show next to the
 * scores (modifiers, proficiency bonus, save and skill totals, passive
 * Perception, attack bonuses, current conditions). Declared as `derived` in
 * vtt-module.json.
 */
import type { DeriveContext } from '@vtt/sdk';
import { activeConditions } from './conditions.js';
import {
  ACTOR_TYPES,
  attackBonus,
  attackDamage,
  modifierOf,
  proficiencyBonus,
  readCreature,
  saveBonus,
  skillBonus,
  type Creature,
} from './creature.js';
import { ABILITIES, SKILLS, xpByCr, type Skill } from './rules.js';
import type { JsonValue } from './sdk-types.js';

/** Passive Perception: 10 + the Perception bonus. */
export function passivePerception(creature: Creature): number {
  return 10 + skillBonus(creature, 'perception');
}

/**
 * The derived data of an actor of type `character` or `npc` (null for other
 * types).
 *
 * @example
 * deriveCreature(ctx); // { proficiencyBonus: 2, abilities: { str: { mod: 3, save: 5 }, ... }, ... }
 */
export function deriveCreature(ctx: DeriveContext): JsonValue {
  const creature = readCreature(ctx.subject);
  if (creature === undefined) return null;
  const abilities: Record<string, JsonValue> = {};
  for (const ability of ABILITIES) {
    abilities[ability] = { mod: modifierOf(creature, ability), save: saveBonus(creature, ability) };
  }
  const skills: Record<string, JsonValue> = {};
  for (const skill of Object.keys(SKILLS) as Skill[]) skills[skill] = skillBonus(creature, skill);
  const derived: Record<string, JsonValue> = {
    proficiencyBonus: proficiencyBonus(creature),
    abilities,
    skills,
    passivePerception: passivePerception(creature),
    initiative: modifierOf(creature, 'dex'),
    attacks: creature.attacks.map((attack) => ({
      name: attack.name,
      toHit: attackBonus(creature, attack),
      damage: attackDamage(creature, attack),
    })),
    conditions: activeConditions(ctx.state, ctx.subject, creature),
  };
  if (creature.type === ACTOR_TYPES.npc) derived['xp'] = xpByCr(creature.cr);
  else derived['hitDiceLeft'] = Math.max(0, creature.level - creature.hitDiceSpent);
  return derived;
}
