/**
 * Runs a module entry point whose reply is a list of proposals (custom
 * actions, chat commands, macros): call, refuse a rejection, decide the
 * proposals as the user, commit.
 */
import { decideProposals } from './decide-proposals.js';
import { proposalsOf } from './guest-replies.js';
import type { ModuleSlot } from './module-slot.js';
import type { TableChange } from './module-table-types.js';
import { throwIfRejected } from './table-checks.js';
import type { TableContext } from './table-context.js';

/** Calls `fn` in `slot` and commits the proposals it answers, as `userId`. */
export async function runProposals(
  ctx: TableContext,
  slot: ModuleSlot,
  fn: string,
  what: string,
  arg: unknown,
  userId: string,
): Promise<TableChange> {
  const now = ctx.clock();
  const reply = await ctx.call(slot, fn, arg, ctx.state.rng);
  throwIfRejected(slot, what, reply.value);
  const drafts = decideProposals(ctx.state, proposalsOf(slot.id, fn, reply.value), {
    moduleId: slot.id,
    userId,
    now,
    rng: reply.rng,
  });
  return ctx.commitAndSync(drafts, userId, now);
}
