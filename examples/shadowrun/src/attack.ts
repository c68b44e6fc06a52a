/**
 * The named roll `attack`: a weapon item's attack, skill + attribute capped
 * by the weapon's Accuracy, against the defender's Reaction + Intuition; net
 * hits add to the weapon's Damage Value.
 */
import type { ModuleContext, RollDefinition, RollOutcome } from '@vtt/sdk';
import { requireOwnActor } from './access.js';
import type { Actor, JsonValue } from './actor-data.js';
import { describePool, rollPool } from './dice-pool.js';
import { itemsOf, readWeapon, type Weapon } from './items.js';
import { buildPool, POOL_SPEC_PROPERTIES, spendEdge } from './pools.js';
import { statsOf } from './stats.js';
import { defenderPool, poolData, type DefenderArgs } from './tests.js';

/** Arguments of the `attack` roll (a sheet's item row adds `itemId`). */
export interface AttackArgs {
  /** The weapon item on the attacker. */
  readonly itemId: string;
  /**
   * Who defends: an actor the user may see (Reaction + Intuition unless
   * the spec names other dice), or plain dice. Left out, the card gives the
   * hits and the base Damage Value, for the defender's own roll.
   */
  readonly defender?: DefenderArgs;
  readonly modifier?: number;
  readonly edge?: boolean;
  readonly specialization?: boolean;
}

/** `8P`, `5S`: a Damage Value and its type. */
export const damageCode = (value: number, type: Weapon['damageType']): string =>
  `${value}${type === 'physical' ? 'P' : 'S'}`;

/**
 * The weapon `itemId` among the items of `actor` that the acting user sees,
 * refusing when there is none.
 *
 * @example
 * const weapon = requireWeapon(ctx, actor, 'sidewinder'); // weapon.damage === 8
 */
export function requireWeapon(ctx: ModuleContext, actor: Actor, itemId: string): Weapon {
  return (
    itemsOf(ctx.items(actor.id), readWeapon).find((w) => w.id === itemId) ??
    ctx.reject(`${actor.name} carries no weapon ${itemId}.`)
  );
}

/**
 * `attack`: rolls the weapon's skill + its linked attribute (augmented),
 * limited by the weapon's Accuracy, against the defender. On a hit (more
 * hits than the defender; a tie misses) the Damage Value is the weapon's
 * (+ Strength for a melee weapon that adds it) + the net hits, with the
 * weapon's damage type and Armor Penetration: `data.soak` holds the
 * defender's `soak` arguments. `total` and `margin` are the net hits.
 */
export const attackRoll: RollDefinition<AttackArgs> = {
  label: 'Attack',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['itemId'],
    properties: {
      itemId: { type: 'string', minLength: 1, maxLength: 128 },
      defender: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...POOL_SPEC_PROPERTIES,
          actorId: { type: 'string', minLength: 1, maxLength: 128 },
          dice: { type: 'integer', minimum: 0, maximum: 100 },
        },
      },
      modifier: POOL_SPEC_PROPERTIES.modifier,
      edge: POOL_SPEC_PROPERTIES.edge,
      specialization: POOL_SPEC_PROPERTIES.specialization,
    },
  },
  roll(ctx): Omit<RollOutcome, 'name'> {
    const args = ctx.args ?? ctx.reject('Name the weapon to attack with (itemId).');
    const actor = requireOwnActor(ctx, ctx.subject);
    const weapon = requireWeapon(ctx, actor, args.itemId);
    const built = buildPool(ctx, actor, {
      skill: weapon.skill,
      limit: weapon.accuracy,
      ...(args.modifier === undefined ? {} : { modifier: args.modifier }),
      ...(args.edge === undefined ? {} : { edge: args.edge }),
      ...(args.specialization === undefined ? {} : { specialization: args.specialization }),
    });
    const strength = weapon.strengthBonus ? statsOf(ctx, actor).attributes.strength : 0;
    const base = weapon.damage + strength;
    const side =
      args.defender === undefined
        ? null
        : defenderPool(ctx, { attribute: 'reaction', attribute2: 'intuition', ...args.defender });
    if (built.explode) spendEdge(ctx, actor);
    const label = `${weapon.name} (${built.label})`;
    const attack = rollPool(ctx.dice, built, label);
    const defense =
      side === null ? null : { ...side, pool: rollPool(ctx.dice, side.request, side.label) };
    const net = defense === null ? null : attack.successes - defense.pool.successes;
    const value = net !== null && net > 0 ? base + net : null;
    const damage = {
      base,
      value,
      type: weapon.damageType,
      armorPenetration: weapon.armorPenetration,
      code: damageCode(value ?? base, weapon.damageType),
    };
    const ap = weapon.armorPenetration === 0 ? '' : `, AP ${weapon.armorPenetration}`;
    const dv = damageCode(base, weapon.damageType);
    let result = `; DV ${dv} + net hits${ap}.`;
    let opposed: Record<string, JsonValue> = {};
    if (defense !== null && net !== null) {
      const verdict =
        value === null ? 'Miss.' : `Hit with ${net} net: DV ${dv} + ${net} = ${damage.code}${ap}.`;
      result = ` vs ${defense.name}: ${describePool(defense.pool)}. ${verdict}`;
      opposed = {
        success: net > 0,
        netHits: Math.max(0, net),
        defender: { name: defense.name, ...poolData(defense.built, defense.pool) },
      };
    }
    ctx.say(`${actor.name} attacks with ${weapon.name}: ${describePool(attack)}${result}`);
    const soak: Record<string, JsonValue> =
      value === null
        ? {}
        : {
            soak: {
              damage: value,
              armorPenetration: weapon.armorPenetration,
              track: weapon.damageType,
            },
          };
    return {
      label: weapon.name,
      total: net ?? attack.successes,
      successes: attack.successes,
      glitch: attack.glitch,
      ...(defense === null || net === null ? {} : { target: defense.pool.successes, margin: net }),
      rolls: [attack.roll, defense?.pool.roll ?? null].filter((r) => r !== null),
      data: {
        ...poolData(built, attack),
        weapon: { id: weapon.id, name: weapon.name, skill: weapon.skill },
        damage,
        ...opposed,
        ...soak,
      },
    };
  },
};
