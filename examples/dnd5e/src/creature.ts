/**
 * Reading a character's or creature's `data` into one normalised shape.
 * Data comes from the table, so every field is checked and defaulted here
 * and the rules never meet a missing score.
 */
import type { Actor, JsonValue } from './sdk-types.js';
import {
  ABILITIES,
  abilityModifier,
  DAMAGE_TYPES,
  isOneOf,
  PROFICIENCY,
  proficiencyByCr,
  proficiencyByLevel,
  SKILLS,
  type Ability,
  type DamageType,
  type Proficiency,
  type Skill,
} from './rules.js';

/** The actor types this module defines. */
export const ACTOR_TYPES = { character: 'character', npc: 'npc' } as const;
export type ActorType = (typeof ACTOR_TYPES)[keyof typeof ACTOR_TYPES];

/** An attack a creature makes: to hit = ability modifier + proficiency (if proficient) + bonus. */
export type Attack = {
  name: string;
  ability: Ability | null;
  proficient: boolean;
  bonus: number;
  /** Damage dice with types, e.g. `1d8[slashing]`; the ability modifier is added. */
  damage: string;
};

/** Death saving throws of a character at 0 hit points. */
export type DeathSaves = { successes: number; failures: number; stable: boolean; dead: boolean };

/** Hit points: current, maximum and temporary. */
export type HitPoints = { value: number; max: number; temp: number };

/** The spell slots of one slot level: how many are left (`value`) of `max`. */
export type SpellSlot = { value: number; max: number };

/** A character or creature, read from its actor. */
export interface Creature {
  readonly type: ActorType;
  readonly name: string;
  readonly level: number;
  readonly cr: number;
  readonly scores: Readonly<Record<Ability, number>>;
  readonly saveProficient: Readonly<Record<Ability, boolean>>;
  readonly skills: Readonly<Partial<Record<Skill, Proficiency>>>;
  readonly hp: HitPoints;
  /** `data.ac`: a creature's stat block AC, or a character's fixed AC; null to derive it (see `armor-class.ts`). */
  readonly fixedAc: number | null;
  /** The character's class as written (`Fighter`), or '' for creatures. */
  readonly className: string;
  /** The spellcasting ability as written in `data.spellcasting`, or null (see `spellcastingAbility`). */
  readonly spellcasting: Ability | null;
  /** Spell slots by slot level (1-9); levels without slots are missing. */
  readonly spellSlots: Readonly<Partial<Record<number, SpellSlot>>>;
  /** Weapon categories and names (lower case) the character is proficient with. */
  readonly weaponProficiencies: readonly string[];
  /** Walking speed in feet as written on the sheet (30 when missing); see `currentSpeed`. */
  readonly speed: number;
  readonly exhaustion: number;
  /** The spell or effect the creature concentrates on, or null. */
  readonly concentration: string | null;
  readonly deathSaves: DeathSaves;
  readonly resistances: readonly DamageType[];
  readonly immunities: readonly DamageType[];
  readonly vulnerabilities: readonly DamageType[];
  readonly conditionImmunities: readonly string[];
  /** Stat block attacks (`data.attacks`); equipment is items (see `weapons.ts`). */
  readonly attacks: readonly Attack[];
  readonly hitDie: number;
  readonly hitDiceSpent: number;
}

type JsonObject = { readonly [key: string]: JsonValue | undefined };

const objectOf = (value: unknown): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};

const numberOf = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

const typesOf = (value: unknown): DamageType[] =>
  Array.isArray(value) ? value.filter((v): v is DamageType => isOneOf(DAMAGE_TYPES, v)) : [];

function slotsOf(value: unknown): Partial<Record<number, SpellSlot>> {
  const raw = objectOf(value);
  const slots: Partial<Record<number, SpellSlot>> = {};
  for (let level = 1; level <= 9; level++) {
    const slot = objectOf(raw[String(level)]);
    const max = Math.max(0, numberOf(slot['max'], 0));
    if (max > 0)
      slots[level] = { value: Math.min(max, Math.max(0, numberOf(slot['value'], max))), max };
  }
  return slots;
}

function attacksOf(value: unknown): Attack[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    const a = objectOf(raw);
    return {
      name: typeof a['name'] === 'string' ? a['name'] : 'Attack',
      ability: isOneOf(ABILITIES, a['ability']) ? a['ability'] : null,
      proficient: a['proficient'] === true,
      bonus: numberOf(a['bonus'], 0),
      damage: typeof a['damage'] === 'string' ? a['damage'] : '',
    };
  });
}

/**
 * Reads an actor of type `character` or `npc`; undefined for other types.
 *
 * @example
 * const hero = readCreature(ctx.actor('hero')!);
 * hero?.scores.dex; // 14
 */
