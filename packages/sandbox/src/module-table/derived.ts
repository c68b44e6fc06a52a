/** `ModuleTable.derived`: an actor's derived data from the module owning its type. */
import { itemsOfActor, seesWholeActor, viewDoc, VttError, type JsonValue } from '@vtt/core';
import { ensureActive, visibleActor } from './table-checks.js';
import type { TableContext } from './table-context.js';

/**
 * Derived data of an actor, from the module that owns its type (null when
 * none does, or when the module rejects). Throws VTT_ERR_MODULE_SUSPENDED
 * while that module's rules are suspended. For user `viewerId` it throws
 * NOT_FOUND when they cannot see the actor and gives null unless they see it
 * and its items whole (derived data may read them: `ctx.items`); `null` asks
 * for the authoritative value. Computed afresh from the replica on every
 * call, so it follows every change of the actor's items.
 */
export async function derivedData(
  ctx: TableContext,
  actorId: string,
  viewerId: string | null,
): Promise<JsonValue> {
  const actor = ctx.state.actors.get(actorId);
  if (actor === undefined)
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'actors', id: actorId });
  if (viewerId !== null) {
    visibleActor(ctx, viewerId, actorId);
    // Derived data comes from the whole actor and its items: only for those who see them whole.
    const member = ctx.state.members.get(viewerId)!;
    if (
      !seesWholeActor(actor, member, ctx.state.campaign.visibility) ||
      itemsOfActor(ctx.state, actorId).some(
        (item) => viewDoc(ctx.state, { collection: 'items', id: item.id }, member) !== item,
      )
    ) {
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
