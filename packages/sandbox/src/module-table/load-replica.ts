/**
 * Feeding a module's replica of the table in calls that each stay under the
 * sandbox's argument cap, so that a table of any size loads: the whole
 * state at load (`vttLoad` in parts, see core's `LoadCall`) and committed
 * events (`vttApply` in batches).
 */
import {
  DocMap,
  effectsOf,
  VttError,
  type JsonValue,
  type LoadCall,
  type LoadCollection,
  type TableEvent,
  type TableState,
} from '@vtt/core';
import type { SandboxInstance } from '../types.js';
import { callInstance } from './call-instance.js';

/**
 * Most JSON characters sent in one part or batch. Half the default argument
 * cap: a document is at most core's `STATE_LIMITS.maxDocumentChars`
 * (256 Ki), so one always fits in a part, with room for the envelope.
 */
export const REPLICA_PART_CHARS = 512 * 1024;

/** How often a load that the guest asks to start over (its worker restarted) is retried. */
const LOAD_ATTEMPTS = 3;

const KEYED: readonly LoadCollection[] = [
  'members',
  'scenes',
  'tokens',
  'actors',
  'notes',
  'timeline',
  'effects',
];

/** The part budget for `instance`: {@link REPLICA_PART_CHARS}, or less under a smaller cap. */
const budgetOf = (instance: SandboxInstance): number =>
  Math.max(1, Math.min(REPLICA_PART_CHARS, Math.floor(instance.limits.maxArgChars / 2)));

/**
 * Splits `items` into runs whose JSON sizes add up to at most `budget`; an
 * item bigger than the budget goes alone (the call then fails with the
 * sandbox's `ARG_TOO_LARGE` if it is over the cap itself).
 */
function* batches<T>(items: Iterable<T>, budget: number): Generator<T[]> {
  let batch: T[] = [];
  let size = 0;
  for (const item of items) {
    const length = (JSON.stringify(item)?.length ?? 4) + 1;
    if (batch.length > 0 && size + length > budget) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(item);
    size += length;
  }
  if (batch.length > 0) yield batch;
}

/** The parts of one load of `state`, in order. */
function* loadParts(state: TableState, budget: number): Generator<LoadCall> {
  const { seq: _seq, rng: _rng, undo: _undo, ...docs } = state;
  yield {
    part: 'begin',
    seq: state.seq,
    viewerId: null,
    docs: {
      ...docs,
      members: {},
      scenes: {},
      tokens: {},
      actors: {},
      notes: {},
      timeline: {},
      effects: DocMap.empty(),
      chat: [],
    },
  };
  for (const collection of KEYED) {
    const map = collection === 'effects' ? effectsOf(docs).toJSON() : docs[collection];
    for (const entries of batches(Object.entries(map), budget)) {
      yield {
        part: 'docs',
        collection,
        docs: Object.fromEntries(entries) as Record<string, JsonValue>,
      };
    }
  }
  for (const messages of batches(docs.chat, budget)) {
    yield { part: 'chat', messages: messages as unknown as JsonValue[] };
  }
  yield { part: 'end' };
}

/**
 * Loads the authoritative replica of `state` into a module's instance, in
 * parts. Runs when a table's modules are loaded and whenever a module asks
 * to be loaded again (`needsLoad`, e.g. after its worker was replaced).
 *
 * @throws the sandbox's VttError of a failed part, or `VTT_ERR_MODULE_BAD_REPLY`
 * when the guest keeps asking to start over.
 * @example
 * await loadReplica(slot.instance, table.state, { now: Date.now() });
 */
export async function loadReplica(
  instance: SandboxInstance,
  state: TableState,
  options: { readonly now: number; readonly moduleId: string },
): Promise<void> {
  const budget = budgetOf(instance);
  for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
    let restarted = false;
    for (const part of loadParts(state, budget)) {
      const reply = await callInstance(instance, options.moduleId, 'load', part, {
        now: options.now,
      });
      if (reply === 'needsLoad') {
        restarted = true;
        break;
      }
    }
    if (!restarted) return;
  }
  throw new VttError('VTT_ERR_MODULE_BAD_REPLY', {
    moduleId: options.moduleId,
    call: 'vttLoad',
    problem: `the module asked to start loading over ${LOAD_ATTEMPTS} times`,
  });
}

/**
 * Feeds committed `events` (server-only data already stripped) to a
 * module's replica, in batches under the argument cap. Stops early when the
 * replica asks to be loaded again; it then reloads on its next call.
 *
 * @example
 * await applyToReplica(slot.instance, events, { now });
 */
export async function applyToReplica(
  instance: SandboxInstance,
  events: readonly TableEvent[],
  options: { readonly now: number; readonly moduleId: string },
): Promise<void> {
  for (const batch of batches(events, budgetOf(instance))) {
    const reply = await callInstance(
      instance,
      options.moduleId,
      'apply',
      { events: batch },
      {
        now: options.now,
      },
    );
    if (reply === 'needsLoad') return;
  }
}
