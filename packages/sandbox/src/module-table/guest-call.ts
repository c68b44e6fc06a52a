/**
 * The host's only way into a module's sandbox: typed calls through core's
 * `GuestCallMap`, each reply checked before it is used, the replica reloaded
 * when it asks, and a quarantine announced when a call causes one.
 */
import {
  GUEST_CALLS,
  isVttError,
  type GuestArg,
  type GuestCall,
  type JsonValue,
  type RngState,
  type TableState,
} from '@vtt/core';
import type { CallOptions, SandboxInstance } from '../types.js';
import { checkReply, needsLoad, type CheckedReply } from './guest-replies.js';
import type { ModuleSlot } from './module-slot.js';
import { announceQuarantine } from './quarantine.js';
import { badReply } from './reply-shape.js';
import type { TableContext } from './table-context.js';

/** A checked reply and the generator state after the call. */
export interface GuestResult<K extends GuestCall> {
  readonly value: CheckedReply<K>;
  readonly rng: RngState;
}

/** The documents of a state, without its sequence, generator and undo history. */
export const docsOf = (state: TableState) => {
  const { seq: _s, rng: _r, undo: _u, ...docs } = state;
  return docs;
};

/**
 * Calls guest function `call` of `instance` (module `moduleId`) once, and
 * checks its reply. Returns `needsLoad` instead when the guest asks to be
 * loaded first. Throws the sandbox's error, or `VTT_ERR_MODULE_BAD_REPLY`.
 */
export async function callInstance<K extends GuestCall>(
  instance: SandboxInstance,
  moduleId: string,
  call: K,
  arg: GuestArg<K>,
  options: CallOptions,
): Promise<GuestResult<K> | 'needsLoad'> {
  // The protocol's argument types are JSON by construction.
  const result = await instance.call(GUEST_CALLS[call], arg as unknown as JsonValue, options);
  if (call !== 'describe' && call !== 'load' && needsLoad(result.value)) return 'needsLoad';
  try {
    return { value: checkReply(moduleId, call, result.value), rng: result.rng };
  } catch (error) {
    // A malformed reply is the module's failure: it counts towards quarantine.
    if (isVttError(error)) instance.reportFailure(error);
    throw error;
  }
}

/** Loads the table's current state into a module's replica. */
export async function loadGuest(
  ctx: TableContext,
  slot: Pick<ModuleSlot, 'id' | 'instance'>,
): Promise<void> {
  const arg = { docs: docsOf(ctx.state), seq: ctx.state.seq, viewerId: null };
  await callInstance(slot.instance, slot.id, 'load', arg, { now: ctx.clock() });
}

/**
 * Calls guest function `call` with `arg` in a module's sandbox, continuing
 * from `rng`, and returns its checked reply. When the replica asks to be
 * loaded, loads it and calls again. A failure that quarantines the module
 * is announced, then rethrown.
 *
 * @example
 * const { value, rng } = await callGuest(ctx, slot, 'roll', { name, actorId, args, user }, ctx.state.rng);
 */
export async function callGuest<K extends GuestCall>(
  ctx: TableContext,
  slot: ModuleSlot,
  call: K,
  arg: GuestArg<K>,
  rng?: RngState,
): Promise<GuestResult<K>> {
  const options = { now: ctx.clock(), ...(rng ? { rng } : {}) };
  try {
    let result = await callInstance(slot.instance, slot.id, call, arg, options);
    if (result === 'needsLoad') {
      await loadGuest(ctx, slot);
      result = await callInstance(slot.instance, slot.id, call, arg, options);
      if (result === 'needsLoad')
        throw badReply({ moduleId: slot.id, call }, '/needsLoad', 'asked to be loaded again');
    }
    return result;
  } catch (error) {
    await announceQuarantine(ctx, slot, error);
    throw error;
  }
}
