/**
 * Rolls the host draws and records: where the dice came from (stream and
 * position of the table's generator), so a roll card can show only dice the
 * host drew and anyone can re-derive them once the seed is revealed.
 */
import type { Rng } from '../random/rng.js';
import type { DiceDraw, RollResult } from './result.js';
import { roll, type RollOptions } from './roll.js';

/** The stream name a record carries when a test's forced faces were used. */
export const FORCED_STREAM = 'forced';

/**
 * One roll as the host drew it. JSON; the host sets it, never module code or
 * a user. `stream` and `position` say where its draws start in the session's
 * generator (`createRng(seed, stream)` advanced to `position`).
 */
export interface RollRecord {
  /** Unique among the records of one message (and, per session, of the table). */
  readonly id: string;
  /** `'dice'`, or `'forced'` when a test forced its faces (such a roll never verifies). */
  readonly stream: string;
  /** Words of the stream drawn before this roll. */
  readonly position: number;
  readonly notation: string;
  readonly total: number;
  readonly draws: readonly DiceDraw[];
  /** The label the roll was made with (`ctx.dice.roll(n, { label })`); its text starts `label: `. */
  readonly label?: string;
}

/**
 * Rolls `notation` with the table generator `rng` (possibly wrapped by
 * `withForcedFaces`) and returns the result, whose `id` names the record,
 * with its {@link RollRecord}. A `label` prefixes the text (`label: ...`)
 * and is kept in the record. Throws what `roll` throws.
 *
 * @example
 * const { result, record } = drawRoll(ctx.rng(), '1d20+5');
 * // post result; put record into the message's `verified.rolls`
 */
export function drawRoll(
  rng: Rng,
  notation: string,
  options?: Pick<RollOptions, 'limits'> & { readonly id?: string; readonly label?: string },
): { result: RollResult; record: RollRecord } {
  const position = rng.position();
  const forcedBefore = rng.forcedUsed?.() ?? 0;
  const rolled = roll(notation, { rng, ...(options?.limits ? { limits: options.limits } : {}) });
  const forced = (rng.forcedUsed?.() ?? 0) > forcedBefore;
  const stream = forced ? FORCED_STREAM : rng.stream;
  const id = options?.id ?? `${stream}@${position}`;
  const label = options?.label;
  const text = label === undefined ? rolled.text : `${label}: ${rolled.text}`;
  const result: RollResult = { ...rolled, text, id };
  const record: RollRecord = {
    id,
    stream,
    position,
    notation,
    total: rolled.total,
    draws: rolled.draws,
    ...(label === undefined ? {} : { label }),
  };
  return { result, record };
}

/**
 * Whether a roll result shows exactly what `record` drew: the same id,
 * notation, total and draws. The text and labels are not compared (a module
 * may label a roll); the host re-attaches the drawn numbers anyway.
 *
 * @example
 * if (!matchesRecord(claimed, records.get(claimed.id))) refuse();
 */
export function matchesRecord(result: RollResult, record: RollRecord | undefined): boolean {
  if (record === undefined || result.id !== record.id) return false;
  if (result.notation !== record.notation || result.total !== record.total) return false;
  const draws = result.draws;
  if (!Array.isArray(draws) || draws.length !== record.draws.length) return false;
  return draws.every(
    (d, i) => d?.sides === record.draws[i]!.sides && d?.value === record.draws[i]!.value,
  );
}
