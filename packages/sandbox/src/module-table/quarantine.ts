/**
 * What a table does when one of its modules is quarantined: it says so,
 * once, to the GMs, in a chat message only they see.
 */
import { decide } from '@vtt/core';
import type { ModuleSlot } from './module-slot.js';
import type { TableContext } from './table-context.js';

/**
 * Tells the GMs, once, in a chat message only they see, that a module was
 * quarantined at this table and why; other tables are unaffected. Does
 * nothing while the module is healthy.
 */
export async function announceQuarantine(
  ctx: TableContext,
  slot: ModuleSlot,
  error: unknown,
): Promise<void> {
  const status = slot.instance.status();
  const done = ctx.announced;
  if (status.state !== 'quarantined' || done.has(slot.id)) return;
  const gms = Object.values(ctx.state.members).filter((m) => m.role === 'gm');
  if (gms.length === 0) return;
  done.add(slot.id);
  const cause =
    status.lastError?.code ?? (error as { code?: string } | null)?.code ?? 'repeated failures';
  const text =
    `Module "${slot.id}" was stopped at this table after ${status.failuresInRow} failures in a row ` +
    `(last: ${cause}). Its actions, rolls and hooks are refused until the table reloads it; ` +
    `other tables are not affected. Report it to the module's author.`;
  const now = ctx.clock();
  const action = { type: 'core:send-message', payload: { text, whisper: gms.map((m) => m.id) } };
  const drafts = decide(ctx.state, action, { userId: gms[0]!.id, now });
  await ctx.commitAndSync(drafts, gms[0]!.id, now, false);
}
