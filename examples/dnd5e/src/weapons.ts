/**
 * Weapons: the actor's weapon items (and a creature's stat block attacks,
 * for monsters written before items), read into one shape, and what an
 * attack with one adds up to. The ability is the item's own when it names
 * one; else a finesse weapon uses the higher of STR and DEX, a ranged one
 * DEX, any other STR; a natural weapon without an ability (a stat block's
 * flat `+4`) uses none. Proficiency is the item's own flag when it has one;
 * else the character's `weaponProficiencies` (a category or the weapon's
 * name) decide; a natural weapon without the flag counts as proficient
 * for characters, not for creatures (whose stat block bonus says it all).
 * A magic weapon (`magic: 1` for a +1 longsword) adds to both
 * the attack and the damage roll; `bonus` adds to the attack only.
 */
import type { ModuleContext } from '@vtt/sdk';
import type { RawArgs } from './args.js';
import {
  ACTOR_TYPES,
  modifierOf,
  proficiencyBonus,
  type Attack,
  type Creature,
} from './creature.js';
import { signed } from './d20.js';
import { ABILITIES, isOneOf, type Ability } from './rules.js';
import type { Actor, Item } from './sdk-types.js';

/** The weapon categories of the item type. */
export const WEAPON_CATEGORIES = ['simple', 'martial', 'natural'] as const;
export type WeaponCategory = (typeof WEAPON_CATEGORIES)[number];

/** A weapon item, or a stat block attack (`itemId: null`), as the rules read it. */
export interface Weapon {
  readonly itemId: string | null;
  readonly name: string;
  readonly category: WeaponCategory;
  readonly range: 'melee' | 'ranged';
  /** Damage dice with types, e.g. `1d8[slashing]`; '' for none. */
  readonly damage: string;
  /** The two-handed damage of a versatile weapon, or null. */
  readonly versatile: string | null;
  readonly properties: readonly string[];
  /** The ability the item names, or undefined to choose by its properties. */
  readonly ability: Ability | null | undefined;
  /** The item's own proficiency flag, or undefined to ask the character's proficiencies. */
  readonly proficient: boolean | undefined;
  /** Added to the attack roll only. */
  readonly bonus: number;
  /** Magic bonus, added to the attack and the damage roll. */
  readonly magic: number;
}

type JsonObject = { readonly [key: string]: unknown };

const objectOf = (value: unknown): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};

const intOf = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) ? value : 0;

const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/**
 * Reads a weapon item; undefined for an item of another type.
 *
 * @example
 * readWeapon(longsword)?.versatile; // '1d10[slashing]'
 */
export function readWeapon(item: Item): Weapon | undefined {
  if (item.type !== 'weapon') return undefined;
  const data = objectOf(item.data);
  const properties = Array.isArray(data['properties'])
    ? data['properties'].filter((p): p is string => typeof p === 'string')
    : [];
  return {
    itemId: item.id,
    name: item.name,
    category: isOneOf(WEAPON_CATEGORIES, data['category']) ? data['category'] : 'simple',
    range: data['range'] === 'ranged' ? 'ranged' : 'melee',
    damage: textOf(data['damage']) ?? '',
    versatile: textOf(data['versatile']),
    properties,
    ability: isOneOf(ABILITIES, data['ability']) ? data['ability'] : undefined,
    proficient: typeof data['proficient'] === 'boolean' ? data['proficient'] : undefined,
    bonus: intOf(data['bonus']),
    magic: intOf(data['magic']),
  };
}

/** A stat block attack as a natural weapon with its ability, proficiency and bonus as written. */
function statBlockWeapon(attack: Attack): Weapon {
  return {
    itemId: null,
    name: attack.name,
    category: 'natural',
    range: 'melee',
    damage: attack.damage,
    versatile: null,
    properties: [],
    ability: attack.ability,
    proficient: attack.proficient,
    bonus: attack.bonus,
    magic: 0,
  };
}

/**
 * Everything the creature can attack with: its weapon items in inventory
 * order, then the stat block attacks no item of the same name replaces.
 *
 * @example
 * weaponsOf(ctx.items(actor.id), creature).map((w) => w.name); // ['Scimitar', 'Shortbow']
 */
export function weaponsOf(items: readonly Item[], creature: Creature): Weapon[] {
  const fromItems = items.map(readWeapon).filter((w): w is Weapon => w !== undefined);
  const names = new Set(fromItems.map((w) => w.name));
  return [...fromItems, ...creature.attacks.filter((a) => !names.has(a.name)).map(statBlockWeapon)];
}

