/** Event handlers of items: created, updated, moved, deleted. */
import { VttError } from '../errors/vtt-error.js';
import { ref, setDoc } from '../model/doc-refs.js';
import type { Item } from '../model/documents.js';
import { itemOf } from '../model/item-list.js';
import type { TableDocs } from '../model/state.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustExist } from './helpers.js';
import { removalChanges, removeDocs } from './links.js';

const itemRef = (id: string) => [ref('items', id)];

/** The item `id` of the state, or `VTT_ERR_DOCUMENT_NOT_FOUND`. */
function mustHaveItem(docs: TableDocs, id: string): Item {
  const item = itemOf(docs, id);
  if (item === undefined)
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'items', id });
  return item;
}

/** The documents with `item` replaced by `next(item)`; unknown ids are a no-op. */
function update(docs: TableDocs, id: string, next: (item: Item) => Item): Partial<TableDocs> {
  const item = itemOf(docs, id);
  return item === undefined ? {} : setDoc(docs, ref('items', id), next(item));
}

/** Handlers of the `core:item-*` events. An actor's deletion deletes its items (see `links.ts`). */
export const ITEM_EVENTS = defineEventHandlers({
  'core:item-created': {
    apply: ({ docs, payload }) => setDoc(docs, ref('items', payload.item.id), payload.item),
    changes: ({ payload }) => itemRef(payload.item.id),
    check: ({ state, payload: { item } }) => {
      if (itemOf(state, item.id) !== undefined)
        throw new VttError('VTT_ERR_DOCUMENT_EXISTS', { collection: 'items', id: item.id });
      if (item.actorId !== null) mustExist(state.actors, 'actors', item.actorId);
    },
    undoable: true,
  },
  'core:item-updated': {
    apply: ({ docs, payload }) => update(docs, payload.itemId, (i) => applyPatch(i, payload.patch)),
    changes: ({ payload }) => itemRef(payload.itemId),
    check: ({ state, payload }) => {
      mustHaveItem(state, payload.itemId);
      if (payload.patch.actorId !== undefined && payload.patch.actorId !== null)
        mustExist(state.actors, 'actors', payload.patch.actorId);
    },
    undoable: true,
  },
  'core:item-moved': {
    apply: ({ docs, payload }) =>
      update(docs, payload.itemId, (i) => ({ ...i, actorId: payload.actorId, sort: payload.sort })),
    changes: ({ payload }) => itemRef(payload.itemId),
    check: ({ state, payload }) => {
      mustHaveItem(state, payload.itemId);
      if (payload.actorId !== null) mustExist(state.actors, 'actors', payload.actorId);
    },
    undoable: true,
  },
  'core:item-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, itemRef(payload.itemId)),
    changes: ({ docs, payload }) => removalChanges(docs, itemRef(payload.itemId)),
    checked: ({ payload }) => itemRef(payload.itemId),
    check: ({ state, payload }) => void mustHaveItem(state, payload.itemId),
    undoable: true,
  },
});
