/**
 * The chat command `/pool <dice> [limit]`: a raw pool, no character needed.
 */
import type { ChatCommandDefinition } from '@vtt/sdk';
import { describePool, MAX_POOL, rollPool } from './dice-pool.js';

const USAGE = `Usage: /pool <dice> [limit], e.g. /pool 8 4 (dice 1-${MAX_POOL}, limit 0 or more).`;

/**
 * Reads `/pool` arguments: a dice count and an optional limit, or null
 * when they are not whole numbers in range.
 *
 * @example
 * parsePoolArgs('8 4'); // { dice: 8, limit: 4 }
 */
export function parsePoolArgs(text: string): { dice: number; limit: number | null } | null {
  const match = /^(\d{1,3})(?:\s+(\d{1,3}))?$/.exec(text.trim());
  if (match === null) return null;
  const dice = Number(match[1]);
  const limit = match[2] === undefined ? null : Number(match[2]);
  if (dice < 1 || dice > MAX_POOL) return null;
  return { dice, limit };
}

/** `/pool 8 4`: rolls 8d6, counts 5s and 6s, caps them at 4 and posts hits and glitches. */
export const poolCommand: ChatCommandDefinition = {
  description: 'Rolls a dice pool: /pool <dice> [limit]',
  run(ctx) {
    const args = parsePoolArgs(ctx.args) ?? ctx.reject(USAGE);
    const pool = rollPool(ctx.dice, { ...args, explode: false }, 'Pool');
    ctx.say(`Pool: ${describePool(pool)}`, {
      ...(pool.roll === null ? {} : { roll: pool.roll }),
      data: {
        pool: pool.dice,
        hits: pool.hits,
        successes: pool.successes,
        limit: pool.limit,
        glitch: pool.glitch,
      },
    });
  },
};