/**
 * The ability an attack with `weapon` uses, or null for none.
 *
 * @example
 * weaponAbility({ ...creature, scores: { ...scores, str: 10, dex: 16 } }, rapier); // 'dex'
 */
export function weaponAbility(creature: Creature, weapon: Weapon): Ability | null {
  if (weapon.ability !== undefined) return weapon.ability;
  if (weapon.category === 'natural') return null;
  if (weapon.properties.includes('finesse')) {
    return modifierOf(creature, 'dex') > modifierOf(creature, 'str') ? 'dex' : 'str';
  }
  return weapon.range === 'ranged' ? 'dex' : 'str';
}

/** Whether the creature adds its proficiency bonus to attacks with `weapon`. */
export function isProficient(creature: Creature, weapon: Weapon): boolean {
  if (weapon.proficient !== undefined) return weapon.proficient;
  if (weapon.category === 'natural') return creature.type === ACTOR_TYPES.character;
  const known = creature.weaponProficiencies;
  return known.includes(weapon.category) || known.includes(weapon.name.toLowerCase());
}

/** What an attack with a weapon adds up to. */
export interface WeaponAttack {
  readonly name: string;
  readonly itemId: string | null;
  readonly ability: Ability | null;
  readonly proficient: boolean;
  readonly toHit: number;
  /** Damage formula with the ability modifier and magic bonus, '' for none. */
  readonly damage: string;
  readonly twoHanded: boolean;
}

/**
 * The attack bonus and damage formula of an attack with `weapon`, with the
 * versatile two-handed damage when `twoHanded`.
 *
 * @example
 * weaponAttack(fighter, longsword, { twoHanded: true }); // { toHit: 5, damage: '1d10[slashing] + 3', ... }
 */
export function weaponAttack(
  creature: Creature,
  weapon: Weapon,
  options: { readonly twoHanded: boolean },
): WeaponAttack {
  const ability = weaponAbility(creature, weapon);
  const mod = ability === null ? 0 : modifierOf(creature, ability);
  const proficient = isProficient(creature, weapon);
  const dice = options.twoHanded && weapon.versatile !== null ? weapon.versatile : weapon.damage;
  return {
    name: weapon.name,
    itemId: weapon.itemId,
    ability,
    proficient,
    toHit: mod + (proficient ? proficiencyBonus(creature) : 0) + weapon.bonus + weapon.magic,
    damage: dice === '' ? '' : `${dice}${signed(mod + weapon.magic)}`,
    twoHanded: options.twoHanded && weapon.versatile !== null,
  };
}

/**
 * The weapon a roll names: `itemId`, one of the actor's own weapon items
 * (another actor's item is refused, as if it did not exist), or `attack`,
 * a weapon item or stat block attack by name. Undefined when neither is
 * given. `twoHanded` needs a versatile weapon and no shield in hand
 * (`hasShield`).
 *
 * @example
 * const weapon = chosenWeapon(ctx, actor, creature, args, false);
 */
export function chosenWeapon(
  ctx: ModuleContext,
  actor: Actor,
  creature: Creature,
  args: RawArgs,
  hasShield: boolean,
): WeaponAttack | undefined {
  const itemId = args['itemId'];
  const name = args['attack'];
  if (itemId !== undefined && name !== undefined) {
    return ctx.reject('give the weapon as itemId or as attack (its name), not both');
  }
  const items = ctx.items(actor.id);
  let weapon: Weapon | undefined;
  if (typeof itemId === 'string') {
    const item =
      items.find((i) => i.id === itemId) ?? ctx.reject(`${creature.name} has no item ${itemId}`);
    weapon = readWeapon(item) ?? ctx.reject(`${item.name} is a ${item.type}, not a weapon`);
  } else if (typeof name === 'string') {
    const all = weaponsOf(items, creature);
    weapon =
      all.find((w) => w.name === name) ??
      ctx.reject(
        `${creature.name} has no attack ${JSON.stringify(name)}; it has ${all.map((w) => w.name).join(', ') || 'none'}`,
      );
  } else {
    return undefined;
  }
  const twoHanded = args['twoHanded'] === true;
  if (twoHanded && weapon.versatile === null) {
    ctx.reject(`${weapon.name} is not versatile: it has no two-handed damage`);
  }
  if (twoHanded && hasShield) {
    ctx.reject(`${creature.name} carries a shield: a two-handed grip needs both hands`);
  }
  return weaponAttack(creature, weapon, { twoHanded });
}
