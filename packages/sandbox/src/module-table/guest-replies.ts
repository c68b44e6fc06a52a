/**
 * Checks what module code answers, one checker per guest call. Module code
 * is untrusted: a reply that does not fit the protocol is refused with
 * `VTT_ERR_MODULE_BAD_REPLY` (naming the module, the call and the field),
 * before any of it reaches the table. Checked replies are rebuilt from the
 * fields the protocol knows, so extra fields never travel further.
 */
import type {
  GuestCall,
  GuestNeedsLoad,
  GuestProposal,
  GuestRejection,
  GuestReply,
  InitiativeResult,
  JsonValue,
  RollOutcome,
  RollResult,
} from '@vtt/core';
import { checkDescription } from './describe-reply.js';
import {
  badReply,
  isObject,
  numberAt,
  objectAt,
  stringAt,
  stringsAt,
  type ReplyAt,
} from './reply-shape.js';

/** A checked reply of call `K`: never a needs-load answer (the host reloads and calls again). */
export type CheckedReply<K extends GuestCall> = Exclude<GuestReply<K>, GuestNeedsLoad>;

/** A refusal by the module (`ctx.reject`), or null when the reply is not one. */
export function rejectionOf(reply: JsonValue): GuestRejection | null {
  if (!isObject(reply) || !isObject(reply['rejected'])) return null;
  const reason = reply['rejected']['reason'];
  return {
    rejected: { reason: typeof reason === 'string' ? reason.slice(0, 500) : 'no reason given' },
  };
}

/** Whether the guest asks to be loaded first (its replica is gone, e.g. after a worker restart). */
export function needsLoad(reply: JsonValue): boolean {
  return isObject(reply) && reply['needsLoad'] === true;
}

function checkRollResult(at: ReplyAt, value: JsonValue | undefined, pointer: string): RollResult {
  const roll = objectAt(at, value, pointer);
  numberAt(at, roll['total'], `${pointer}/total`);
  stringAt(at, roll['text'], `${pointer}/text`);
  return roll as unknown as RollResult;
}

function proposalsOf(at: ReplyAt, reply: JsonValue): GuestProposal[] {
  const list = objectAt(at, reply, '')['proposals'];
  if (!Array.isArray(list)) throw badReply(at, '/proposals', 'expected an array of proposals');
  return list.map((item, i): GuestProposal => {
    const pointer = `/proposals/${i}`;
    const proposal = objectAt(at, item, pointer);
    if (proposal['kind'] === 'action') {
      const type = stringAt(at, proposal['type'], `${pointer}/type`);
      return { kind: 'action', type, payload: proposal['payload'] ?? null };
    }
    if (proposal['kind'] === 'message') {
      const roll = proposal['roll'] ?? null;
      return {
        kind: 'message',
        text: stringAt(at, proposal['text'], `${pointer}/text`),
        roll: roll === null ? null : checkRollResult(at, roll, `${pointer}/roll`),
        whisper: stringsAt(at, proposal['whisper'], `${pointer}/whisper`),
        data: proposal['data'] ?? null,
      };
    }
    throw badReply(at, `${pointer}/kind`, 'expected "action" or "message"');
  });
}

function outcomeOf(at: ReplyAt, value: JsonValue | undefined): RollOutcome {
  const outcome = objectAt(at, value, '/outcome');
  const total = numberAt(at, outcome['total'], '/outcome/total');
  const rolls = outcome['rolls'] ?? [];
  if (!Array.isArray(rolls)) throw badReply(at, '/outcome/rolls', 'expected an array');
  return {
    ...(outcome as unknown as RollOutcome),
    name: String(outcome['name'] ?? ''),
    label: String(outcome['label'] ?? outcome['name'] ?? ''),
    total,
    rolls: rolls.map((r, i) => checkRollResult(at, r, `/outcome/rolls/${i}`)),
  };
}

function initiativeOf(at: ReplyAt, reply: JsonValue): InitiativeResult[] {
  const results = objectAt(at, reply, '')['results'];
  if (!Array.isArray(results)) throw badReply(at, '/results', 'expected an array of results');
  return results.map((item, i) => {
    const result = objectAt(at, item, `/results/${i}`);
    const rolls = Array.isArray(result['rolls']) ? result['rolls'] : [];
    return {
      combatantId: stringAt(at, result['combatantId'], `/results/${i}/combatantId`),
      value: numberAt(at, result['value'], `/results/${i}/value`),
      rolls: rolls.map((r, j) => checkRollResult(at, r, `/results/${i}/rolls/${j}`)),
    };
  });
}

const replica = (at: ReplyAt, reply: JsonValue) => ({
  seq: numberAt(at, objectAt(at, reply, '')['seq'], '/seq'),
});

const proposals = (at: ReplyAt, reply: JsonValue) =>
  rejectionOf(reply) ?? { proposals: proposalsOf(at, reply) };

/** The checker of each guest call's reply. */
const CHECKS: { readonly [K in GuestCall]: (at: ReplyAt, reply: JsonValue) => CheckedReply<K> } = {
  describe: (at, reply) => checkDescription(at.moduleId, reply),
  load: replica,
  apply: replica,
  action: proposals,
  after: proposals,
  chat: proposals,
  macro: proposals,
  before: (at, reply) => {
    const rejection = rejectionOf(reply);
    if (rejection) return rejection;
    const answer = objectAt(at, reply, '');
    if (!('payload' in answer)) throw badReply(at, '/payload', 'expected the (adjusted) payload');
    return { payload: answer['payload']! };
  },
  derive: (at, reply) => {
    const rejection = rejectionOf(reply);
    if (rejection) return rejection;
    const answer = objectAt(at, reply, '');
    if (!('data' in answer)) throw badReply(at, '/data', 'expected the derived data, or null');
    return { data: answer['data']! };
  },
  initiative: (at, reply) => rejectionOf(reply) ?? { results: initiativeOf(at, reply) },
  roll: (at, reply) =>
    rejectionOf(reply) ?? {
      outcome: outcomeOf(at, objectAt(at, reply, '')['outcome']),
      proposals: proposalsOf(at, reply),
    },
};

/**
 * Checks the reply of `call` by module `moduleId` and returns it typed.
 * Throws `VTT_ERR_MODULE_BAD_REPLY` with the field's pointer (or
 * `VTT_ERR_MODULE_PROTOCOL_MISMATCH` for a describe reply of another
 * protocol).
 *
 * @example
 * const reply = checkReply('dnd5e', 'roll', value); // RollReply | GuestRejection
 */
export function checkReply<K extends GuestCall>(
  moduleId: string,
  call: K,
  reply: JsonValue,
): CheckedReply<K> {
  return CHECKS[call]({ moduleId, call }, reply);
}
