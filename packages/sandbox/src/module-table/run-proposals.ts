/**
 * Runs a module entry point whose reply is a list of proposals (custom
 * actions, chat commands, macros): call, refuse a rejection, check the
 * proposals against the manifest, decide them as the user, commit.
 */
import type { GuestArg } from '@vtt/core';
import { decideProposals } from './decide-proposals.js';
import type { ModuleSlot } from './module-slot.js';
import type { TableChange } from './module-table-types.js';
import { checkDeclared, throwIfRejected } from './table-checks.js';
import type { TableContext } from './table-context.js';

/** The guest calls that answer proposals for a user's request. */
export type ProposingCall = 'action' | 'chat' | 'macro';

/** Calls `call` in `slot` and commits the proposals it answers, as `userId`. */
export async function runProposals<K extends ProposingCall>(
  ctx: TableContext,
  slot: ModuleSlot,
  call: K,
  what: string,
  arg: GuestArg<K>,
  userId: string,
): Promise<TableChange> {
  const now = ctx.clock();
  const reply = await ctx.call(slot, call, arg, ctx.state.rng);
  throwIfRejected(slot, what, reply.value);
  checkDeclared(slot, reply.value.proposals);
  const drafts = decideProposals(ctx.state, reply.value.proposals, {
    compendium: ctx.compendium,
    moduleId: slot.id,
    userId,
    now,
    rng: reply.rng,
    rolls: reply.rolls,
  });
  return ctx.commitAndSync(drafts, userId, now);
}
