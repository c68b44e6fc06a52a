/**
 * The roll log: every verified roll of a table, grouped by dice session with
 * the session's commitment and (once revealed) its seed. `rollLog` builds it
 * from the event log; `verifyRollLog` re-derives every roll from the seeds
 * (what `vtt roll --verify` runs). See docs/reference/dice.md, "Auditing".
 */
import type { ErrorCode } from '../errors/codes.js';
import type { ErrorParams } from '../errors/vtt-error.js';
import type { DiceSession } from '../model/documents.js';
import type { TableEvent } from '../events/event-types.js';
import { createRng, DICE_STREAM, seedCommitment, type RngState } from '../random/rng.js';
import { FORCED_STREAM, type RollRecord } from './roll-record.js';
import { roll } from './roll.js';

/** The `format` field of a roll log. */
export const ROLL_LOG_FORMAT = 'vtt-roll-log';

/** One roll of the log: the host's record, the message that showed it, and who vouched for it. */
export interface RollLogEntry extends RollRecord {
  /** Seq of the `core:message-posted` event. */
  readonly seq: number;
  readonly messageId: string;
  /** `'core'` or the module id (`verified.by` of the message). */
  readonly by: string;
}

/** One dice session of the log. */
export interface RollLogSession {
  readonly session: number;
  /** The published commitment; null when the log starts mid-session and the session never ended. */
  readonly commitment: string | null;
  /** The revealed seed; null while the session runs. */
  readonly seed: string | null;
  readonly rolls: readonly RollLogEntry[];
}

/** The export format of a table's rolls (JSON). */
export interface RollLog {
  readonly format: typeof ROLL_LOG_FORMAT;
  readonly version: 1;
  readonly sessions: readonly RollLogSession[];
}

/**
 * Builds the roll log of `events` (in seq order, e.g. the whole campaign
 * log): every message with host-verified rolls, per dice session. `start`
 * is the session running before the first event (a new table's
 * `campaign.dice`); without it the first session's commitment is taken from
 * its end event. Pure.
 *
 * @example
 * const log = rollLog(events, { start: createTableState(opts).campaign.dice });
 * writeFileSync('rolls.json', JSON.stringify(log));
 */
export function rollLog(
  events: readonly TableEvent[],
  options?: { readonly start?: DiceSession },
): RollLog {
  type Open = {
    session: number;
    commitment: string | null;
    seed: string | null;
    rolls: RollLogEntry[];
  };
  const sessions: Open[] = [];
  let current: Open = {
    session: options?.start?.session ?? 1,
    commitment: options?.start?.commitment ?? null,
    seed: options?.start?.seed ?? null,
    rolls: [],
  };
  sessions.push(current);
  for (const event of events) {
    if (event.type === 'core:dice-session-ended') {
      current.commitment ??= event.payload.commitment;
      current.seed = event.payload.seed;
    } else if (event.type === 'core:dice-session-started') {
      current = {
        session: event.payload.session,
        commitment: event.payload.commitment,
        seed: null,
        rolls: [],
      };
      sessions.push(current);
    } else if (event.type === 'core:message-posted') {
      const { message } = event.payload;
      const verified = message.verified;
      if (verified === undefined) continue;
      for (const record of verified.rolls) {
        current.rolls.push({ ...record, seq: event.seq, messageId: message.id, by: verified.by });
      }
    }
  }
  return {
    format: ROLL_LOG_FORMAT,
    version: 1,
    sessions: sessions.filter((s) => s.rolls.length > 0 || s.seed !== null),
  };
}

/** One problem `verifyRollLog` found, as data: a code of core's error table and its params. */
export interface RollProblem {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
}

function sameRecord(a: RollRecord, b: RollRecord): boolean {
  return (
    a.stream === b.stream &&
    a.position === b.position &&
    a.notation === b.notation &&
    a.total === b.total &&
    JSON.stringify(a.draws) === JSON.stringify(b.draws)
  );
}

