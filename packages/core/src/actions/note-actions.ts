/** Deciding map note actions: create, update, delete. */
import { defineActionHandlers } from './action-handler.js';
import { withKeptFlags } from './keep-hidden.js';

/** Handlers of the `core:*-note` actions. */
export const NOTE_ACTIONS = defineActionHandlers({
  'core:create-note': ({ state, member, payload: p, newId }) => [
    {
      type: 'core:note-created',
      payload: {
        note: {
          id: newId((id) => state.notes.has(id), 'note', p.id, 'notes'),
          sceneId: p.sceneId,
          x: p.x,
          y: p.y,
          title: p.title,
          text: p.text ?? '',
          icon: p.icon ?? null,
          visibility: p.visibility ?? (member.role === 'gm' ? 'gm' : 'public'),
          author: member.id,
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:update-note': ({ state, member, payload }) => [
    {
      type: 'core:note-updated',
      payload: withKeptFlags(state.notes.get(payload.noteId), member, state, payload),
    },
  ],
  'core:delete-note': ({ payload }) => [{ type: 'core:note-deleted', payload }],
});
