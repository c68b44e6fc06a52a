/**
 * Damage on the condition monitors: stun overflows into physical box for
 * box, physical past its monitor marks overflow (Body boxes of it are
 * survivable; one more is death).
 */
import type { ActionDefinition, ProposingContext } from '@vtt/sdk';
import { dataWith, type Actor, type DamageState, type JsonValue } from './actor-data.js';
import { monitorSizes, statusOf, STATUS, type Status } from './derived.js';
import { statsOf, type Stats } from './stats.js';

/** The two condition monitors. */
export const TRACKS = { physical: 'physical', stun: 'stun' } as const;
export type Track = (typeof TRACKS)[keyof typeof TRACKS];

/** Payload of `shadowrun:apply-damage`. */
export interface ApplyDamagePayload {
  readonly actorId: string;
  readonly amount: number;
  readonly track: Track;
}

/** What damage did to a character. */
export interface DamageResult {
  readonly damage: DamageState;
  /** Stun boxes that spilled into the physical monitor. */
  readonly stunOverflow: number;
  /** Physical boxes past the physical monitor. */
  readonly physicalOverflow: number;
  readonly status: Status;
}

/**
 * Marks `amount` boxes on `track`. Stun beyond the stun monitor spills into
 * the physical monitor one box for one box; physical beyond the physical
 * monitor goes to overflow, which stops counting at Body + 1 (dead).
 *
 * @example
 * takeDamage(stats, 4, 'stun'); // stun 9/10 + 4 -> stun 10/10, 3 physical
 */
export function takeDamage(stats: Stats, amount: number, track: Track): DamageResult {
  const sizes = monitorSizes(stats);
  let { physical, stun, overflow } = stats.damage;
  let toPhysical = track === TRACKS.physical ? amount : 0;
  let stunOverflow = 0;
  if (track === TRACKS.stun) {
    const room = Math.max(0, sizes.stun - stun);
    stun += Math.min(room, amount);
    stunOverflow = amount - Math.min(room, amount);
    toPhysical = stunOverflow;
  }
  const room = Math.max(0, sizes.physical - physical);
  physical += Math.min(room, toPhysical);
  const physicalOverflow = toPhysical - Math.min(room, toPhysical);
  overflow = Math.min(sizes.overflow + 1, overflow + physicalOverflow);
  const damage = { physical, stun, overflow };
  return {
    damage,
    stunOverflow,
    physicalOverflow,
    status: statusOf({ ...stats, damage }),
  };
}

const STATUS_TEXT: Readonly<Record<Status, string>> = {
  [STATUS.ok]: '',
  [STATUS.unconscious]: ' Out cold.',
  [STATUS.dying]: ' Down and bleeding out.',
  [STATUS.dead]: ' Flatlined.',
};

/**
 * Proposes the damage on `actor` (with any other data `fields` changed in
 * the same update) and posts what happened, as the acting user: so a player
 * can only damage characters they own.
 */
export function proposeDamage(
  ctx: ProposingContext,
  actor: Actor,
  amount: number,
  track: Track,
  fields: Readonly<Record<string, JsonValue>> = {},
): DamageResult {
  const stats = statsOf(ctx, actor);
  const result = takeDamage(stats, amount, track);
  const { damage } = result;
  ctx.act('core:update-actor', {
    actorId: actor.id,
    patch: { data: dataWith(actor, { ...fields, damage: { ...damage } }) },
  });
  const sizes = monitorSizes(stats);
  const spill = result.stunOverflow > 0 ? ` (${result.stunOverflow} overflow into physical)` : '';
  const past = result.physicalOverflow > 0 ? `, overflow ${damage.overflow}/${sizes.overflow}` : '';
  ctx.say(
    `${actor.name} takes ${amount} ${track}${spill}. Physical ${damage.physical}/${sizes.physical}, stun ${damage.stun}/${sizes.stun}${past}.${STATUS_TEXT[result.status]}`,
    {
      data: {
        damage: { amount, track, ...result.damage },
        stunOverflow: result.stunOverflow,
        physicalOverflow: result.physicalOverflow,
        status: result.status,
      },
    },
  );
  return result;
}

/** `shadowrun:apply-damage`: marks boxes of damage on a runner or NPC. */
export const applyDamage: ActionDefinition<ApplyDamagePayload> = {
  description: 'Marks boxes of physical or stun damage on a runner or NPC, with overflow.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'amount', 'track'],
    properties: {
      actorId: { type: 'string', minLength: 1, maxLength: 128 },
      amount: { type: 'integer', minimum: 1, maximum: 100 },
      track: { type: 'string', enum: Object.values(TRACKS) },
    },
  },
  handle(ctx) {
    const actor =
      ctx.actor(ctx.payload.actorId) ?? ctx.reject(`There is no actor ${ctx.payload.actorId}.`);
    if (actor.type !== 'runner' && actor.type !== 'npc') {
      ctx.reject(`${actor.name} is not a runner or NPC.`);
    }
    proposeDamage(ctx, actor, ctx.payload.amount, ctx.payload.track);
  },
};
