/**
 * The numbers every roll and the sheet work from: natural attributes with
 * cyberware on top (capped), Essence, Magic after Essence loss, armor from
 * worn armor and implants, and initiative dice.
 */
import type { Item, ModuleContext } from '@vtt/sdk';
import {
  ATTRIBUTES,
  readStats,
  type Actor,
  type Attribute,
  type Metatype,
  type NaturalStats,
} from './actor-data.js';
import { itemsOf, readArmor, readCyberware } from './items.js';

/** Essence a character starts with, in thousandths. */
export const FULL_ESSENCE_MILLI = 6000;

/** The most augmentations add to an attribute, and how far past the natural maximum. */
export const AUGMENTATION_CAP = 4;

/** The most initiative dice anyone rolls. */
export const MAX_INITIATIVE_DICE = 5;

type Maxima = Readonly<Partial<Record<Attribute, number>>>;

/** Natural maxima that differ from 6, by metatype. */
export const METATYPE_MAXIMA: Readonly<Record<Metatype, Maxima>> = {
  human: { edge: 7 },
  elf: { agility: 7, charisma: 8 },
  dwarf: { body: 8, reaction: 5, strength: 8, willpower: 7 },
  ork: { body: 9, strength: 8, logic: 5, charisma: 5 },
  troll: { body: 10, agility: 5, strength: 10, logic: 5, intuition: 5, charisma: 4 },
};

/** The natural maximum of an attribute for a metatype. */
export const naturalMaximum = (metatype: Metatype, attribute: Attribute): number =>
  METATYPE_MAXIMA[metatype][attribute] ?? 6;

/** A runner or NPC with its equipment: what rolls, limits and monitors use. */
export interface Stats extends NaturalStats {
  /** Augmented attributes; Magic is lowered by lost Essence. */
  readonly attributes: Readonly<Record<Attribute, number>>;
  /** The attributes as the actor's data gives them. */
  readonly natural: Readonly<Record<Attribute, number>>;
  /** 6 less the implants' Essence costs at their grades, never below 0. */
  readonly essence: number;
  /** The best worn armor, worn accessories (up to Strength) and implanted armor. */
  readonly armor: number;
  /** 1, plus the implants' dice, up to 5. */
  readonly initiativeDice: number;
  /** Attributes whose augmentations were cut back to the cap. */
  readonly capped: readonly Attribute[];
}

function wornArmor(items: readonly Item[], strength: number): number {
  const worn = itemsOf(items, readArmor).filter((a) => a.worn);
  const best = Math.max(0, ...worn.filter((a) => !a.accessory).map((a) => a.rating));
  const accessories = worn.filter((a) => a.accessory).reduce((sum, a) => sum + a.rating, 0);
  return best + Math.min(accessories, Math.max(0, strength));
}

/**
 * An actor's natural stats with its items applied. Cyberware adds to
 * attributes, at most +4 each and never past the metatype's natural maximum
 * + 4 (what is cut is listed in `capped`); its Essence costs, at their
 * grades, come off 6; an awakened character (natural Magic above 0) loses
 * a point of Magic per started point of Essence lost.
 *
 * @example
 * augment(readStats(actor), items).essence; // 4.4 with alpha wired reflexes (2 x 0.8)
 */
export function augment(natural: NaturalStats, items: readonly Item[]): Stats {
  const implants = itemsOf(items, readCyberware);
  const attributes = { ...natural.attributes };
  const capped: Attribute[] = [];
  for (const name of Object.keys(ATTRIBUTES) as Attribute[]) {
    const bonus = implants.reduce((sum, c) => sum + (c.attributes[name] ?? 0), 0);
    if (bonus === 0) continue;
    const base = natural.attributes[name];
    const ceiling = Math.max(base, naturalMaximum(natural.metatype, name) + AUGMENTATION_CAP);
    const value = Math.max(1, Math.min(base + Math.min(bonus, AUGMENTATION_CAP), ceiling));
    if (value < base + bonus) capped.push(name);
    attributes[name] = value;
  }
  const essenceMilli = Math.max(
    0,
    FULL_ESSENCE_MILLI - implants.reduce((sum, c) => sum + c.essenceMilli, 0),
  );
  const lostPoints = Math.ceil((FULL_ESSENCE_MILLI - essenceMilli) / 1000);
  if (natural.attributes.magic > 0) {
    attributes.magic = Math.max(0, natural.attributes.magic - lostPoints);
  }
  const implantArmor = implants.reduce((sum, c) => sum + c.armor, 0);
  const implantDice = implants.reduce((sum, c) => sum + c.initiativeDice, 0);
  return {
    ...natural,
    attributes,
    natural: natural.attributes,
    essence: essenceMilli / 1000,
    armor: wornArmor(items, attributes.strength) + implantArmor,
    initiativeDice: Math.min(MAX_INITIATIVE_DICE, 1 + implantDice),
    capped,
  };
}

/**
 * The stats of `actor` with the items `ctx` shows (all of them for the GM
 * and in derived data; a player's own runner's for the player). Every roll
 * and the derived data read this, so they agree on the augmented numbers.
 *
 * @example
 * const { attributes, armor } = statsOf(ctx, actor);
 */
export function statsOf(ctx: Pick<ModuleContext, 'items'>, actor: Actor): Stats {
  return augment(readStats(actor), ctx.items(actor.id));
}
