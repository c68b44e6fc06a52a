/** Event handlers of timeline entries: created, updated, deleted. */
import { getDoc, ref } from '../model/doc-refs.js';
import type { DocLink } from '../model/documents.js';
import type { TableDocs } from '../model/state.js';
import { VttError } from '../errors/vtt-error.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustExist } from './helpers.js';
import { removalChanges, removeDocs } from './links.js';

const entryRef = (id: string) => [ref('timeline', id)];

function linksMustExist(docs: TableDocs, links: readonly DocLink[] | undefined): void {
  for (const link of links ?? []) {
    if (getDoc(docs, link) === undefined) {
      throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
        collection: link.collection,
        id: link.id,
      });
    }
  }
}

/** Handlers of the `core:timeline-entry-*` events. */
export const TIMELINE_EVENTS = defineEventHandlers({
  'core:timeline-entry-created': {
    apply: ({ docs, payload }) => ({
      timeline: docs.timeline.set(payload.entry.id, payload.entry),
    }),
    changes: ({ payload }) => entryRef(payload.entry.id),
    check: ({ state, payload: { entry } }) => {
      mustBeFree(state.timeline, 'timeline', entry.id);
      linksMustExist(state, entry.links);
    },
    undoable: true,
  },
  'core:timeline-entry-updated': {
    apply: ({ docs, payload }) => {
      const entry = docs.timeline.get(payload.entryId);
      if (entry === undefined) return {};
      return { timeline: docs.timeline.set(entry.id, applyPatch(entry, payload.patch)) };
    },
    changes: ({ payload }) => entryRef(payload.entryId),
    check: ({ state, payload }) => {
      mustExist(state.timeline, 'timeline', payload.entryId);
      linksMustExist(state, payload.patch.links);
    },
    undoable: true,
  },
  'core:timeline-entry-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, entryRef(payload.entryId)),
    changes: ({ docs, payload }) => removalChanges(docs, entryRef(payload.entryId)),
    checked: ({ payload }) => entryRef(payload.entryId),
    check: ({ state, payload }) => void mustExist(state.timeline, 'timeline', payload.entryId),
    undoable: true,
  },
});
