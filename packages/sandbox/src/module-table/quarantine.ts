/**
 * What a table tells its members about its modules' health: that a module
 * was quarantined and its rules are suspended, and that a GM restarted it.
 * Both are public chat messages, so every member knows which rules apply.
 */
import { decide } from '@vtt/core';
import type { ModuleSlot } from './module-slot.js';
import type { TableChange } from './module-table-types.js';
import type { TableContext } from './table-context.js';

/** Posts `text` publicly as `userId` (a GM), without running after-hooks. */
async function post(ctx: TableContext, userId: string, text: string): Promise<TableChange> {
  const now = ctx.clock();
  const drafts = decide(
    ctx.state,
    { type: 'core:send-message', payload: { text } },
    { userId, now },
  );
  return ctx.commitAndSync(drafts, userId, now, false);
}

/**
 * Tells every member, once per quarantine, in a public chat message, that a
 * module's rules are suspended at this table and why; other tables are
 * unaffected. Does nothing while the module is healthy, or when the table
 * has no GM to post it (the status is still in `ModuleTable.moduleStatus`).
 */
export async function announceQuarantine(
  ctx: TableContext,
  slot: ModuleSlot,
  error: unknown,
): Promise<void> {
  const status = slot.instance.status();
  if (status.state !== 'quarantined' || ctx.announced.has(slot.id)) return;
  const gm = [...ctx.state.members.values()].find((m) => m.role === 'gm');
  if (gm === undefined) return;
  ctx.announced.add(slot.id);
  const cause =
    status.lastError?.code ?? (error as { code?: string } | null)?.code ?? 'repeated failures';
  await post(
    ctx,
    gm.id,
    `The rules of module "${slot.id}" are suspended at this table: it failed ` +
      `${status.failuresInRow} times in a row (last: ${cause}). The table goes on with core ` +
      `rules; the module's hooks are skipped and its actions, rolls and commands are refused ` +
      `until a GM restarts it. Other tables are not affected; report it to the module's author.`,
  );
}

/** Tells every member that `userId` (a GM) restarted a module and its rules apply again. */
export async function announceRestart(
  ctx: TableContext,
  slot: ModuleSlot,
  userId: string,
): Promise<TableChange> {
  const name = ctx.state.members.get(userId)?.name ?? 'A GM';
  return post(ctx, userId, `${name} restarted module "${slot.id}": its rules apply again.`);
}
