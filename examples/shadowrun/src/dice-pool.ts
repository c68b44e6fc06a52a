/**
 * Rolling a pool of d6: hits on 5 and 6, glitches on 1s, the limit, and
 * Edge's exploding 6s.
 */
import type { DiceApi } from '@vtt/sdk';

/** A dice roll result as the SDK returns it. */
export type RollResult = ReturnType<DiceApi['roll']>;

/** No glitch, a glitch, or a critical glitch (a glitch without a single hit). */
export const GLITCH = { none: 'none', glitch: 'glitch', critical: 'critical' } as const;
export type Glitch = (typeof GLITCH)[keyof typeof GLITCH];

/** What a pool roll needs. */
export interface PoolRequest {
  /** Dice in the pool (after every modifier); below 0 counts as 0. */
  readonly dice: number;
  /** Maximum hits that count, or null for none. Ignored when `explode` is set. */
  readonly limit: number | null;
  /** Pushing the Limit with Edge: 6s explode and the limit is ignored. */
  readonly explode: boolean;
}

/** What a pool roll gave. */
export interface PoolResult {
  /** Dice in the pool (extra dice from exploding 6s not included). */
  readonly dice: number;
  /** Every 5 and 6 rolled, extra dice included, before the limit. */
  readonly hits: number;
  /** Hits that count: `hits` capped by the limit (unless Edge was pushed). */
  readonly successes: number;
  /** The limit that applied, or null (no limit, or Edge ignored it). */
  readonly limit: number | null;
  /** Whether the limit cut hits off. */
  readonly limited: boolean;
  /** 1s among the pool's own dice. */
  readonly ones: number;
  readonly glitch: Glitch;
  /** The dice roll, or null for an empty pool. */
  readonly roll: RollResult | null;
}

/** The most dice one pool may hold. */
export const MAX_POOL = 100;

/**
 * Counts hits and glitches of a rolled pool. Glitches look at the pool's own
 * dice only: more than half of them show 1. Extra dice from exploding 6s add
 * hits but never count toward a glitch (neither their 1s nor their number).
 *
 * @example
 * readPool(roll, { dice: 6, limit: 3, explode: false }).glitch; // 'glitch' with four 1s
 */
export function readPool(roll: RollResult | null, request: PoolRequest): PoolResult {
  const dice = Math.max(0, Math.min(MAX_POOL, request.dice));
  let hits = 0;
  let ones = 0;
  for (const term of roll?.terms ?? []) {
    if (term.type !== 'dice') continue;
    for (const die of term.dice) {
      if (die.dropped || die.rerolled) continue;
      if (die.value >= 5) hits += 1;
      if (die.value === 1 && !die.fromExplosion) ones += 1;
    }
  }
  const limit = request.explode ? null : request.limit;
  const successes = limit === null ? hits : Math.min(hits, Math.max(0, limit));
  const glitched = dice > 0 && ones * 2 > dice;
  return {
    dice,
    hits,
    successes,
    limit,
    limited: successes < hits,
    ones,
    glitch: !glitched ? GLITCH.none : hits === 0 ? GLITCH.critical : GLITCH.glitch,
    roll,
  };
}

/**
 * Rolls a pool with the table's dice: `Nd6>=5`, or `Nd6>=5!` when Edge
 * makes 6s explode. An empty pool rolls nothing.
 *
 * @example
 * const pool = rollPool(ctx.dice, { dice: 8, limit: 4, explode: false });
 * ctx.say(`${pool.successes} hits`, { roll: pool.roll ?? undefined });
 */
export function rollPool(dice: DiceApi, request: PoolRequest, label?: string): PoolResult {
  const count = Math.max(0, Math.min(MAX_POOL, request.dice));
  const notation = `${count}d6>=5${request.explode ? '!' : ''}`;
  const roll =
    count === 0 ? null : dice.roll(notation, label === undefined ? undefined : { label });
  return readPool(roll, { ...request, dice: count });
}

/** One line for chat: "3 hits (limit 4)", "2 hits (5 rolled, limit 2) - GLITCH". */
export function describePool(pool: PoolResult): string {
  const parts = [`${pool.successes} ${pool.successes === 1 ? 'hit' : 'hits'}`];
  const notes: string[] = [`${pool.dice} ${pool.dice === 1 ? 'die' : 'dice'}`];
  if (pool.limited) notes.push(`${pool.hits} rolled, limit ${pool.limit}`);
  else if (pool.limit !== null) notes.push(`limit ${pool.limit}`);
  parts.push(`(${notes.join(', ')})`);
  if (pool.glitch === GLITCH.glitch) parts.push('- GLITCH');
  if (pool.glitch === GLITCH.critical) parts.push('- CRITICAL GLITCH');
  return parts.join(' ');
}
