/**
 * One typed call into a module's sandbox instance, with its reply checked
 * against core's `GuestCallMap`; a reply that does not fit counts as the
 * module's failure.
 */
import {
  GUEST_CALLS,
  isVttError,
  type GuestArg,
  type GuestCall,
  type JsonValue,
  type RngState,
  type RollRecord,
} from '@vtt/core';
import type { CallOptions, SandboxInstance } from '../types.js';
import { checkReply, needsLoad, type CheckedReply } from './guest-replies.js';

/** A checked reply and the generator state after the call. */
export interface GuestResult<K extends GuestCall> {
  readonly value: CheckedReply<K>;
  readonly rng: RngState;
  /** The rolls the host drew for the module during the call: the only ones it may present. */
  readonly rolls: readonly RollRecord[];
  /** How many forced faces (a test seam's) the call used. */
  readonly forcedUsed: number;
}

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
  if (call !== 'describe' && needsLoad(result.value)) return 'needsLoad';
  try {
    return {
      value: checkReply(moduleId, call, result.value),
      rng: result.rng,
      rolls: result.rolls,
      forcedUsed: result.forcedUsed,
    };
  } catch (error) {
    // A malformed reply is the module's failure: it counts towards quarantine.
    if (isVttError(error)) instance.reportFailure(error);
    throw error;
  }
}
