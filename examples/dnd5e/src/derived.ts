/**
 * Derived data of characters and creatures: what sheets show next to the
 * scores (modifiers, proficiency bonus, save and skill totals, passive
 * scores, armor class and attacks from the equipment items, spell save DC
 * and attack bonus, carried weight, current conditions, speed and hit
 * point maximum as conditions, exhaustion and heavy armor leave them).
 * Declared as `derived` in vtt-module.json.
 */
import type { DeriveContext } from '@vtt/sdk';
import { armorClass, carried } from './armor-class.js';
import { activeConditions, isDead, type Condition } from './conditions.js';
import {
  ACTOR_TYPES,
  modifierOf,
  proficiencyBonus,
  readCreature,
  saveBonus,
  skillBonus,
  type Creature,
} from './creature.js';
import { currentSpeed, hpMaxOf } from './exhaustion.js';
import { passiveScore } from './roll-effects.js';
import { ABILITIES, SKILLS, xpByCr, type Skill } from './rules.js';
import type { JsonValue } from './sdk-types.js';
import { spellcastingOf } from './spellcasting.js';
import { weaponAttack, weaponsOf } from './weapons.js';

/**
 * A passive score of a skill: 10 + the skill bonus, -5 with disadvantage on
 * ability checks from conditions (poisoned, frightened, exhaustion 1+).
 *
 * @example
 * passiveOf(creature, 'perception', ['poisoned']); // 7 for Perception +2
 */
export function passiveOf(creature: Creature, skill: Skill, conditions: readonly Condition[]) {
  return passiveScore(skillBonus(creature, skill), conditions, creature.exhaustion);
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
  const conditions = activeConditions(ctx.state, ctx.subject, creature);
  const items = ctx.items(ctx.subject.id);
  const armor = armorClass(creature, items);
  const spellcasting = spellcastingOf(creature);
  const speed = armor.tooHeavy ? Math.max(0, creature.speed - 10) : creature.speed;
  const derived: Record<string, JsonValue> = {
    proficiencyBonus: proficiencyBonus(creature),
    abilities,
    skills,
    passivePerception: passiveOf(creature, 'perception', conditions),
    passiveInvestigation: passiveOf(creature, 'investigation', conditions),
    passiveInsight: passiveOf(creature, 'insight', conditions),
    initiative: modifierOf(creature, 'dex'),
    speed: currentSpeed({ ...creature, speed }, conditions),
    hpMax: hpMaxOf(creature),
    dead: isDead(creature),
    ac: armor.ac,
    armor: {
      worn: armor.worn,
      shield: armor.shield,
      stealthDisadvantage: armor.stealthDisadvantage,
      tooHeavy: armor.tooHeavy,
    },
    attacks: weaponsOf(items, creature).map((weapon) => {
      const attack = weaponAttack(creature, weapon, { twoHanded: false });
      return {
        name: attack.name,
        ...(attack.itemId === null ? {} : { itemId: attack.itemId }),
        toHit: attack.toHit,
        damage: attack.damage,
        ...(weapon.versatile === null
          ? {}
          : { versatile: weaponAttack(creature, weapon, { twoHanded: true }).damage }),
      };
    }),
    spellcasting: spellcasting === null ? null : { ...spellcasting },
    carried: { ...carried(creature, items) },
    conditions,
  };
  if (creature.type === ACTOR_TYPES.npc) derived['xp'] = xpByCr(creature.cr);
  else derived['hitDiceLeft'] = Math.max(0, creature.level - creature.hitDiceSpent);
  return derived;
}
