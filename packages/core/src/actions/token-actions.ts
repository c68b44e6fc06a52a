/** Deciding token actions: create, move, update, delete. */
import { defineActionHandlers } from './action-handler.js';

/** Handlers of the `core:*-token` actions. */
export const TOKEN_ACTIONS = defineActionHandlers({
  'core:create-token': ({ state, payload: p, newId }) => [
    {
      type: 'core:token-created',
      payload: {
        token: {
          id: newId((id) => state.tokens.has(id), 'tok', p.id, 'tokens'),
          sceneId: p.sceneId,
          name: p.name,
          x: p.x,
          y: p.y,
          width: p.width ?? 1,
          height: p.height ?? 1,
          rotation: p.rotation ?? 0,
          elevation: p.elevation ?? 0,
          image: p.image ?? null,
          layer: p.layer ?? 'tokens',
          hidden: p.hidden ?? false,
          actorId: p.actorId ?? null,
          bars: p.bars ?? {},
          statuses: p.statuses ?? [],
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:move-token': ({ payload }) => [{ type: 'core:token-moved', payload }],
  'core:update-token': ({ payload }) => [{ type: 'core:token-updated', payload }],
  'core:delete-token': ({ payload }) => [{ type: 'core:token-deleted', payload }],
});
