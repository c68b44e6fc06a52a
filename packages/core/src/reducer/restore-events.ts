/** The generic `core:document-restored` event that undo emits. */
import { ref, setDoc } from '../model/doc-refs.js';
import { defineEventHandlers } from './event-handler.js';
import { removalChanges, removeDocs } from './links.js';

/**
 * Handler of `core:document-restored`: sets one document whole, or removes it
 * as a deletion does (see `links.ts`). Undo relinks what it restores first.
 */
export const RESTORE_EVENTS = defineEventHandlers({
  'core:document-restored': {
    apply: ({ docs, payload }) =>
      payload.doc == null ? removeDocs(docs, [payload]) : setDoc(docs, payload, payload.doc),
    changes: ({ docs, payload }) =>
      payload.doc == null ? removalChanges(docs, [payload]) : [ref(payload.collection, payload.id)],
    undoable: false,
    transparent: false,
  },
});
