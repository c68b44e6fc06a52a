/** `ModuleTable.roll`: a module's named roll and its chat card. */
import type { JsonValue } from '@vtt/core';
import { decideProposals } from './decide-proposals.js';
import { checkedOutcome, recordsById } from './host-rolls.js';
import type { ModuleTable, RollChange } from './module-table-types.js';
import {
  checkDeclared,
  invalidIf,
  slotFor,
  throwIfRejected,
  userOf,
  visibleActor,
} from './table-checks.js';
import type { TableContext } from './table-context.js';

/** Rolls a named roll and posts its chat card (see `ModuleTable.roll`). */
export async function rollNamed(
  ctx: TableContext,
  request: Parameters<ModuleTable['roll']>[0],
): Promise<RollChange> {
  const user = userOf(ctx, request.userId);
  const slot = slotFor(ctx, request.moduleId, 'roll', request.name, (d) => request.name in d.rolls);
  const actorId = request.actorId ?? null;
  if (actorId !== null) visibleActor(ctx, request.userId, actorId, true);
  // A roll that declares an args schema gets {} when the request has none.
  const argsValidator = slot.validators.get(`roll:${request.name}`);
  const args = request.args ?? (argsValidator === undefined ? null : {});
  invalidIf(argsValidator?.(args) ?? []);
  const now = ctx.clock();
  const reply = await ctx.call(
    slot,
    'roll',
    { name: request.name, actorId, args, user },
    ctx.state.rng,
  );
  throwIfRejected(slot, `roll ${request.name}`, reply.value);
  const outcome = checkedOutcome(slot.id, recordsById(reply.rolls), reply.value.outcome);
  checkDeclared(slot, reply.value.proposals);
  const card = {
    kind: 'message' as const,
    text: `${outcome.label || outcome.name}: ${outcome.total}`,
    roll: outcome.rolls[0] ?? null,
    whisper: [],
    // The actor the roll was made for, so the log says whose it was (combat statistics).
    data: { outcome, ...(actorId === null ? {} : { actorId }) } as unknown as JsonValue,
  };
  const proposals = [card, ...reply.value.proposals];
  const drafts = decideProposals(ctx.state, proposals, {
    compendium: ctx.compendium,
    moduleId: slot.id,
    userId: request.userId,
    now,
    rng: reply.rng,
    rolls: reply.rolls,
  });
  return { outcome, ...(await ctx.commitAndSync(drafts, request.userId, now)) };
}
