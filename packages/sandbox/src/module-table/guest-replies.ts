/**
 * Checks the shape of what module code answers. Module code is untrusted:
 * a reply that does not fit the protocol is refused with
 * `VTT_ERR_MODULE_BAD_REPLY`, before any of it reaches the table.
 */
import {
  VttError,
  type GuestProposal,
  type InitiativeResult,
  type JsonValue,
  type RollOutcome,
  type RollResult,
} from '@vtt/core';

type Json = JsonValue;
const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A refusal by the module (`ctx.reject`), or null when the reply is not one. */
export function rejectionOf(reply: Json): { reason: string; data?: Json } | null {
  if (!isObject(reply) || !isObject(reply['rejected'])) return null;
  const reason = reply['rejected']['reason'];
  return { reason: typeof reason === 'string' ? reason.slice(0, 500) : 'no reason given' };
}

/** Whether the guest asks to be loaded first (its replica is gone, e.g. after a worker restart). */
export function needsLoad(reply: Json): boolean {
  return isObject(reply) && reply['needsLoad'] === true;
}

function bad(moduleId: string, call: string, problem: string): VttError {
  return new VttError('VTT_ERR_MODULE_BAD_REPLY', { moduleId, call, problem });
}

function checkRollResult(value: Json | undefined): value is Json & RollResult {
  return (
    isObject(value) &&
    typeof value['total'] === 'number' &&
    Number.isFinite(value['total']) &&
    typeof value['text'] === 'string'
  );
}

/** The proposals of a reply, shape-checked. */
export function proposalsOf(moduleId: string, call: string, reply: Json): GuestProposal[] {
  const list = isObject(reply) ? reply['proposals'] : undefined;
  if (!Array.isArray(list)) throw bad(moduleId, call, 'expected { proposals: [...] }');
  return list.map((item, i) => {
    if (!isObject(item)) throw bad(moduleId, call, `proposal ${i} is not an object`);
    if (item['kind'] === 'action') {
      if (typeof item['type'] !== 'string')
        throw bad(moduleId, call, `proposal ${i} has no action type`);
      return { kind: 'action', type: item['type'], payload: item['payload'] ?? null };
    }
    if (item['kind'] === 'message') {
      const whisper = item['whisper'];
      if (typeof item['text'] !== 'string') throw bad(moduleId, call, `proposal ${i} has no text`);
      if (!Array.isArray(whisper) || !whisper.every((w) => typeof w === 'string')) {
        throw bad(moduleId, call, `proposal ${i} has a bad whisper list`);
      }
      const roll = item['roll'] ?? null;
      if (roll !== null && !checkRollResult(roll))
        throw bad(moduleId, call, `proposal ${i} has a malformed roll`);
      return {
        kind: 'message',
        text: item['text'],
        roll: roll as RollResult | null,
        whisper: whisper as string[],
        data: item['data'] ?? null,
      };
    }
    throw bad(moduleId, call, `proposal ${i} has unknown kind ${JSON.stringify(item['kind'])}`);
  });
}

/** The outcome of a named roll, shape-checked. */
export function outcomeOf(moduleId: string, reply: Json): RollOutcome {
  const outcome = isObject(reply) ? reply['outcome'] : undefined;
  if (!isObject(outcome)) throw bad(moduleId, 'vttRoll', 'expected { outcome: {...} }');
  const total = outcome['total'];
  if (typeof total !== 'number' || !Number.isFinite(total))
    throw bad(moduleId, 'vttRoll', 'outcome.total is not a finite number');
  const rolls = outcome['rolls'] ?? [];
  if (!Array.isArray(rolls) || !rolls.every((r) => checkRollResult(r))) {
    throw bad(moduleId, 'vttRoll', 'outcome.rolls must be roll results');
  }
  return {
    ...(outcome as unknown as RollOutcome),
    name: String(outcome['name'] ?? ''),
    label: String(outcome['label'] ?? outcome['name'] ?? ''),
    total,
    rolls: rolls as unknown as RollResult[],
  };
}

/** Initiative results, shape-checked. */
export function initiativeOf(moduleId: string, reply: Json): InitiativeResult[] {
  const results = isObject(reply) ? reply['results'] : undefined;
  if (!Array.isArray(results)) throw bad(moduleId, 'vttInitiative', 'expected { results: [...] }');
  return results.map((item, i) => {
    if (
      !isObject(item) ||
      typeof item['combatantId'] !== 'string' ||
      typeof item['value'] !== 'number' ||
      !Number.isFinite(item['value'])
    ) {
      throw bad(moduleId, 'vttInitiative', `result ${i} needs a combatantId and a finite value`);
    }
    const rolls = Array.isArray(item['rolls']) ? item['rolls'].filter(checkRollResult) : [];
    return {
      combatantId: item['combatantId'],
      value: item['value'],
      rolls: rolls as unknown as RollResult[],
    };
  });
}
