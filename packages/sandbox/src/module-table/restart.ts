/**
 * `ModuleTable.restartModule` and `ModuleTable.moduleStatus`: a GM brings a
 * suspended module back, and every member can see which modules' rules
 * apply.
 */
import { VttError } from '@vtt/core';
import type { SandboxHost } from '../types.js';
import { openModuleSlot } from './module-slot.js';
import type { TableChange, TableModuleStatus } from './module-table-types.js';
import { announceRestart } from './quarantine.js';
import { isSuspended } from './table-checks.js';
import type { TableContext } from './table-context.js';

/** The status of every module of the table, in hook order. */
export function moduleStatus(ctx: TableContext): TableModuleStatus[] {
  return [...ctx.slots.values()].map((slot) => {
    const { failuresInRow, lastError } = slot.instance.status();
    return {
      moduleId: slot.id,
      state: isSuspended(slot) ? 'suspended' : 'active',
      failuresInRow,
      ...(lastError === undefined ? {} : { lastError }),
    };
  });
}

/**
 * Reloads module `moduleId` from its bundle in a fresh sandbox instance,
 * loads it with the current state, and announces it in public chat. Only a
 * GM may. On failure the module stays suspended and the error is thrown.
 */
export async function restartModule(
  ctx: TableContext,
  host: SandboxHost,
  moduleId: string,
  userId: string,
): Promise<TableChange> {
  const member = ctx.state.members.get(userId);
  if (member === undefined) throw new VttError('VTT_ERR_PERMISSION_NOT_MEMBER', { userId });
  if (member.role !== 'gm')
    throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', {
      collection: 'modules',
      what: 'restart a module',
    });
  const old = ctx.slots.get(moduleId);
  if (old === undefined) throw new VttError('VTT_ERR_MODULE_NOT_FOUND', { moduleId });
  await old.instance.dispose();
  const slot = await openModuleSlot({
    host,
    key: old.key,
    bundle: old.bundle,
    rng: ctx.state.rng,
    now: ctx.clock(),
    taken: (id) => id !== moduleId && ctx.slots.has(id),
  });
  try {
    await ctx.load(slot);
  } catch (error) {
    await slot.instance.dispose();
    throw error;
  }
  ctx.slots.set(moduleId, slot); // an existing key keeps its place: hook order is unchanged
  ctx.announced.delete(moduleId);
  return announceRestart(ctx, slot, userId);
}
