/**
 * The last step of every change: commit the drafts, queue them for every
 * module's replica (applied before its next call, see `replica-backlog`),
 * and run the modules' after-hooks on what was committed.
 */
import { commit, VttError, type EventDraft, type TableEvent } from '@vtt/core';
import { checkActorData } from './actor-data-check.js';
import { checkItemData } from './item-data-check.js';
import { decideProposals } from './decide-proposals.js';
import type { TableChange } from './module-table-types.js';
import { currentBacklog, queueEvents } from './replica-backlog.js';
import { checkDeclared, isSuspended, throwIfRejected, userOf } from './table-checks.js';
import type { TableContext } from './table-context.js';

/** Events as guests get them: without their server-only part. */
export const stripServer = (events: readonly TableEvent[]): TableEvent[] =>
  events.map(({ server: _server, ...event }) => event as TableEvent);

/**
 * Commits `drafts` as one batch, queues them for the replicas, and (unless `runAfter`
 * is false) runs each module's after-hooks once on the committed events,
 * committing their follow-ups. An after-hook's failure becomes a warning:
 * the change itself stays committed.
 */
export async function commitAndSync(
  ctx: TableContext,
  drafts: readonly EventDraft[],
  userId: string,
  now: number,
  runAfter = true,
): Promise<TableChange> {
  if (drafts.length === 0) return { events: [], warnings: [] };
  const committed = commit(ctx.state, drafts, { author: userId, now });
  checkActorData(ctx.actorData, drafts, committed.state);
  checkItemData(ctx.itemData, drafts, committed.state);
  ctx.state = committed.state;
  ctx.onCommit(committed.events);
  const forGuests = stripServer(committed.events);
  for (const slot of ctx.slots.values()) {
    if (isSuspended(slot)) continue; // a restart loads the state afresh
    let backlog = ctx.backlogs.get(slot.id);
    if (backlog === undefined) ctx.backlogs.set(slot.id, (backlog = currentBacklog()));
    queueEvents(backlog, forGuests);
  }
  const events = [...committed.events];
  const warnings: VttError[] = [];
  if (!runAfter) return { events, warnings };
  const user = userOf(ctx, userId);
  for (const slot of ctx.slots.values()) {
    if (isSuspended(slot)) continue;
    const hooked = new Set(slot.description.hooks.after);
    const relevant = committed.events.filter((e) => hooked.has(e.type));
    if (relevant.length === 0) continue;
    try {
      const reply = await ctx.call(
        slot,
        'after',
        { events: stripServer(relevant), user },
        ctx.state.rng,
      );
      throwIfRejected(slot, 'the follow-up', reply.value);
      checkDeclared(slot, reply.value.proposals);
      const follow = decideProposals(ctx.state, reply.value.proposals, {
        compendium: ctx.compendium,
        moduleId: slot.id,
        userId,
        now,
        rng: reply.rng,
        rolls: reply.rolls,
      });
      const more = await commitAndSync(ctx, follow, userId, now, false);
      events.push(...more.events);
    } catch (error) {
      if (!(error instanceof VttError)) throw error;
      warnings.push(error);
    }
  }
  return { events, warnings };
}
