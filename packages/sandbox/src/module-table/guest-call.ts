/**
 * The host's only way into a module's sandbox: typed calls through core's
 * `GuestCallMap`, each reply checked before it is used, the replica reloaded
 * when it asks, and a quarantine announced when a call causes one.
 */
import type { GuestArg, GuestCall, RngState } from '@vtt/core';
import { callInstance, type GuestResult } from './call-instance.js';
import type { ModuleSlot } from './module-slot.js';
import { applyToReplica, loadReplica } from './load-replica.js';
import { announceQuarantine } from './quarantine.js';
import { badReply } from './reply-shape.js';
import type { TableContext } from './table-context.js';

/** Loads the table's current state into a module's replica, in parts (see `loadReplica`). */
export async function loadGuest(
  ctx: TableContext,
  slot: Pick<ModuleSlot, 'id' | 'instance'>,
): Promise<void> {
  ctx.backlogs.delete(slot.id); // the state holds every event of the backlog
  await loadReplica(slot.instance, ctx.state, { now: ctx.clock(), moduleId: slot.id });
}

/**
 * Brings a module's replica up to date before a call: applies its backlog,
 * or loads the whole state when the backlog was dropped. A backlog that
 * fails to apply is dropped too, so the next call starts with a whole load.
 */
async function catchUp(ctx: TableContext, slot: ModuleSlot): Promise<void> {
  const backlog = ctx.backlogs.get(slot.id);
  if (backlog === undefined) return;
  if (backlog.stale) return loadGuest(ctx, slot);
  if (backlog.events.length === 0) return;
  const events = backlog.events;
  backlog.events = [];
  try {
    await applyToReplica(slot.instance, events, { now: ctx.clock(), moduleId: slot.id });
  } catch (error) {
    backlog.stale = true;
    throw error;
  }
}

/**
 * Calls guest function `call` with `arg` in a module's sandbox, continuing
 * from `rng`, and returns its checked reply. The replica first gets the
 * events committed since the module's last call. When the replica asks to be
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
  const options = { now: ctx.clock(), ...(rng ? { rng, ...ctx.dice.callOptions() } : {}) };
  try {
    await catchUp(ctx, slot);
    let result = await callInstance(slot.instance, slot.id, call, arg, options);
    if (result === 'needsLoad') {
      await loadGuest(ctx, slot);
      result = await callInstance(slot.instance, slot.id, call, arg, options);
      if (result === 'needsLoad')
        throw badReply({ moduleId: slot.id, call }, '/needsLoad', 'asked to be loaded again');
    }
    ctx.dice.used(result.forcedUsed);
    return result;
  } catch (error) {
    await announceQuarantine(ctx, slot, error);
    throw error;
  }
}
