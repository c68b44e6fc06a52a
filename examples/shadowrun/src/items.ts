/**
 * Equipment as items: weapons, armor and cyberware, read from an actor's
 * inventory (`ctx.items(actorId)`) into typed values the rules work from.
 */
import type { Item } from '@vtt/sdk';
import { ATTRIBUTES, SKILLS, type Attribute, type Skill } from './actor-data.js';

/** The item types this system declares in its manifest. */
export const ITEM_TYPES = {
  weapon: 'weapon',
  armor: 'armor',
  cyberware: 'cyberware',
  spell: 'spell',
  gear: 'gear',
} as const;
export type ItemType = (typeof ITEM_TYPES)[keyof typeof ITEM_TYPES];

/** Cyberware grades and the share of the standard Essence cost each one costs. */
export const GRADES = {
  standard: { label: 'Standard', essence: 1 },
  alpha: { label: 'Alpha', essence: 0.8 },
  beta: { label: 'Beta', essence: 0.7 },
  delta: { label: 'Delta', essence: 0.5 },
} as const;
export type Grade = keyof typeof GRADES;

/** The damage types: physical (P) and stun (S). */
export const DAMAGE_TYPES = { physical: 'physical', stun: 'stun' } as const;
export type DamageType = (typeof DAMAGE_TYPES)[keyof typeof DAMAGE_TYPES];

/** A weapon item, as an attack uses it. */
export interface Weapon {
  readonly id: string;
  readonly name: string;
  readonly skill: Skill;
  readonly accuracy: number;
  /** The Damage Value; with `strengthBonus` the wielder's Strength is added. */
  readonly damage: number;
  readonly strengthBonus: boolean;
  readonly damageType: DamageType;
  /** Armor Penetration: 0 or negative. */
  readonly armorPenetration: number;
}

/** A piece of armor. Accessories (helmets, shields) add to the best worn armor. */
export interface Armor {
  readonly id: string;
  readonly name: string;
  readonly rating: number;
  readonly worn: boolean;
  readonly accessory: boolean;
}

/** An implant: its Essence cost at its grade and what it adds. */
export interface Cyberware {
  readonly id: string;
  readonly name: string;
  readonly grade: Grade;
  /** Essence cost in thousandths of a point, after the grade's multiplier. */
  readonly essenceMilli: number;
  readonly attributes: Readonly<Partial<Record<Attribute, number>>>;
  readonly initiativeDice: number;
  readonly armor: number;
}

type Loose = Record<string, unknown>;

const record = (value: unknown): Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};

const int = (value: unknown, fallback = 0): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;

const oneOf = <K extends string>(
  value: unknown,
  keys: Readonly<Record<K, unknown>>,
  fallback: K,
) => (typeof value === 'string' && Object.hasOwn(keys, value) ? (value as K) : fallback);

/**
 * Reads a weapon item, or null for an item of another type.
 *
 * @example
 * readWeapon(item)?.damage; // 8 for an 8P pistol
 */
export function readWeapon(item: Item): Weapon | null {
  if (item.type !== ITEM_TYPES.weapon) return null;
  const data = record(item.data);
  return {
    id: item.id,
    name: item.name,
    skill: oneOf(data['skill'], SKILLS, 'pistols'),
    accuracy: Math.max(0, int(data['accuracy'])),
    damage: Math.max(0, int(data['damage'])),
    strengthBonus: data['strengthBonus'] === true,
    damageType: oneOf(data['damageType'], DAMAGE_TYPES, 'physical'),
    armorPenetration: Math.min(0, int(data['armorPenetration'])),
  };
}

/** Reads an armor item, or null for an item of another type. */
export function readArmor(item: Item): Armor | null {
  if (item.type !== ITEM_TYPES.armor) return null;
  const data = record(item.data);
  return {
    id: item.id,
    name: item.name,
    rating: Math.max(0, int(data['rating'])),
    worn: data['worn'] === true,
    accessory: data['accessory'] === true,
  };
}

/**
 * Essence cost in thousandths of a point at a grade: `essenceCost` x the
 * grade's multiplier, in whole numbers so that 6 - 1.6 is 4.4 exactly.
 *
 * @example
 * essenceMilli(2, 'alpha'); // 1600
 */
export function essenceMilli(essenceCost: number, grade: Grade): number {
  return Math.round(Math.round(essenceCost * 1000) * GRADES[grade].essence);
}

/** Reads a cyberware item, or null for an item of another type. */
export function readCyberware(item: Item): Cyberware | null {
  if (item.type !== ITEM_TYPES.cyberware) return null;
  const data = record(item.data);
  const grade = oneOf(data['grade'], GRADES, 'standard');
  const cost = typeof data['essenceCost'] === 'number' ? Math.max(0, data['essenceCost']) : 0;
  const bonuses = record(data['attributes']);
  const attributes: Partial<Record<Attribute, number>> = {};
  for (const name of Object.keys(ATTRIBUTES) as Attribute[]) {
    if (name === 'edge' || name === 'magic') continue;
    const bonus = int(bonuses[name]);
    if (bonus !== 0) attributes[name] = bonus;
  }
  return {
    id: item.id,
    name: item.name,
    grade,
    essenceMilli: essenceMilli(cost, grade),
    attributes,
    initiativeDice: Math.max(0, int(data['initiativeDice'])),
    armor: Math.max(0, int(data['armor'])),
  };
}

/** Every item of `items` that `read` recognises, in inventory order. */
export function itemsOf<T>(items: readonly Item[], read: (item: Item) => T | null): T[] {
  const found: T[] = [];
  for (const item of items) {
    const value = read(item);
    if (value !== null) found.push(value);
  }
  return found;
}
