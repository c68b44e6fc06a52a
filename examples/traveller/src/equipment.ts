/**
 * Equipment as items: weapons and armour in an actor's inventory
 * (`ctx.items(actorId)`), what worn armour protects, and which skill key a
 * weapon or a ship position uses.
 */
import type { ModuleContext } from '@vtt/sdk';
import type { Characteristic } from './characteristics.js';
import { skillLabel } from './skills.js';

/** An item as module code gets it. */
export type Item = ReturnType<ModuleContext['items']>[number];

/** The item types of this system. */
export const ITEM_TYPES = {
  skill: 'skill',
  weapon: 'weapon',
  armour: 'armour',
  shipWeapon: 'ship-weapon',
} as const;

/** Weapon traits: `ap` (Armour Piercing n) and `auto` (Auto n). */
export type WeaponTraits = { readonly ap?: number; readonly auto?: number };

/** The `data` of a `weapon` item. */
export type WeaponData = {
  /** Damage dice as Traveller writes them: `3D`, `2D6+2`. */
  readonly damage: string;
  /** The skill id, e.g. `gun-combat`. */
  readonly skill: string;
  /** The speciality, e.g. `slug` for Gun Combat (slug). */
  readonly speciality?: string;
  readonly characteristic?: Characteristic;
  readonly range: string;
  readonly traits?: WeaponTraits;
};

/** The `data` of an `armour` item. */
export type ArmourData = {
  readonly protection: number;
  /** Only worn armour protects. */
  readonly worn?: boolean;
  /** A skill needed to wear it well, e.g. `vacc-suit`. */
  readonly requiredSkill?: string;
  /** The level of `requiredSkill` needed (0 by default). */
  readonly requiredLevel?: number;
};

/** A weapon item with its data read. */
export type Weapon = { readonly id: string; readonly name: string; readonly data: WeaponData };

/** What an actor's worn armour does. */
export type WornArmour = {
  /** The highest protection among the worn armour (armour does not stack); 0 with none. */
  readonly protection: number;
  /** The names of the worn armour items, in inventory order. */
  readonly worn: string[];
  /**
   * DM on every check for armour worn without its required skill: -1 per
   * level short (lacking the skill counts as one level below 0).
   */
  readonly skillDm: number;
};

/** The weapon items of an actor, in inventory order. */
export function weaponsOf(ctx: Pick<ModuleContext, 'items'>, actorId: string): Weapon[] {
  return ctx
    .items(actorId)
    .filter((i) => i.type === ITEM_TYPES.weapon)
    .map((i) => ({ id: i.id, name: i.name, data: i.data as unknown as WeaponData }));
}

/**
 * The weapon an attack is made with: the item `itemId`, or the weapon item
 * called `name` (any case). Refuses one the actor does not carry.
 */
export function findWeapon(
  ctx: Pick<ModuleContext, 'items' | 'reject'>,
  actor: { readonly id: string; readonly name: string },
  ref: { readonly itemId?: string; readonly weapon?: string },
): Weapon | undefined {
  if (ref.itemId === undefined && ref.weapon === undefined) return undefined;
  const weapons = weaponsOf(ctx, actor.id);
  const wanted = ref.weapon?.toLowerCase();
  const found =
    ref.itemId !== undefined
      ? weapons.find((w) => w.id === ref.itemId)
      : weapons.find((w) => w.name.toLowerCase() === wanted);
  return (
    found ??
    ctx.reject(`${actor.name} carries no weapon ${ref.itemId ?? `called "${ref.weapon}"`}.`)
  );
}

/**
 * What the worn armour items of an actor do (see {@link WornArmour}).
 *
 * @example
 * wornArmour(ctx, 'vance', { 'vacc-suit': 0 }); // { protection: 8, worn: ['Vacc Shell'], skillDm: 0 }
 */
export function wornArmour(
  ctx: Pick<ModuleContext, 'items'>,
  actorId: string,
  skills: Readonly<Record<string, number>>,
): WornArmour {
  let protection = 0;
  let skillDm = 0;
  const worn: string[] = [];
  for (const item of ctx.items(actorId)) {
    if (item.type !== ITEM_TYPES.armour) continue;
    const data = item.data as unknown as ArmourData;
    if (data.worn !== true) continue;
    worn.push(item.name);
    protection = Math.max(protection, data.protection);
    if (data.requiredSkill !== undefined) {
      const have = levelOf(skills, data.requiredSkill) ?? -1;
      skillDm -= Math.max(0, (data.requiredLevel ?? 0) - have);
    }
  }
  return { protection, worn, skillDm };
}

/**
 * The key of `skills` a check with `skill` in `speciality` uses: the
 * speciality's own key (`gun-combat-slug`) when the character has it, else
 * the skill's (`gun-combat`).
 *
 * @example
 * skillKey({ 'gun-combat': 1, 'gun-combat-slug': 2 }, 'gun-combat', 'slug'); // 'gun-combat-slug'
 * skillKey({ 'gun-combat': 1 }, 'gun-combat', 'slug'); // 'gun-combat'
 */
export function skillKey(
  skills: Readonly<Record<string, number>>,
  skill: string,
  speciality: string | undefined,
): string {
  if (speciality === undefined) return skill;
  const key = `${skill}-${speciality}`;
  return levelOf(skills, key) === undefined ? skill : key;
}

/** The level of `skill`, or undefined when the character lacks it. */
export function levelOf(
  skills: Readonly<Record<string, number>>,
  skill: string,
): number | undefined {
  return Object.prototype.hasOwnProperty.call(skills, skill) ? skills[skill] : undefined;
}

/**
 * A skill with its speciality for chat cards.
 *
 * @example
 * specialityLabel('gun-combat', 'slug'); // 'Gun Combat (slug)'
 */
export function specialityLabel(skill: string, speciality: string | undefined): string {
  return speciality === undefined ? skillLabel(skill) : `${skillLabel(skill)} (${speciality})`;
}
