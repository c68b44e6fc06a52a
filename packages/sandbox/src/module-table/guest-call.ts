/**
 * Calls into a module's sandbox for a table: the load of its replica with
 * the current state, and every other call, reloading a replica that asks.
 */
import type { JsonValue, RngState, TableState } from '@vtt/core';
import { needsLoad } from './guest-replies.js';
import type { ModuleSlot } from './module-slot.js';
import { announceQuarantine } from './quarantine.js';
import type { TableContext } from './table-context.js';

/** The documents of a state, without its sequence, generator and undo history. */
export const docsOf = (state: TableState) => {
  const { seq: _s, rng: _r, undo: _u, ...docs } = state;
  return docs;
};

/** Loads the table's current state into a module's replica. */
export function loadGuest(ctx: TableContext, slot: Pick<ModuleSlot, 'instance'>) {
  return slot.instance.call(
    'vttLoad',
    { docs: docsOf(ctx.state), seq: ctx.state.seq, viewerId: null } as unknown as JsonValue,
    { now: ctx.clock() },
  );
}

/**
 * Calls `fn` with `arg` in a module's sandbox, continuing from `rng`. When
 * the replica asks to be loaded, loads it and calls again. A failure that
 * quarantines the module is announced, then rethrown.
 */
export async function callGuest(
  ctx: TableContext,
  slot: ModuleSlot,
  fn: string,
  arg: unknown,
  rng?: RngState,
): Promise<{ value: JsonValue; rng: RngState }> {
  const options = { now: ctx.clock(), ...(rng ? { rng } : {}) };
  try {
    let result = await slot.instance.call(fn, arg as JsonValue, options);
    if (needsLoad(result.value)) {
      await loadGuest(ctx, slot);
      result = await slot.instance.call(fn, arg as JsonValue, options);
    }
    return result;
  } catch (error) {
    await announceQuarantine(ctx, slot, error);
    throw error;
  }
}
