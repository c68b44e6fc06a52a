/** `ModuleTable.derived`: an actor's derived data from the module owning its type. */
import { seesWholeActor, VttError, type JsonValue } from '@vtt/core';
import { ensureActive, visibleActor } from './table-checks.js';
import type { TableContext } from './table-context.js';

/**
 * Derived data of an actor, from the module that owns its type (null when
 * none does, or when the module rejects). Throws VTT_ERR_MODULE_SUSPENDED
 * while that module's rules are suspended. For user `viewerId` it throws
 * NOT_FOUND when they cannot see the actor and gives null unless they see it
 * whole; `null` asks for the authoritative value.
 */
export async function derivedData(
  ctx: TableContext,
  actorId: string,
  viewerId: string | null,
): Promise<JsonValue> {
  const actor = ctx.state.actors[actorId];
  if (actor === undefined)
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'actors', id: actorId });
  if (viewerId !== null) {
    visibleActor(ctx, viewerId, actorId);
    // Derived data comes from the whole actor: only for those who see it whole.
    if (!seesWholeActor(actor, ctx.state.members[viewerId]!, ctx.state.campaign.visibility)) {
      return null;
    }
  }
  for (const slot of ctx.slots.values()) {
    if (!slot.description.derived.includes(actor.type)) continue;
    ensureActive(slot, `derived data of ${actor.type}`);
    const { value } = await ctx.call(slot, 'derive', { actorId });
    return 'data' in value ? value.data : null;
  }
  return null;
}
