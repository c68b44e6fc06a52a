/** The generic `core:document-restored` event that undo emits. */
import { getDoc, ref, setDoc } from '../model/doc-refs.js';
import type { DocLink, TimelineEntry } from '../model/documents.js';
import { deepEqual } from '../model/json.js';
import type { TableDocs } from '../model/state.js';
import type { TableEventMap } from './event-types.js';
import { defineEventHandlers } from './event-handler.js';
import { removalChanges, removeDocs } from './links.js';

type Restore = TableEventMap['core:document-restored'];

const sameLink = (a: DocLink) => (b: DocLink) => a.collection === b.collection && a.id === b.id;

/**
 * True when the restore only puts back links of a timeline entry, to
 * documents that exist: the inverse of the link rules of a deletion that is
 * being undone (a player's note that a GM's entry linked), which needs no
 * permission of its own, as the deletion needed none.
 */
function relinksOnly(docs: TableDocs, payload: Restore): boolean {
  if (payload.collection !== 'timeline' || payload.doc == null) return false;
  const current = getDoc(docs, payload) as TimelineEntry | undefined;
  const doc = payload.doc as TimelineEntry;
  if (current === undefined) return false;
  const { links: _a, ...rest } = current;
  const { links: _b, ...restored } = doc;
  return (
    deepEqual(rest, restored) &&
    current.links.every((l) => doc.links.some(sameLink(l))) &&
    doc.links.every((l) => getDoc(docs, l) !== undefined)
  );
}

/**
 * Handler of `core:document-restored`: sets one document whole, or removes it
 * as a deletion does (see `links.ts`). Undo relinks what it restores first.
 * Permission is judged on the restored document alone.
 */
export const RESTORE_EVENTS = defineEventHandlers({
  'core:document-restored': {
    apply: ({ docs, payload }) =>
      payload.doc == null ? removeDocs(docs, [payload]) : setDoc(docs, payload, payload.doc),
    changes: ({ docs, payload }) =>
      payload.doc == null ? removalChanges(docs, [payload]) : [ref(payload.collection, payload.id)],
    checked: ({ docs, payload }) =>
      relinksOnly(docs, payload) ? [] : [ref(payload.collection, payload.id)],
    undoable: false,
    transparent: false,
  },
});
