/**
 * Skills: their usual characteristic, levels, and the unskilled penalty.
 */
import type { Characteristic } from './characteristics.js';

/** The DM of a check with a skill the character does not have. */
export const UNSKILLED_DM = -3;

/**
 * The skills this system knows, with the characteristic a check uses when
 * the roll does not name one. The compendium pack `packs/skills.json`
 * describes the same skills. Characters may have other skills too; those
 * need the characteristic named on each check.
 */
export const SKILLS = {
  admin: { label: 'Admin', characteristic: 'edu' },
  astrogation: { label: 'Astrogation', characteristic: 'edu' },
  athletics: { label: 'Athletics', characteristic: 'dex' },
  broker: { label: 'Broker', characteristic: 'int' },
  carouse: { label: 'Carouse', characteristic: 'soc' },
  deception: { label: 'Deception', characteristic: 'int' },
  diplomat: { label: 'Diplomat', characteristic: 'soc' },
  electronics: { label: 'Electronics', characteristic: 'edu' },
  engineer: { label: 'Engineer', characteristic: 'edu' },
  'gun-combat': { label: 'Gun Combat', characteristic: 'dex' },
  gunner: { label: 'Gunner', characteristic: 'dex' },
  leadership: { label: 'Leadership', characteristic: 'soc' },
  mechanic: { label: 'Mechanic', characteristic: 'edu' },
  medic: { label: 'Medic', characteristic: 'edu' },
  melee: { label: 'Melee', characteristic: 'str' },
  pilot: { label: 'Pilot', characteristic: 'dex' },
  recon: { label: 'Recon', characteristic: 'int' },
  stealth: { label: 'Stealth', characteristic: 'dex' },
  streetwise: { label: 'Streetwise', characteristic: 'int' },
  survival: { label: 'Survival', characteristic: 'end' },
  tactics: { label: 'Tactics', characteristic: 'int' },
  'vacc-suit': { label: 'Vacc Suit', characteristic: 'dex' },
} as const satisfies Record<string, { label: string; characteristic: Characteristic }>;

/** A skill this system knows. */
export type KnownSkill = keyof typeof SKILLS;

/** Whether `id` is a skill of {@link SKILLS}. */
export function isKnownSkill(id: string): id is KnownSkill {
  return Object.prototype.hasOwnProperty.call(SKILLS, id);
}

/**
 * The usual characteristic of a skill, or null for a skill this system does
 * not know.
 *
 * @example
 * defaultCharacteristic('gun-combat'); // 'dex'
 */
export function defaultCharacteristic(skill: string): Characteristic | null {
  return isKnownSkill(skill) ? SKILLS[skill].characteristic : null;
}

/**
 * A skill's name for chat cards: its label, or the id with words capitalised.
 *
 * @example
 * skillLabel('zero-g'); // 'Zero G'
 */
export function skillLabel(skill: string): string {
  if (isKnownSkill(skill)) return SKILLS[skill].label;
  return skill
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The DM a skill adds to a check: its level (0 = trained, no bonus), or
 * {@link UNSKILLED_DM} when the character lacks it.
 *
 * @example
 * skillDm({ pilot: 2 }, 'pilot'); // 2
 * skillDm({}, 'pilot'); // -3
 */
export function skillDm(skills: Readonly<Record<string, number>>, skill: string): number {
  const level = Object.prototype.hasOwnProperty.call(skills, skill) ? skills[skill] : undefined;
  return level ?? UNSKILLED_DM;
}
