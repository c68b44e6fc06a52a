/** Deciding timeline actions: create, update, delete entries. */
import { defineActionHandlers } from './action-handler.js';
import { withKeptFlags } from './keep-hidden.js';

/** Handlers of the `core:*-timeline-entry` actions. */
export const TIMELINE_ACTIONS = defineActionHandlers({
  'core:create-timeline-entry': ({ state, member, payload: p, newId }) => [
    {
      type: 'core:timeline-entry-created',
      payload: {
        entry: {
          id: newId((id) => id in state.timeline, 'entry', p.id, 'timeline'),
          date: p.date,
          category: p.category ?? 'event',
          title: p.title,
          text: p.text ?? '',
          links: p.links ?? [],
          visibility: p.visibility ?? (member.role === 'gm' ? 'gm' : 'public'),
          author: member.id,
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:update-timeline-entry': ({ state, member, payload }) => [
    {
      type: 'core:timeline-entry-updated',
      payload: withKeptFlags(state.timeline[payload.entryId], member, state, payload),
    },
  ],
  'core:delete-timeline-entry': ({ payload }) => [{ type: 'core:timeline-entry-deleted', payload }],
});
