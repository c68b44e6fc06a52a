/** Deciding timeline actions: create, update, delete entries. */
import type { DocLink } from '../model/documents.js';
import { linkVisible } from '../views/visibility.js';
import { defineActionHandlers } from './action-handler.js';
import { withKeptFlags } from './keep-hidden.js';

/** Handlers of the `core:*-timeline-entry` actions. */
export const TIMELINE_ACTIONS = defineActionHandlers({
  'core:create-timeline-entry': ({ state, member, payload: p, newId }) => [
    {
      type: 'core:timeline-entry-created',
      payload: {
        entry: {
          id: newId((id) => state.timeline.has(id), 'entry', p.id, 'timeline'),
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
  'core:update-timeline-entry': ({ state, member, payload }) => {
    const entry = state.timeline.get(payload.entryId);
    const kept = withKeptFlags(entry, member, state, payload);
    const links = kept.patch.links;
    if (links === undefined || entry === undefined || member.role === 'gm') {
      return [{ type: 'core:timeline-entry-updated', payload: kept }];
    }
    // A member sends the links they see; those they cannot see (a GM's) stay.
    const sent = (l: DocLink) => links.some((m) => m.collection === l.collection && m.id === l.id);
    const unseen = entry.links.filter((l) => !sent(l) && !linkVisible(state, l, member));
    const patch = { ...kept.patch, links: [...links, ...unseen] };
    return [{ type: 'core:timeline-entry-updated', payload: { ...kept, patch } }];
  },
  'core:delete-timeline-entry': ({ payload }) => [{ type: 'core:timeline-entry-deleted', payload }],
});
