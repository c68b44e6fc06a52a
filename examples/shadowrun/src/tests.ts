/**
 * The named rolls `test` (a success test against an optional threshold) and
 * `opposed` (attacker's hits against defender's hits).
 */
import type { ModuleContext, RollDefinition, RollOutcome } from '@vtt/sdk';
import { requireOwnActor, requireVisibleActor } from './access.js';
import type { Actor } from './actor-data.js';
import { describePool, rollPool, type PoolRequest, type PoolResult } from './dice-pool.js';
import {
  buildPool,
  POOL_SPEC_PROPERTIES,
  spendEdge,
  type BuiltPool,
  type PoolSpec,
} from './pools.js';

/** Arguments of the `test` roll. */
export interface TestArgs extends PoolSpec {
  /** Hits needed; the outcome's `margin` is then the net hits. */
  readonly threshold?: number;
}

/** The defender's side of an opposed test: an actor's pool, or plain dice. */
export interface DefenderArgs extends PoolSpec {
  readonly actorId?: string;
  /** The defender's dice when no actor is given. */
  readonly dice?: number;
}

/** Arguments of the `opposed` roll. */
export interface OpposedArgs extends PoolSpec {
  readonly defender: DefenderArgs;
}

type Outcome = Omit<RollOutcome, 'name'>;

/** The chat-card details of one rolled pool. */
export function poolData(built: BuiltPool | null, pool: PoolResult) {
  return {
    hits: pool.hits,
    pool: pool.dice,
    limit: pool.limit,
    limited: pool.limited,
    edge: built?.explode ?? false,
    ones: pool.ones,
    glitch: pool.glitch,
    ...(built === null ? {} : { parts: { ...built.parts }, conditions: [...built.conditions] }),
  };
}

/**
 * `test`: attribute + skill (or two attributes) against an optional
 * threshold. `successes` are the hits after the limit; with a threshold,
 * `target` is the threshold and `margin` the net hits (negative: failed).
 */
export const testRoll: RollDefinition<TestArgs> = {
  label: 'Test',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...POOL_SPEC_PROPERTIES,
      threshold: { type: 'integer', minimum: 0, maximum: 50 },
    },
  },
  roll(ctx): Outcome {
    const args = ctx.args ?? {};
    const actor = requireOwnActor(ctx, ctx.subject);
    const built = buildPool(ctx, actor, args);
    if (built.explode) spendEdge(ctx, actor);
    const pool = rollPool(ctx.dice, built, built.label);
    const threshold = args.threshold;
    const margin = threshold === undefined ? undefined : pool.successes - threshold;
    const verdict =
      margin === undefined ? '' : margin >= 0 ? `, success (${margin} net)` : ', failure';
    ctx.say(`${actor.name}, ${built.label}: ${describePool(pool)}${verdict}`);
    return {
      label: `${built.label}${threshold === undefined ? '' : ` (${threshold})`}`,
      total: pool.successes,
      successes: pool.successes,
      glitch: pool.glitch,
      ...(threshold === undefined ? {} : { target: threshold, margin }),
      rolls: pool.roll === null ? [] : [pool.roll],
      data: {
        ...poolData(built, pool),
        ...(margin === undefined ? {} : { success: margin >= 0, netHits: Math.max(0, margin) }),
      },
    };
  },
};

/** The other side of an opposed test, ready to roll. */
export interface DefenderPool {
  readonly name: string;
  readonly built: BuiltPool | null;
  readonly request: PoolRequest;
  readonly label: string;
}

/**
 * The defender's pool, put together before any die is rolled: an actor the
 * acting user may see (refusing others), or plain dice.
 */
export function defenderPool(ctx: ModuleContext, defender: DefenderArgs): DefenderPool {
  if (defender.actorId !== undefined) {
    const actor: Actor = requireVisibleActor(ctx, defender.actorId);
    if (defender.edge === true) ctx.reject('The defender pushes the limit on their own roll.');
    const built = buildPool(ctx, actor, defender);
    return { name: actor.name, built, request: built, label: `Defender: ${built.label}` };
  }
  const dice =
    defender.dice ?? ctx.reject("Give the defender's actorId, or their dice (defender.dice).");
  const limit = typeof defender.limit === 'number' ? defender.limit : null;
  const request = { dice, limit, explode: false };
  return { name: 'the defender', built: null, request, label: 'Defender' };
}

/**
 * `opposed`: the acting character's pool against a defender's (an actor,
 * or plain dice). `successes` are the attacker's hits, `target` the
 * defender's, `margin` the net hits; ties go to the defender.
 */
export const opposedRoll: RollDefinition<OpposedArgs> = {
  label: 'Opposed test',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['defender'],
    properties: {
      ...POOL_SPEC_PROPERTIES,
      defender: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...POOL_SPEC_PROPERTIES,
          actorId: { type: 'string', minLength: 1, maxLength: 128 },
          dice: { type: 'integer', minimum: 0, maximum: 100 },
        },
      },
    },
  },
  roll(ctx): Outcome {
    const args = ctx.args ?? ctx.reject("Give the attacker's pool and a defender.");
    const actor = requireOwnActor(ctx, ctx.subject);
    const built = buildPool(ctx, actor, args);
    const side = defenderPool(ctx, args.defender);
    if (built.explode) spendEdge(ctx, actor);
    const attack = rollPool(ctx.dice, built, built.label);
    const defender = { ...side, pool: rollPool(ctx.dice, side.request, side.label) };
    const net = attack.successes - defender.pool.successes;
    const verdict = net > 0 ? `${actor.name} wins with ${net} net hits` : `${defender.name} holds`;
    ctx.say(
      `${actor.name}, ${built.label}: ${describePool(attack)} vs ${defender.name}: ${describePool(defender.pool)}. ${verdict}.`,
    );
    const rolls = [attack.roll, defender.pool.roll].filter((r) => r !== null);
    return {
      label: `${built.label} (opposed)`,
      total: net,
      successes: attack.successes,
      glitch: attack.glitch,
      target: defender.pool.successes,
      margin: net,
      rolls,
      data: {
        ...poolData(built, attack),
        netHits: Math.max(0, net),
        success: net > 0,
        defender: { name: defender.name, ...poolData(defender.built, defender.pool) },
      },
    };
  },
};
