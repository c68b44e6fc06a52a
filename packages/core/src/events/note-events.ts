/** Event handlers of map notes: created, updated, deleted. */
import { ref } from '../model/doc-refs.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustExist } from './helpers.js';
import { removalChanges, removeDocs } from './links.js';

const noteRef = (id: string) => [ref('notes', id)];

/** Handlers of the `core:note-*` events. */
export const NOTE_EVENTS = defineEventHandlers({
  'core:note-created': {
    apply: ({ docs, payload }) => ({ notes: docs.notes.set(payload.note.id, payload.note) }),
    changes: ({ payload }) => noteRef(payload.note.id),
    check: ({ state, payload: { note } }) => {
      mustBeFree(state.notes, 'notes', note.id);
      mustExist(state.scenes, 'scenes', note.sceneId);
    },
    undoable: true,
  },
  'core:note-updated': {
    apply: ({ docs, payload }) => {
      const note = docs.notes.get(payload.noteId);
      if (note === undefined) return {};
      return { notes: docs.notes.set(note.id, applyPatch(note, payload.patch)) };
    },
    changes: ({ payload }) => noteRef(payload.noteId),
    check: ({ state, payload }) => {
      mustExist(state.notes, 'notes', payload.noteId);
      if (payload.patch.sceneId !== undefined)
        mustExist(state.scenes, 'scenes', payload.patch.sceneId);
    },
    undoable: true,
  },
  'core:note-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, noteRef(payload.noteId)),
    changes: ({ docs, payload }) => removalChanges(docs, noteRef(payload.noteId)),
    checked: ({ payload }) => noteRef(payload.noteId),
    check: ({ state, payload }) => void mustExist(state.notes, 'notes', payload.noteId),
    undoable: true,
  },
});
