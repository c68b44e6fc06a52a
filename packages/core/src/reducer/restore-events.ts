/** The generic `core:document-restored` event that undo emits. */
import { ref, setDoc } from '../model/doc-refs.js';
import { defineEventHandlers } from './event-handler.js';

/** Handler of `core:document-restored`: sets one document whole, or removes it. */
export const RESTORE_EVENTS = defineEventHandlers({
  'core:document-restored': {
    apply: ({ docs, payload }) => setDoc(docs, payload, payload.doc),
    changes: ({ payload }) => [ref(payload.collection, payload.id)],
    undoable: false,
    transparent: false,
  },
});
