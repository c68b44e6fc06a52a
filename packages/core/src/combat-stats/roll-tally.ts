/** Reading the rolls of a chat message into a {@link RollTally}. */
import type { ChatMessage } from '../model/documents.js';
import type { JsonValue } from '../model/json.js';
import type { RollTally } from './combat-stats-types.js';

/** A tally of no rolls. */
export const NO_ROLLS: RollTally = {
  count: 0,
  crits: 0,
  fumbles: 0,
  glitches: 0,
  successes: 0,
  failures: 0,
  hits: 0,
};

/** `a` and `b` added up. */
export function addTally(a: RollTally, b: RollTally): RollTally {
  return {
    count: a.count + b.count,
    crits: a.crits + b.crits,
    fumbles: a.fumbles + b.fumbles,
    glitches: a.glitches + b.glitches,
    successes: a.successes + b.successes,
    failures: a.failures + b.failures,
    hits: a.hits + b.hits,
  };
}

/** One roll as a message shows it: its tally and the actor its card names, if any. */
export interface MessageRoll {
  readonly tally: RollTally;
  /** `flags[module].actorId` of a named roll's card: the actor the roll was made for. */
  readonly actorId: string | null;
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * The roll a message (as its reader sees it) counts as, or null for none:
 * a named roll's card (`verified.by` a module, with `flags[module].outcome`)
 * counts once with what its typed outcome says; a core-verified roll
 * (`/roll`, a message with a roll) counts once, its `successes` as hits.
 * Other module messages with rolls are details of a named roll or an
 * action, and messages without `verified` carry no roll the host drew.
 */
export function messageRoll(message: ChatMessage): MessageRoll | null {
  const by = message.verified?.by;
  if (by === undefined) return null;
  if (by === 'core') {
    if (message.roll === null) return null;
    const hits = num(message.roll.successes) ?? 0;
    return { tally: { ...NO_ROLLS, count: 1, hits }, actorId: null };
  }
  const card = message.flags[by];
  const outcome = isObject(card) ? card['outcome'] : undefined;
  if (!isObject(outcome) || !isObject(card)) return null;
  const margin = num(outcome['margin']);
  const glitch = outcome['glitch'];
  const glitched = glitch === 'glitch' || glitch === 'critical';
  return {
    tally: {
      count: 1,
      crits: outcome['critical'] === 'success' ? 1 : 0,
      fumbles: outcome['critical'] === 'failure' || glitch === 'critical' ? 1 : 0,
      glitches: glitched ? 1 : 0,
      successes: margin !== undefined && margin >= 0 ? 1 : 0,
      failures: margin !== undefined && margin < 0 ? 1 : 0,
      hits: num(outcome['successes']) ?? 0,
    },
    actorId: typeof card['actorId'] === 'string' ? card['actorId'] : null,
  };
}
