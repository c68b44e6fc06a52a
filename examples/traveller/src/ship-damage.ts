/**
 * `traveller:damage-ship`: damage less armour comes off the hull, then the
 * structure; a hit with Effect 6+ is a critical, noted on the ship with the
 * system it struck.
 */
import type { ActionDefinition } from '@vtt/sdk';
import { CRITICAL_EFFECT } from './checks.js';
import { ownsActor } from './subject.js';
import {
  isStarship,
  starshipData,
  type Critical,
  type StarshipData,
  type Track,
} from './starship.js';

/** Payload of `traveller:damage-ship`. */
export type DamageShipPayload = {
  shipId: string;
  amount: number;
  /** Points of the ship's armour the weapon ignores (its AP; a `ship-attack`'s `data.ap`). */
  armourPiercing?: number;
  /** The attack's Effect: 6 or more is a critical hit. */
  effect?: number;
};

/** Where a critical hit strikes, by 2D6 total (index 0 is a total of 2). */
export const CRITICAL_LOCATIONS = [
  'sensors',
  'power plant',
  'fuel',
  'weapon',
  'armour',
  'hull',
  'm-drive',
  'cargo',
  'j-drive',
  'crew',
  'computer',
] as const;

/** The most criticals a ship's data keeps (the schema's `maxItems`). */
export const MAX_CRITICALS = 50;

/** How damage was spread over a ship. */
export type ShipDamageSplit = {
  /** Damage after armour. */
  readonly taken: number;
  /** Points stopped by armour. */
  readonly stopped: number;
  readonly hull: Track;
  readonly structure: Track;
  /** Points the hull and the structure took. */
  readonly toHull: number;
  readonly toStructure: number;
  readonly destroyed: boolean;
};

/**
 * Spreads `amount` over a ship: its armour (less `armourPiercing`) stops
 * that much, the hull takes the rest down to 0, then the structure.
 *
 * @example
 * splitShipDamage({ hull: { value: 3, max: 40 }, structure: { value: 40, max: 40 }, armour: 2 }, 10);
 * // taken 8: hull -3, structure -5
 */
export function splitShipDamage(
  data: Pick<StarshipData, 'hull' | 'structure' | 'armour'>,
  amount: number,
  armourPiercing = 0,
): ShipDamageSplit {
  const armour = Math.max(0, (data.armour ?? 0) - armourPiercing);
  const taken = Math.max(0, amount - armour);
  const toHull = Math.min(taken, Math.max(0, data.hull.value));
  const toStructure = Math.min(taken - toHull, Math.max(0, data.structure.value));
  const structure = { ...data.structure, value: data.structure.value - toStructure };
  return {
    taken,
    stopped: amount - taken,
    hull: { ...data.hull, value: data.hull.value - toHull },
    structure,
    toHull,
    toStructure,
    destroyed: structure.value <= 0,
  };
}

/**
 * `traveller:damage-ship`: applies a hit to a starship (see
 * {@link splitShipDamage}); with an `effect` of 6 or more it also rolls 2D6
 * for the system a critical hit strikes and notes it in `data.criticals`.
 * Only the GM and the ship's owners may.
 */
export const damageShip: ActionDefinition<DamageShipPayload> = {
  description: 'Damages a starship: armour, then hull, then structure; Effect 6+ is a critical.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['shipId', 'amount'],
    properties: {
      shipId: { type: 'string', minLength: 1, maxLength: 128 },
      amount: { type: 'integer', minimum: 1, maximum: 10000 },
      armourPiercing: { type: 'integer', minimum: 0, maximum: 100 },
      effect: { type: 'integer', minimum: -30, maximum: 30 },
    },
  },
  handle(ctx) {
    const { shipId, amount, armourPiercing, effect } = ctx.payload;
    const ship = ctx.actor(shipId) ?? ctx.reject(`There is no actor ${shipId}.`);
    if (!isStarship(ship)) ctx.reject(`${ship.name} is not a starship.`);
    if (!ownsActor(ctx, ship)) ctx.reject(`Only the GM and ${ship.name}'s owners may damage it.`);
    const data = starshipData(ship);
    const split = splitShipDamage(data, amount, armourPiercing);
    let critical: Critical | null = null;
    if (effect !== undefined && effect >= CRITICAL_EFFECT) {
      const roll = ctx.dice.roll('2d6', { label: `${ship.name}: critical hit location` });
      critical = { location: CRITICAL_LOCATIONS[roll.total - 2] ?? 'hull', effect };
    }
    const criticals = [...(data.criticals ?? []), ...(critical === null ? [] : [critical])];
    if (split.taken > 0 || critical !== null) {
      ctx.act('core:update-actor', {
        actorId: shipId,
        patch: {
          data: {
            ...(ship.data as object),
            hull: split.hull,
            structure: split.structure,
            criticals: criticals.slice(-MAX_CRITICALS),
          },
        },
      });
    }
    const parts = [
      ...(split.toHull > 0 ? [`hull -${split.toHull}`] : []),
      ...(split.toStructure > 0 ? [`structure -${split.toStructure}`] : []),
    ];
    const armour = split.stopped > 0 ? ` (armour stopped ${split.stopped})` : '';
    const crit = critical === null ? '' : `; critical hit (Effect ${effect}): ${critical.location}`;
    const end = split.destroyed && data.structure.value > 0 ? '; the ship is destroyed' : '';
    ctx.say(
      `${ship.name} takes ${split.taken} damage${armour}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}${crit}${end}.`,
      {
        data: {
          shipId,
          taken: split.taken,
          stopped: split.stopped,
          hull: split.toHull,
          structure: split.toStructure,
          critical,
          destroyed: split.destroyed,
        },
      },
    );
  },
};