/** What `verifyRollLog` found. */
export interface RollVerification {
  /** Rolls re-derived exactly from their session's revealed seed. */
  readonly verified: number;
  readonly problems: readonly RollProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `value` is not a roll log, or null when it is one. */
function shapeProblem(value: unknown): string | null {
  if (!isObject(value) || value['format'] !== ROLL_LOG_FORMAT)
    return 'its format is not "vtt-roll-log"';
  if (value['version'] !== 1) return `version ${String(value['version'])} is not 1`;
  if (!Array.isArray(value['sessions'])) return '"sessions" is not a list';
  for (const [i, s] of (value['sessions'] as unknown[]).entries()) {
    if (!isObject(s) || typeof s['session'] !== 'number' || !Array.isArray(s['rolls']))
      return `sessions[${i}] needs a session number and a rolls list`;
    for (const [j, r] of (s['rolls'] as unknown[]).entries()) {
      if (
        !isObject(r) ||
        typeof r['id'] !== 'string' ||
        typeof r['stream'] !== 'string' ||
        typeof r['position'] !== 'number' ||
        typeof r['notation'] !== 'string' ||
        typeof r['total'] !== 'number' ||
        !Array.isArray(r['draws'])
      )
        return `sessions[${i}].rolls[${j}] is not a roll record`;
    }
  }
  return null;
}

/**
 * Checks every roll of `log` (parsed JSON, checked here): each session's
 * seed must match its commitment, and each roll must re-derive exactly
 * (notation, draws, total) from the seed at its recorded stream and
 * position, without overlapping the draws of an earlier roll. Pure; returns
 * the count of verified rolls and every problem with its code.
 *
 * @example
 * const { verified, problems } = verifyRollLog(JSON.parse(text));
 * if (problems.length === 0) console.log(`${verified} rolls verified`);
 */
export function verifyRollLog(log: unknown, file = 'input'): RollVerification {
  const problem = shapeProblem(log);
  if (problem !== null) {
    return {
      verified: 0,
      problems: [{ code: 'VTT_ERR_ROLL_LOG_INVALID', params: { file, problem } }],
    };
  }
  const problems: RollProblem[] = [];
  let verified = 0;
  for (const session of (log as RollLog).sessions) {
    const { seed, commitment } = session;
    if (seed === null || typeof seed !== 'string') {
      if (session.rolls.length > 0) {
        problems.push({
          code: 'VTT_ERR_ROLL_SEED_HIDDEN',
          params: { session: session.session, count: session.rolls.length },
        });
      }
      continue;
    }
    if (commitment === null || seedCommitment(seed) !== commitment) {
      problems.push({
        code: 'VTT_ERR_ROLL_COMMITMENT_MISMATCH',
        params: { session: session.session, commitment: String(commitment) },
      });
      continue;
    }
    const intervals: {
      stream: string;
      start: number;
      end: number;
      id: string;
      notation: string;
    }[] = [];
    const seen = new Map<string, RollLogEntry>();
    for (const entry of session.rolls) {
      const mismatch = (why: string) =>
        problems.push({
          code: 'VTT_ERR_ROLL_MISMATCH',
          params: {
            id: entry.id,
            notation: entry.notation,
            session: session.session,
            problem: why,
          },
        });
      // One roll shown on two messages is checked once.
      const twin = seen.get(entry.id);
      if (twin !== undefined && sameRecord(twin, entry)) continue;
      seen.set(entry.id, entry);
      if (entry.stream === FORCED_STREAM) {
        mismatch('its faces were forced by a test, not drawn');
        continue;
      }
      const state: RngState =
        entry.stream === DICE_STREAM
          ? { algorithm: 'chacha20', seed, position: entry.position, streams: {} }
          : {
              algorithm: 'chacha20',
              seed,
              position: 0,
              streams: { [entry.stream]: entry.position },
            };
      let again;
      const rng = createRng(state, entry.stream);
      try {
        again = roll(entry.notation, { rng });
      } catch (error) {
        mismatch(`its notation does not roll (${(error as { code?: string }).code ?? 'error'})`);
        continue;
      }
      const sameDraws =
        again.draws.length === entry.draws.length &&
        again.draws.every(
          (d, i) => d.sides === entry.draws[i]?.sides && d.value === entry.draws[i]?.value,
        );
      if (!sameDraws) mismatch('its dice differ from the ones the seed gives');
      else if (again.total !== entry.total)
        mismatch(`its total ${entry.total} should be ${again.total}`);
      else
        intervals.push({
          stream: entry.stream,
          start: entry.position,
          end: rng.position(),
          id: entry.id,
          notation: entry.notation,
        });
    }
    // Two rolls may not share draws, whatever order their messages came in.
    intervals.sort((a, b) =>
      a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : a.start - b.start,
    );
    let reach = { stream: '', end: 0, id: '' }; // the furthest draw of the stream so far
    for (const roll of intervals) {
      if (roll.stream !== reach.stream) reach = { stream: roll.stream, end: 0, id: '' };
      if (roll.start < reach.end && roll.end > roll.start) {
        problems.push({
          code: 'VTT_ERR_ROLL_MISMATCH',
          params: {
            id: roll.id,
            notation: roll.notation,
            session: session.session,
            problem: `it reuses draws of roll ${reach.id}`,
          },
        });
        continue;
      }
      verified++;
      if (roll.end > reach.end) reach = { stream: roll.stream, end: roll.end, id: roll.id };
    }
  }
  return { verified, problems };
}
