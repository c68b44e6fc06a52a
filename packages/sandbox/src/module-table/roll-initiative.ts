/** `ModuleTable.rollInitiative`: initiative by the system's model. */
import type { JsonValue } from '@vtt/core';
import { decideProposals } from './decide-proposals.js';
import type { ModuleTable, TableChange } from './module-table-types.js';
import { slotFor, throwIfRejected, userOf } from './table-checks.js';
import type { TableContext } from './table-context.js';

/** Rolls initiative for combatants (all without one when omitted). */
export async function rollInitiative(
  ctx: TableContext,
  request: Parameters<ModuleTable['rollInitiative']>[0],
): Promise<TableChange> {
  const user = userOf(ctx, request.userId);
  const slot = slotFor(ctx, undefined, 'initiative model', 'initiative', (d) => d.initiative);
  const combat = ctx.state.combat;
  const ids =
    request.combatantIds ??
    Object.values(combat?.combatants ?? {})
      .filter((c) => c.initiative === null)
      .map((c) => c.id);
  const now = ctx.clock();
  const reply = await ctx.call(
    slot,
    'initiative',
    { combatantIds: ids, user, args: request.args ?? null },
    ctx.state.rng,
  );
  throwIfRejected(slot, 'initiative', reply.value);
  const proposals = reply.value.results.map((r) => ({
    kind: 'action' as const,
    type: 'core:set-initiative',
    payload: { combatantId: r.combatantId, initiative: r.value } as JsonValue,
  }));
  const drafts = decideProposals(ctx.state, proposals, {
    moduleId: slot.id,
    userId: request.userId,
    now,
    rng: reply.rng,
    rolls: reply.rolls,
  });
  return ctx.commitAndSync(drafts, request.userId, now);
}
