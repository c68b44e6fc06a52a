/**
 * Reading a traveller's or NPC's `data`, and the derived data of both types.
 */
import type { DeriveContext } from '@vtt/sdk';
import {
  CHARACTERISTICS,
  PHYSICAL,
  characteristicDm,
  uppString,
  type Characteristic,
  type Physical,
} from './characteristics.js';
import { wornArmour, type WornArmour } from './equipment.js';
import { defaultCharacteristic } from './skills.js';

/** An actor as handlers see it. */
export type Actor = DeriveContext['subject'];

/** The character types of this system (the starship is not one). */
export const ACTOR_TYPES = ['traveller', 'npc'] as const;

/** Which DM initiative uses: DEX, INT, or whichever is higher. */
export const INITIATIVE_CHOICES = ['best', 'dex', 'int'] as const;

/** One of {@link INITIATIVE_CHOICES}. */
export type InitiativeChoice = (typeof INITIATIVE_CHOICES)[number];

/** The rules-relevant part of a traveller's or NPC's `data` (both types share it). */
export type CharacterData = {
  readonly characteristics: Readonly<Record<Characteristic, number>>;
  readonly damage?: Readonly<Partial<Record<Physical, number>>>;
  readonly skills?: Readonly<Record<string, number>>;
  readonly initiative?: InitiativeChoice;
};

/** What `derived` computes for both actor types. */
export type DerivedData = {
  /** The UPP of the unwounded profile, e.g. `7A8B95`. */
  readonly upp: string;
  /** Characteristics after wounds (never below 0). */
  readonly current: Record<Characteristic, number>;
  /** DMs of the current characteristics. */
  readonly dm: Record<Characteristic, number>;
  /** Per skill: level, its usual characteristic and level + that characteristic's DM. */
  readonly skills: Record<
    string,
    { level: number; characteristic: Characteristic | null; total: number }
  >;
  /** The DM initiative adds (see `data.initiative`). */
  readonly initiativeDm: number;
  /** What the worn armour items do: protection, their names, the DM for a missing skill. */
  readonly armour: WornArmour;
  /** Two physical characteristics at 0. */
  readonly unconscious: boolean;
  /** All three physical characteristics at 0. */
  readonly dead: boolean;
};

/** Whether the actor is of a type this system rolls for. */
export function isCharacter(actor: Actor): boolean {
  return (ACTOR_TYPES as readonly string[]).includes(actor.type);
}

/** The actor's data as {@link CharacterData}; the manifest's schema guarantees the shape. */
export function characterData(actor: Actor): CharacterData {
  return actor.data as unknown as CharacterData;
}

/**
 * Characteristics after wounds, never below 0.
 *
 * @example
 * currentCharacteristics({ characteristics: { end: 7, ... }, damage: { end: 3 } }).end; // 4
 */
export function currentCharacteristics(data: CharacterData): Record<Characteristic, number> {
  const out = { ...data.characteristics };
  for (const key of PHYSICAL) out[key] = Math.max(0, out[key] - (data.damage?.[key] ?? 0));
  return out;
}

/** How many physical characteristics are at 0. */
export function physicalAtZero(current: Readonly<Record<Characteristic, number>>): number {
  return PHYSICAL.filter((key) => current[key] <= 0).length;
}

/**
 * The DM initiative adds: the DEX or INT DM as `data.initiative` says, the
 * higher of the two by default.
 */
export function initiativeDm(
  data: CharacterData,
  choice: InitiativeChoice = data.initiative ?? 'best',
): number {
  const current = currentCharacteristics(data);
  const dex = characteristicDm(current.dex);
  const int = characteristicDm(current.int);
  if (choice === 'dex') return dex;
  if (choice === 'int') return int;
  return Math.max(dex, int);
}

/**
 * Derived data of a traveller or NPC: UPP, current values, DMs, skill totals,
 * initiative DM, worn armour and the wound state.
 */
export function deriveCharacter(ctx: DeriveContext): DerivedData {
  const data = characterData(ctx.subject);
  const current = currentCharacteristics(data);
  const dm = { ...current };
  for (const key of CHARACTERISTICS) dm[key] = characteristicDm(current[key]);
  const skills: DerivedData['skills'] = {};
  for (const [skill, level] of Object.entries(data.skills ?? {})) {
    const characteristic = defaultCharacteristic(skill);
    skills[skill] = {
      level,
      characteristic,
      total: level + (characteristic === null ? 0 : dm[characteristic]),
    };
  }
  const zero = physicalAtZero(current);
  return {
    upp: uppString(data.characteristics),
    current,
    dm,
    skills,
    initiativeDm: initiativeDm(data),
    armour: wornArmour(ctx, ctx.subject.id, data.skills ?? {}),
    unconscious: zero >= 2,
    dead: zero === 3,
  };
}
