/** Deciding actor actions: create, update, delete. */
import { defineActionHandlers } from './action-handler.js';
import { keepHiddenOfActor } from './keep-hidden.js';

/** Handlers of the `core:*-actor` actions. */
export const ACTOR_ACTIONS = defineActionHandlers({
  'core:create-actor': ({ state, payload: p, newId }) => [
    {
      type: 'core:actor-created',
      payload: {
        actor: {
          id: newId((id) => state.actors.has(id), 'actor', p.id, 'actors'),
          name: p.name,
          type: p.type,
          image: p.image ?? null,
          data: p.data ?? {},
          ownership: p.ownership ?? {},
          defaultOwnership: p.defaultOwnership ?? 'none',
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:update-actor': ({ state, member, payload }) => [
    {
      type: 'core:actor-updated',
      payload: {
        ...payload,
        patch: keepHiddenOfActor(state, member, payload.actorId, payload.patch),
      },
    },
  ],
  'core:delete-actor': ({ payload }) => [{ type: 'core:actor-deleted', payload }],
});
