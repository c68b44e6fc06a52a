/**
 * The `starship` actor: its data, its derived data, and who may act at
 * which crew position.
 */
import type { DeriveContext, ModuleContext } from '@vtt/sdk';
import { isCharacter, type Actor } from './actor-data.js';
import { ITEM_TYPES, type WeaponTraits } from './equipment.js';
import { ownsActor } from './subject.js';

/** The starship actor type. */
export const STARSHIP = 'starship';

/** The crew positions; each holds the id of a traveller or NPC actor. */
export const CREW_POSITIONS = ['pilot', 'gunner', 'engineer', 'sensors'] as const;

/** One of {@link CREW_POSITIONS}. */
export type CrewPosition = (typeof CREW_POSITIONS)[number];

/** A value with a maximum, e.g. hull points left of the hull's total. */
export type Track = { readonly value: number; readonly max: number };

/** One critical hit a ship took, noted by `traveller:damage-ship`. */
export type Critical = { readonly location: string; readonly effect: number };

/** The rules-relevant part of a starship's `data`. */
export type StarshipData = {
  /** Displacement in tons (fuel per parsec of jump is 10% of it). */
  readonly tons: number;
  readonly hull: Track;
  readonly structure: Track;
  /** Points of damage armour stops from each hit. */
  readonly armour?: number;
  /** M-drive rating. */
  readonly thrust?: number;
  /** J-drive rating: the longest jump in parsecs. */
  readonly jump?: number;
  readonly power?: number;
  /** DM of the ship's sensors on sensor checks. */
  readonly sensorsDm?: number;
  /** DM of the ship's handling on pilot checks. */
  readonly handling?: number;
  /** DM of the ship's fire control on attacks. */
  readonly fireControl?: number;
  readonly crew?: Readonly<Partial<Record<CrewPosition, string>>>;
  readonly fuel?: Track;
  readonly cargo?: Track;
  readonly criticals?: readonly Critical[];
};

/** The `data` of a `ship-weapon` item. */
export type ShipWeaponData = {
  readonly damage: string;
  readonly mount: 'turret' | 'barbette' | 'bay' | 'spinal';
  readonly range: string;
  readonly traits?: WeaponTraits;
  /** The actor id of the traveller manning this weapon; the ship's gunner when absent. */
  readonly gunner?: string;
};

/** What `derived` computes for a starship. */
export type StarshipDerived = {
  /** Hull at 0: damage now goes to the structure. */
  readonly hullBreached: boolean;
  /** Structure at 0. */
  readonly destroyed: boolean;
  /** Tons of fuel one parsec of jump burns: 10% of the displacement, rounded up. */
  readonly fuelPerParsec: number;
  /** The longest jump the fuel aboard allows, up to the J-drive rating. */
  readonly jumpRange: number;
  /** Tons of cargo space still free. */
  readonly cargoFree: number;
  /** How many critical hits are noted. */
  readonly criticals: number;
  /** How many ship weapons are mounted (its `ship-weapon` items). */
  readonly weapons: number;
};

/** Whether the actor is a starship. */
export function isStarship(actor: Actor): boolean {
  return actor.type === STARSHIP;
}

/** The starship's data as {@link StarshipData}; the manifest's schema guarantees the shape. */
export function starshipData(actor: Actor): StarshipData {
  return actor.data as unknown as StarshipData;
}

/**
 * Derived data of a starship: breached hull, destroyed, jump range on the
 * fuel aboard, free cargo, criticals and weapon count.
 *
 * @example
 * // 200 tons, jump 2, 30 tons of fuel: 20 tons a parsec, jumpRange 1
 */
export function deriveStarship(ctx: DeriveContext): StarshipDerived {
  const data = starshipData(ctx.subject);
  const fuelPerParsec = Math.ceil(data.tons / 10);
  const fuel = data.fuel?.value ?? 0;
  return {
    hullBreached: data.hull.value <= 0,
    destroyed: data.structure.value <= 0,
    fuelPerParsec,
    jumpRange: Math.min(data.jump ?? 0, Math.floor(fuel / fuelPerParsec)),
    cargoFree: Math.max(0, (data.cargo?.max ?? 0) - (data.cargo?.value ?? 0)),
    criticals: data.criticals?.length ?? 0,
    weapons: ctx.items(ctx.subject.id).filter((i) => i.type === ITEM_TYPES.shipWeapon).length,
  };
}

/** The ship, the crew member at a position and who that is, for a ship roll. */
export type Station = { readonly ship: Actor; readonly crew: Actor; readonly position: string };

/**
 * The starship a roll is for and the crew member who rolls at `position`
 * (`crewId` overrides the ship's crew list, e.g. a weapon's own gunner).
 * Refuses when the subject is not a starship, the position is empty or
 * holds no traveller or NPC, or the user neither owns the ship (the GM owns
 * everything) nor owns the crew member at that position.
 */
export function requireStation(
  ctx: ModuleContext,
  subject: Actor | undefined,
  position: CrewPosition,
  crewId?: string,
): Station {
  if (subject === undefined) return ctx.reject('Choose a starship to roll for.');
  if (!isStarship(subject)) return ctx.reject(`${subject.name} is not a starship.`);
  const id = crewId ?? starshipData(subject).crew?.[position];
  if (id === undefined || id === '') {
    return ctx.reject(`No one is at the ${position} position of ${subject.name}.`);
  }
  const crew = ctx.actor(id);
  if (crew === undefined || !isCharacter(crew)) {
    return ctx.reject(`The ${position} of ${subject.name} (${id}) is not a traveller or NPC.`);
  }
  if (!ownsActor(ctx, subject) && !ownsActor(ctx, crew)) {
    return ctx.reject(
      `Only the GM, ${subject.name}'s owners and the owner of its ${position} (${crew.name}) may roll at that position.`,
    );
  }
  return { ship: subject, crew, position };
}
