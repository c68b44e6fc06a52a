/** `ModuleTable.rollInitiative`: initiative by the system's model. */
import { ownsCombatant, viewDoc, VttError, type Combat, type JsonValue } from '@vtt/core';
import { decideProposals } from './decide-proposals.js';
import type { ModuleTable, TableChange } from './module-table-types.js';
import { slotFor, throwIfRejected, userOf } from './table-checks.js';
import type { TableContext } from './table-context.js';

/**
 * Rolls initiative for combatants: those asked for, which the user must be
 * able to see (else NOT_FOUND, as for anything hidden); when omitted, every
 * combatant without initiative that the user may roll for (all for a GM,
 * their own visible ones for a player), so hidden combatants are never
 * rolled for, nor hinted at, on a player's behalf.
 */
export async function rollInitiative(
  ctx: TableContext,
  request: Parameters<ModuleTable['rollInitiative']>[0],
): Promise<TableChange> {
  const user = userOf(ctx, request.userId);
  const slot = slotFor(ctx, undefined, 'initiative model', 'initiative', (d) => d.initiative);
  const member = ctx.state.members.get(request.userId)!;
  const seen = viewDoc(ctx.state, { collection: 'combat', id: 'combat' }, member) as
    Combat | undefined;
  const combatants = seen?.combatants ?? {};
  for (const id of request.combatantIds ?? []) {
    if (!(id in combatants))
      throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'combat', id });
  }
  const ids =
    request.combatantIds ??
    Object.values(combatants)
      .filter((c) => c.initiative === null)
      .filter((c) => ownsCombatant(ctx.state, c, member))
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
    compendium: ctx.compendium,
    moduleId: slot.id,
    userId: request.userId,
    now,
    rng: reply.rng,
    rolls: reply.rolls,
  });
  return ctx.commitAndSync(drafts, request.userId, now);
}