export function readCreature(actor: Actor): Creature | undefined {
  if (!isOneOf(Object.values(ACTOR_TYPES), actor.type)) return undefined;
  const data = objectOf(actor.data);
  const abilities = objectOf(data['abilities']);
  const scores = {} as Record<Ability, number>;
  const saveProficient = {} as Record<Ability, boolean>;
  for (const ability of ABILITIES) {
    const entry = objectOf(abilities[ability]);
    scores[ability] = numberOf(entry['score'], 10);
    saveProficient[ability] = entry['save'] === true;
  }
  const skills: Partial<Record<Skill, Proficiency>> = {};
  const rawSkills = objectOf(data['skills']);
  for (const skill of Object.keys(SKILLS) as Skill[]) {
    const value = rawSkills[skill];
    if (isOneOf(Object.values(PROFICIENCY), value)) skills[skill] = value;
  }
  const hp = objectOf(data['hp']);
  const max = Math.max(1, numberOf(hp['max'], 1));
  const saves = objectOf(data['deathSaves']);
  const hitDie = /^d(6|8|10|12)$/.exec(String(data['hitDie']));
  return {
    type: actor.type,
    name: actor.name,
    level: numberOf(data['level'], 1),
    cr: numberOf(data['cr'], 0),
    scores,
    saveProficient,
    skills,
    hp: { value: numberOf(hp['value'], max), max, temp: Math.max(0, numberOf(hp['temp'], 0)) },
    fixedAc: typeof data['ac'] === 'number' ? data['ac'] : null,
    className: typeof data['class'] === 'string' ? data['class'] : '',
    spellcasting: isOneOf(ABILITIES, data['spellcasting']) ? data['spellcasting'] : null,
    spellSlots: slotsOf(data['spellSlots']),
    weaponProficiencies: Array.isArray(data['weaponProficiencies'])
      ? data['weaponProficiencies']
          .filter((w): w is string => typeof w === 'string')
          .map((w) => w.toLowerCase())
      : [],
    speed: Math.max(0, numberOf(data['speed'], 30)),
    exhaustion: Math.min(6, Math.max(0, numberOf(data['exhaustion'], 0))),
    concentration: typeof data['concentration'] === 'string' ? data['concentration'] : null,
    deathSaves: {
      successes: numberOf(saves['successes'], 0),
      failures: numberOf(saves['failures'], 0),
      stable: saves['stable'] === true,
      dead: saves['dead'] === true,
    },
    resistances: typesOf(data['resistances']),
    immunities: typesOf(data['immunities']),
    vulnerabilities: typesOf(data['vulnerabilities']),
    conditionImmunities: Array.isArray(data['conditionImmunities'])
      ? data['conditionImmunities'].filter((c): c is string => typeof c === 'string')
      : [],
    attacks: attacksOf(data['attacks']),
    hitDie: hitDie ? Number(hitDie[1]) : 8,
    hitDiceSpent: numberOf(data['hitDiceSpent'], 0),
  };
}

/** The proficiency bonus: by level for characters, by challenge rating for creatures. */
export function proficiencyBonus(creature: Creature): number {
  return creature.type === ACTOR_TYPES.character
    ? proficiencyByLevel(creature.level)
    : proficiencyByCr(creature.cr);
}

/** The modifier of one of the creature's abilities. */
export function modifierOf(creature: Creature, ability: Ability): number {
  return abilityModifier(creature.scores[ability]);
}

/** Saving throw bonus: the ability modifier, plus the proficiency bonus if proficient. */
export function saveBonus(creature: Creature, ability: Ability): number {
  const proficient = creature.saveProficient[ability] ? proficiencyBonus(creature) : 0;
  return modifierOf(creature, ability) + proficient;
}

/** Skill bonus: the ability modifier plus the proficiency bonus, doubled with expertise. */
export function skillBonus(creature: Creature, skill: Skill): number {
  const level = creature.skills[skill] ?? PROFICIENCY.none;
  const factor = level === PROFICIENCY.expertise ? 2 : level === PROFICIENCY.proficient ? 1 : 0;
  return modifierOf(creature, SKILLS[skill]) + factor * proficiencyBonus(creature);
}

/**
 * The actor's `data` with some top-level fields replaced and the fields in
 * `remove` left out, for `core:update-actor` (which replaces `data` as a
 * whole).
 *
 * @example
 * ctx.act('core:update-actor', { actorId, patch: { data: withData(actor, { hp }) } });
 * withData(actor, {}, ['concentration']); // ends concentration
 */
export function withData(
  actor: Actor,
  changes: Readonly<Record<string, JsonValue>>,
  remove: readonly string[] = [],
): JsonValue {
  const data: Record<string, JsonValue> = {
    ...(objectOf(actor.data) as Record<string, JsonValue>),
  };
  for (const key of remove) delete data[key];
  return { ...data, ...changes };
}
