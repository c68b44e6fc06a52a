/**
 * The named roll `soak`: resisting damage with Body + armor (worn armor
 * items and implanted armor such as dermal plating).
 */
import type { RollDefinition, RollOutcome } from '@vtt/sdk';
import { requireOwnActor } from './access.js';
import { dataWith } from './actor-data.js';
import { proposeDamage, TRACKS, type Track } from './damage.js';
import { describePool, rollPool } from './dice-pool.js';
import { edgeAfterPush } from './pools.js';
import { statsOf } from './stats.js';

/** Arguments of the `soak` roll. */
export interface SoakArgs {
  /** The incoming Damage Value (after the attacker's net hits). */
  readonly damage: number;
  /** Armor Penetration of the attack (0 or negative). */
  readonly armorPenetration?: number;
  /** The damage's track; physical damage below the modified armor becomes stun. */
  readonly track?: Track;
  readonly modifier?: number;
  readonly edge?: boolean;
  /** Mark what is left on the condition monitor. */
  readonly apply?: boolean;
}

/**
 * `soak`: Body + armor (the best worn armor item, worn accessories up to
 * Strength, implanted armor; lowered by Armor Penetration, never below 0), no
 * limit, and neither wounds nor conditions take dice from it. Each hit
 * takes one box off the Damage Value; `total` is the damage left, and with
 * `apply` it is marked on the actor.
 */
export const soakRoll: RollDefinition<SoakArgs> = {
  label: 'Soak',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['damage'],
    properties: {
      damage: { type: 'integer', minimum: 0, maximum: 100 },
      armorPenetration: { type: 'integer', minimum: -50, maximum: 0 },
      track: { type: 'string', enum: Object.values(TRACKS) },
      modifier: { type: 'integer', minimum: -50, maximum: 50 },
      edge: { type: 'boolean' },
      apply: { type: 'boolean' },
    },
  },
  roll(ctx): Omit<RollOutcome, 'name'> {
    const args = ctx.args ?? ctx.reject('Give the damage to soak, e.g. { "damage": 6 }.');
    const actor = requireOwnActor(ctx, ctx.subject);
    const stats = statsOf(ctx, actor);
    const armor = Math.max(0, stats.armor + (args.armorPenetration ?? 0));
    const explode = args.edge === true;
    const edgeFields = explode ? edgeAfterPush(ctx, actor) : {};
    const dice =
      Math.max(0, stats.attributes.body + armor + (args.modifier ?? 0)) +
      (explode ? stats.attributes.edge : 0);
    const track: Track =
      (args.track ?? TRACKS.physical) === TRACKS.physical && args.damage >= armor
        ? TRACKS.physical
        : TRACKS.stun;
    const pool = rollPool(ctx.dice, { dice, limit: null, explode }, 'Body + Armor');
    const left = Math.max(0, args.damage - pool.hits);
    ctx.say(
      `${actor.name} soaks ${args.damage}${track === TRACKS.stun ? ' (as stun)' : ''}: ${describePool(pool)}, ${left} ${track} left.`,
    );
    if (args.apply === true && left > 0) {
      proposeDamage(ctx, actor, left, track, edgeFields);
    } else if (explode) {
      ctx.act('core:update-actor', {
        actorId: actor.id,
        patch: { data: dataWith(actor, edgeFields) },
      });
    }
    return {
      label: `Soak ${args.damage}`,
      total: left,
      successes: pool.hits,
      glitch: pool.glitch,
      rolls: pool.roll === null ? [] : [pool.roll],
      data: { pool: pool.dice, hits: pool.hits, armor, track, damageLeft: left, ones: pool.ones },
    };
  },
};
