/**
 * The fixed tables of the SRD 5.1 rules: abilities, skills, proficiency by
 * level and challenge rating, damage types, experience by CR.
 */

/** The six ability scores, in sheet order. */
export const ABILITIES = ['str', 'dex', 'con', 'int', 'wis', 'cha'] as const;
export type Ability = (typeof ABILITIES)[number];

/** Full names of the abilities, for chat cards. */
export const ABILITY_NAMES = {
  str: 'Strength',
  dex: 'Dexterity',
  con: 'Constitution',
  int: 'Intelligence',
  wis: 'Wisdom',
  cha: 'Charisma',
} as const satisfies Record<Ability, string>;

/** Each skill and the ability it uses. */
export const SKILLS = {
  acrobatics: 'dex',
  'animal-handling': 'wis',
  arcana: 'int',
  athletics: 'str',
  deception: 'cha',
  history: 'int',
  insight: 'wis',
  intimidation: 'cha',
  investigation: 'int',
  medicine: 'wis',
  nature: 'int',
  perception: 'wis',
  performance: 'cha',
  persuasion: 'cha',
  religion: 'int',
  'sleight-of-hand': 'dex',
  stealth: 'dex',
  survival: 'wis',
} as const satisfies Record<string, Ability>;
export type Skill = keyof typeof SKILLS;

/** Skill names for chat cards. */
export const SKILL_NAMES = {
  acrobatics: 'Acrobatics',
  'animal-handling': 'Animal Handling',
  arcana: 'Arcana',
  athletics: 'Athletics',
  deception: 'Deception',
  history: 'History',
  insight: 'Insight',
  intimidation: 'Intimidation',
  investigation: 'Investigation',
  medicine: 'Medicine',
  nature: 'Nature',
  perception: 'Perception',
  performance: 'Performance',
  persuasion: 'Persuasion',
  religion: 'Religion',
  'sleight-of-hand': 'Sleight of Hand',
  stealth: 'Stealth',
  survival: 'Survival',
} as const satisfies Record<Skill, string>;

/** How well a creature knows a skill: expertise doubles the proficiency bonus. */
export const PROFICIENCY = {
  none: 'none',
  proficient: 'proficient',
  expertise: 'expertise',
} as const;
export type Proficiency = (typeof PROFICIENCY)[keyof typeof PROFICIENCY];

/** The damage types of the SRD. */
export const DAMAGE_TYPES = [
  'acid',
  'bludgeoning',
  'cold',
  'fire',
  'force',
  'lightning',
  'necrotic',
  'piercing',
  'poison',
  'psychic',
  'radiant',
  'slashing',
  'thunder',
] as const;
export type DamageType = (typeof DAMAGE_TYPES)[number];

/** The challenge ratings a creature can have. */
export const CHALLENGE_RATINGS = [
  0, 0.125, 0.25, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
  22, 23, 24, 25, 26, 27, 28, 29, 30,
] as const;

/** Experience points for defeating a creature, by challenge rating (same order as CHALLENGE_RATINGS). */
const XP = [
  10, 25, 50, 100, 200, 450, 700, 1100, 1800, 2300, 2900, 3900, 5000, 5900, 7200, 8400, 10000,
  11500, 13000, 15000, 18000, 20000, 22000, 25000, 33000, 41000, 50000, 62000, 75000, 90000, 105000,
  120000, 135000, 155000,
] as const;

/**
 * The modifier of an ability score: (score - 10) / 2, rounded down.
 *
 * @example
 * abilityModifier(15); // 2
 * abilityModifier(8); // -1
 */
export function abilityModifier(score: number): number {
  return Math.floor((score - 10) / 2);
}

/**
 * The proficiency bonus of a character of `level` (1-20): +2 at 1-4, +3 at
 * 5-8, +4 at 9-12, +5 at 13-16, +6 at 17-20.
 *
 * @example
 * proficiencyByLevel(5); // 3
 */
export function proficiencyByLevel(level: number): number {
  const clamped = Math.min(20, Math.max(1, Math.floor(level)));
  return Math.ceil(clamped / 4) + 1;
}

/**
 * The proficiency bonus of a creature of challenge rating `cr`: +2 up to CR
 * 4, then one more every 4 CR (+9 at CR 29-30).
 *
 * @example
 * proficiencyByCr(0.25); // 2
 * proficiencyByCr(17); // 6
 */
export function proficiencyByCr(cr: number): number {
  return Math.max(2, Math.ceil(Math.min(30, cr) / 4) + 1);
}

/**
 * Experience points of a creature of challenge rating `cr` (0 for a rating
 * not in the table).
 *
 * @example
 * xpByCr(0.5); // 100
 */
export function xpByCr(cr: number): number {
  const index = CHALLENGE_RATINGS.indexOf(cr as (typeof CHALLENGE_RATINGS)[number]);
  return index < 0 ? 0 : (XP[index] ?? 0);
}

/** Whether `value` is one of `list`: narrows untrusted input to a union. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
