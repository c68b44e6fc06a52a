/**
 * Verified rolls: a roll a module presents (in a named roll's outcome, or
 * on a message it posts) must be one the host drew for it during the call.
 * Each is looked up by id among the call's records and rebuilt from the
 * recorded draws, so its numbers are the host's, whatever the module sent.
 */
import {
  isVttError,
  matchesRecord,
  replayDiceSource,
  roll,
  VttError,
  type JsonValue,
  type RollOutcome,
  type RollRecord,
  type RollResult,
  type VerifiedRolls,
} from '@vtt/core';

/** The records of one call, by id. */
export type RollRecords = ReadonlyMap<string, RollRecord>;

/** Indexes a call's records by id. */
export function recordsById(records: readonly RollRecord[] | undefined): RollRecords {
  return new Map((records ?? []).map((r) => [r.id, r]));
}

/**
 * The host's own version of `claimed`: rebuilt from the record it names
 * (terms and text from the recorded draws and label; nothing of the
 * module's text is kept). Throws `VTT_ERR_MODULE_ROLL_NOT_DRAWN` when no record has its id or
 * its numbers differ from the record's.
 */
export function checkedRoll(
  moduleId: string,
  records: RollRecords,
  claimed: RollResult,
): RollResult {
  const notation = typeof claimed.notation === 'string' ? claimed.notation : String(claimed.text);
  const refuse = (problem: string) =>
    new VttError('VTT_ERR_MODULE_ROLL_NOT_DRAWN', { moduleId, notation, problem });
  const id = typeof claimed.id === 'string' ? claimed.id : undefined;
  const record = id === undefined ? undefined : records.get(id);
  if (record === undefined) {
    throw refuse(
      id === undefined
        ? 'it has no roll id, so no die of it was drawn by the host'
        : `no roll ${id} was drawn in this call`,
    );
  }
  if (!matchesRecord(claimed, record))
    throw refuse(`its numbers differ from roll ${record.id} as drawn`);
  let rebuilt: RollResult;
  try {
    rebuilt = roll(record.notation, { source: replayDiceSource(record.draws) });
  } catch (error) {
    if (isVttError(error)) throw refuse(`roll ${record.id} does not replay (${error.code})`);
    throw error;
  }
  const text = record.label === undefined ? rebuilt.text : `${record.label}: ${rebuilt.text}`;
  return { ...rebuilt, text, id: record.id };
}

/** A named roll's outcome with every roll checked and rebuilt (see {@link checkedRoll}). */
export function checkedOutcome(
  moduleId: string,
  records: RollRecords,
  outcome: RollOutcome,
): RollOutcome {
  return { ...outcome, rolls: outcome.rolls.map((r) => checkedRoll(moduleId, records, r)) };
}

const isObject = (v: unknown): v is Record<string, JsonValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The roll and data of a message a module proposes, checked: its `roll`, and
 * the rolls of a roll card's `data.outcome.rolls`, must be rolls the host
 * drew (else `VTT_ERR_MODULE_ROLL_NOT_DRAWN`). Returns them rebuilt, with
 * the `verified` record the host puts on the message (none without rolls).
 */
export function checkedMessage(
  moduleId: string,
  records: RollRecords,
  message: { readonly roll: RollResult | null; readonly data: JsonValue },
): { roll: RollResult | null; data: JsonValue; verified?: VerifiedRolls } {
  const used = new Map<string, RollRecord>();
  const check = (r: RollResult): RollResult => {
    const checked = checkedRoll(moduleId, records, r);
    used.set(checked.id!, records.get(checked.id!)!);
    return checked;
  };
  const roll = message.roll === null ? null : check(message.roll);
  let data = message.data;
  const outcome = isObject(data) ? data['outcome'] : undefined;
  if (isObject(data) && isObject(outcome) && Array.isArray(outcome['rolls'])) {
    const rolls = outcome['rolls'].map((r) => check(r as unknown as RollResult));
    data = { ...data, outcome: { ...outcome, rolls: rolls as unknown as JsonValue } };
  }
  if (used.size === 0) return { roll, data };
  return { roll, data, verified: { by: moduleId, rolls: [...used.values()] } };
}
