/** Deciding item actions: create, update, move, delete. */
import { itemOf, nextItemSort } from '../model/item-list.js';
import { defineActionHandlers } from './action-handler.js';
import { keepHiddenOfItem } from './keep-hidden.js';

/** Handlers of the `core:*-item` actions. */
export const ITEM_ACTIONS = defineActionHandlers({
  'core:create-item': ({ state, member, payload: p, newId }) => {
    const actorId = p.actorId ?? null;
    return [
      {
        type: 'core:item-created',
        payload: {
          item: {
            id: newId((id) => itemOf(state, id) !== undefined, 'item', p.id, 'items'),
            name: p.name,
            type: p.type,
            image: p.image ?? null,
            data: p.data ?? {},
            actorId,
            sort: p.sort ?? nextItemSort(state, actorId),
            source: null,
            author: member.id,
            flags: p.flags ?? {},
          },
        },
      },
    ];
  },
  'core:update-item': ({ state, member, payload }) => [
    {
      type: 'core:item-updated',
      payload: {
        ...payload,
        patch: keepHiddenOfItem(state, member, payload.itemId, payload.patch),
      },
    },
  ],
  'core:move-item': ({ state, payload: { itemId, actorId, sort } }) => {
    const item = itemOf(state, itemId);
    const stays = item !== undefined && item.actorId === actorId;
    return [
      {
        type: 'core:item-moved',
        payload: {
          itemId,
          actorId,
          sort: sort ?? (stays ? item.sort : nextItemSort(state, actorId)),
        },
      },
    ];
  },
  'core:delete-item': ({ payload }) => [{ type: 'core:item-deleted', payload }],
});
