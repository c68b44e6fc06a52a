/**
 * Armor class from the armor and shield a creature wears (armor items with
 * `equipped: true`): light armor adds the DEX modifier, medium at most +2
 * (the item's `dexCap`), heavy none; a shield adds its bonus; without armor
 * 10 + DEX. A fixed `data.ac` (a stat block's, or a character's natural
 * armor) replaces the armor part. Armor heavier than the wearer's STR
 * allows (`strength`) costs 10 feet of speed; armor with
 * `stealthDisadvantage` gives disadvantage on Stealth checks. Carried
 * weight is the sum of the items' `weight`.
 */
import { modifierOf, type Creature } from './creature.js';
import type { Item } from './sdk-types.js';

/** An armor or shield item, as the rules read it. */
export interface Armor {
  readonly name: string;
  readonly category: 'light' | 'medium' | 'heavy' | 'shield';
  readonly ac: number;
  /** The most DEX it lets count (Infinity: all, 0: none). */
  readonly dexCap: number;
  /** The STR score it needs (0: none). */
  readonly strength: number;
  readonly stealthDisadvantage: boolean;
  readonly equipped: boolean;
}

type JsonObject = { readonly [key: string]: unknown };

const objectOf = (value: unknown): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};

const CATEGORIES = ['light', 'medium', 'heavy', 'shield'] as const;

/** The DEX cap of a category when the item does not say: light all, medium 2, heavy none. */
const DEFAULT_DEX_CAP = { light: Infinity, medium: 2, heavy: 0, shield: 0 } as const;

/**
 * Reads an armor item; undefined for an item of another type.
 *
 * @example
 * readArmor(chainShirt); // { category: 'medium', ac: 13, dexCap: 2, ... }
 */
export function readArmor(item: Item): Armor | undefined {
  if (item.type !== 'armor') return undefined;
  const data = objectOf(item.data);
  const category = CATEGORIES.find((c) => c === data['category']) ?? 'light';
  const cap =
    data['addDex'] === false
      ? 0
      : typeof data['dexCap'] === 'number'
        ? data['dexCap']
        : DEFAULT_DEX_CAP[category];
  return {
    name: item.name,
    category,
    ac: typeof data['ac'] === 'number' ? data['ac'] : 0,
    dexCap: cap,
    strength: typeof data['strength'] === 'number' ? data['strength'] : 0,
    stealthDisadvantage: data['stealthDisadvantage'] === true,
    equipped: data['equipped'] === true,
  };
}

/** A creature's armor class and what its armor does. */
export interface ArmorClass {
  readonly ac: number;
  /** The body armor worn, or null. */
  readonly worn: string | null;
  readonly shield: string | null;
  readonly stealthDisadvantage: boolean;
  /** The worn armor needs more STR than the creature has: speed -10 feet. */
  readonly tooHeavy: boolean;
}

/** The AC a suit of `armor` gives `creature`: its base plus the DEX it lets count. */
function withDex(creature: Creature, armor: Armor): number {
  return armor.ac + Math.min(armor.dexCap, modifierOf(creature, 'dex'));
}

/**
 * The creature's armor class from its equipped armor items (the best suit
 * and the best shield count when several are equipped).
 *
 * @example
 * armorClass(fighter, ctx.items(fighter.id)); // { ac: 18, worn: 'Chain Mail', shield: 'Shield', ... }
 */
export function armorClass(creature: Creature, items: readonly Item[]): ArmorClass {
  const worn = items
    .map(readArmor)
    .filter((a): a is Armor => a !== undefined && a.equipped)
    .sort((a, b) => withDex(creature, b) - withDex(creature, a));
  const body = worn.find((a) => a.category !== 'shield');
  const shield = worn.find((a) => a.category === 'shield');
  const base =
    creature.fixedAc ??
    (body === undefined ? 10 + modifierOf(creature, 'dex') : withDex(creature, body));
  return {
    ac: base + (shield?.ac ?? 0),
    worn: body?.name ?? null,
    shield: shield?.name ?? null,
    stealthDisadvantage: body?.stealthDisadvantage === true,
    tooHeavy: body !== undefined && body.strength > creature.scores.str,
  };
}

/** What a creature carries. */
export interface Carried {
  /** Total weight in pounds of the items' `weight` (a pack entry's weight is for its quantity). */
  readonly weight: number;
  /** Carrying capacity: STR score x 15 pounds. */
  readonly capacity: number;
  readonly over: boolean;
}

/**
 * The weight the creature carries, against its carrying capacity.
 *
 * @example
 * carried(fighter, items); // { weight: 61, capacity: 240, over: false }
 */
export function carried(creature: Creature, items: readonly Item[]): Carried {
  let weight = 0;
  for (const item of items) {
    const w = objectOf(item.data)['weight'];
    if (typeof w === 'number' && Number.isFinite(w)) weight += w;
  }
  weight = Math.round(weight * 100) / 100;
  const capacity = creature.scores.str * 15;
  return { weight, capacity, over: weight > capacity };
}
