/**
 * Spellcasting: the casting ability (the actor's `spellcasting`, else its
 * class's), the spell save DC (8 + proficiency + casting modifier) and
 * spell attack bonus (proficiency + casting modifier), spell items, spell
 * slots and upcasting (a spell's `upcast` dice per slot level above its
 * own).
 */
import { modifierOf, proficiencyBonus, type Creature, type SpellSlot } from './creature.js';
import { ABILITIES, isOneOf, type Ability } from './rules.js';
import type { Item, JsonValue } from './sdk-types.js';

/** The highest spell and slot level. */
export const MAX_SPELL_LEVEL = 9;

/** The spellcasting ability of each SRD class that casts. */
const CLASS_ABILITY: Readonly<Record<string, Ability>> = {
  bard: 'cha',
  cleric: 'wis',
  druid: 'wis',
  paladin: 'cha',
  ranger: 'wis',
  sorcerer: 'cha',
  warlock: 'cha',
  wizard: 'int',
};

/**
 * The creature's spellcasting ability: `data.spellcasting`, else its
 * class's (Wizard: INT, ...), else null.
 *
 * @example
 * spellcastingAbility(wizard); // 'int'
 */
export function spellcastingAbility(creature: Creature): Ability | null {
  return creature.spellcasting ?? CLASS_ABILITY[creature.className.toLowerCase()] ?? null;
}

/** Spell save DC and spell attack bonus with the creature's casting ability. */
export interface Spellcasting {
  readonly ability: Ability;
  readonly saveDc: number;
  readonly attack: number;
}

/**
 * The creature's spell save DC and attack bonus, or null when it has no
 * spellcasting ability.
 *
 * @example
 * spellcastingOf(wizard); // { ability: 'int', saveDc: 13, attack: 5 } at level 1 with INT 16
 */
export function spellcastingOf(creature: Creature): Spellcasting | null {
  const ability = spellcastingAbility(creature);
  if (ability === null) return null;
  const bonus = proficiencyBonus(creature) + modifierOf(creature, ability);
  return { ability, saveDc: 8 + bonus, attack: bonus };
}

/** A spell item, as the rules read it. */
export interface Spell {
  readonly itemId: string;
  readonly name: string;
  /** 0 for a cantrip. */
  readonly level: number;
  readonly attack: 'melee' | 'ranged' | null;
  readonly save: Ability | null;
  /** What a successful save leaves: half the damage, or none. */
  readonly saveEffect: 'half' | 'none';
  readonly damage: string | null;
  readonly healing: string | null;
  /** Dice added per slot level above the spell's own, or null. */
  readonly upcast: string | null;
  readonly concentration: boolean;
}

type JsonObject = { readonly [key: string]: JsonValue | undefined };

const objectOf = (value: unknown): JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};

const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/**
 * Reads a spell item; undefined for an item of another type.
 *
 * @example
 * readSpell(fireball); // { level: 3, save: 'dex', damage: '8d6[fire]', upcast: '1d6[fire]', ... }
 */
export function readSpell(item: Item): Spell | undefined {
  if (item.type !== 'spell') return undefined;
  const data = objectOf(item.data);
  const level = data['level'];
  return {
    itemId: item.id,
    name: item.name,
    level: typeof level === 'number' ? Math.min(MAX_SPELL_LEVEL, Math.max(0, level)) : 0,
    attack: data['attack'] === 'melee' || data['attack'] === 'ranged' ? data['attack'] : null,
    save: isOneOf(ABILITIES, data['save']) ? data['save'] : null,
    saveEffect: data['saveEffect'] === 'half' ? 'half' : 'none',
    damage: textOf(data['damage']),
    healing: textOf(data['healing']),
    upcast: textOf(data['upcast']),
    concentration: data['concentration'] === true,
  };
}

const SIMPLE_DICE = /^(\d+)d(\d+)(\[[a-z]+\])?$/;

/**
 * `formula` cast `levels` slot levels above the spell's own: `upcast` added
 * that many times, merged into the first term when it is the same die with
 * the same type (`8d6[fire]` + 2 x `1d6[fire]` is `10d6[fire]`).
 *
 * @example
 * upcastFormula('8d6[fire]', '1d6[fire]', 2); // '10d6[fire]'
 * upcastFormula('1d8', '1d8', 1); // '2d8'
 * upcastFormula('70', '10', 2); // '70 + 20'
 */
export function upcastFormula(formula: string, upcast: string | null, levels: number): string {
  if (upcast === null || levels <= 0) return formula;
  const extra = SIMPLE_DICE.exec(upcast.trim());
  const flat = /^\d+$/.test(upcast.trim()) ? Number(upcast.trim()) * levels : null;
  if (flat !== null) return `${formula} + ${flat}`;
  if (extra === null) return `${formula}${` + ${upcast}`.repeat(levels)}`;
  const [, count, sides, label = ''] = extra;
  const more = Number(count) * levels;
  const first = /^(\d+)d(\d+)(\[[a-z]+\])?/.exec(formula);
  if (first !== null && first[2] === sides && (first[3] ?? '') === label) {
    return `${Number(first[1]) + more}d${sides}${label}${formula.slice(first[0].length)}`;
  }
  return `${formula} + ${more}d${sides}${label}`;
}

/**
 * `data.spellSlots` with one slot of `level` spent: what `core:update-actor`
 * writes.
 *
 * @example
 * spendSlot({ 3: { value: 2, max: 3 } }, 3); // { '3': { value: 1, max: 3 } }
 */
export function spendSlot(
  slots: Readonly<Partial<Record<number, SpellSlot>>>,
  level: number,
): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const [key, slot] of Object.entries(slots)) {
    if (slot === undefined) continue;
    out[key] = { value: Number(key) === level ? slot.value - 1 : slot.value, max: slot.max };
  }
  return out;
}

/**
 * Every slot level back to its maximum: what a long rest writes.
 *
 * @example
 * restoredSlots({ 1: { value: 0, max: 4 } }); // { '1': { value: 4, max: 4 } }
 */
export function restoredSlots(slots: Readonly<Partial<Record<number, SpellSlot>>>): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const [key, slot] of Object.entries(slots)) {
    if (slot !== undefined) out[key] = { value: slot.max, max: slot.max };
  }
  return out;
}
