/** `ModuleTable.derived`: an actor's derived data from the module owning its type. */
import { VttError, type JsonValue } from '@vtt/core';
import { ensureActive } from './table-checks.js';
import type { TableContext } from './table-context.js';

/**
 * Derived data of an actor, from the module that owns its type (null when
 * none does, or when the module rejects). Throws VTT_ERR_MODULE_SUSPENDED
 * while that module's rules are suspended.
 */
export async function derivedData(ctx: TableContext, actorId: string): Promise<JsonValue> {
  const actor = ctx.state.actors[actorId];
  if (actor === undefined)
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'actors', id: actorId });
  for (const slot of ctx.slots.values()) {
    if (!slot.description.derived.includes(actor.type)) continue;
    ensureActive(slot, `derived data of ${actor.type}`);
    const { value } = await ctx.call(slot, 'derive', { actorId });
    return 'data' in value ? value.data : null;
  }
  return null;
}
