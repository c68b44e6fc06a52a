/** Deciding journal actions: entries, folders, and showing a handout to players. */
import { VttError } from '../errors/vtt-error.js';
import type { EventDraft } from '../events/event-types.js';
import { foldersOf, journalOf, type JournalEntry } from '../model/journal-documents.js';
import type { TableState } from '../model/state.js';
import { defineActionHandlers } from './action-handler.js';
import { withKeptFlags } from './keep-hidden.js';

const entryOf = (state: TableState, id: string) => journalOf(state).get(id);

/**
 * The patch that makes `entry` visible to `players` (or everyone), or
 * `null` when it already is: `'all'` makes it public; chosen players are
 * added to those it is shown to, a GM-only entry becoming `players`.
 */
function showPatch(
  entry: JournalEntry,
  players: readonly string[] | 'all',
): Partial<JournalEntry> | null {
  if (entry.visibility === 'public') return null;
  if (players === 'all') return { visibility: 'public' };
  const current = entry.visibility === 'players' ? entry.players : [];
  const added = players.filter((id) => id !== entry.author && !current.includes(id));
  if (added.length === 0) return null; // they see it already (shown before, or its author)
  return { visibility: 'players', players: [...current, ...added] };
}

/** Handlers of the journal actions. */
export const JOURNAL_ACTIONS = defineActionHandlers({
  'core:create-journal-entry': ({ state, member, payload: p, newId }) => [
    {
      type: 'core:journal-entry-created',
      payload: {
        entry: {
          id: newId((id) => journalOf(state).has(id), 'journal', p.id, 'journal'),
          title: p.title,
          text: p.text ?? '',
          images: p.images ?? [],
          folderId: p.folderId ?? null,
          visibility: p.visibility ?? 'gm',
          players: p.players ?? [],
          author: member.id,
          sort: p.sort ?? 0,
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:update-journal-entry': ({ state, member, payload }) => [
    {
      type: 'core:journal-entry-updated',
      payload: withKeptFlags(entryOf(state, payload.entryId), member, state, payload),
    },
  ],
  'core:delete-journal-entry': ({ payload }) => [{ type: 'core:journal-entry-deleted', payload }],
  'core:create-journal-folder': ({ state, payload: p, newId }) => [
    {
      type: 'core:journal-folder-created',
      payload: {
        folder: {
          id: newId((id) => foldersOf(state).has(id), 'folder', p.id, 'folders'),
          name: p.name,
          parentId: p.parentId ?? null,
          visibility: p.visibility ?? 'gm',
          sort: p.sort ?? 0,
        },
      },
    },
  ],
  'core:update-journal-folder': ({ payload }) => [{ type: 'core:journal-folder-updated', payload }],
  'core:delete-journal-folder': ({ payload }) => [{ type: 'core:journal-folder-deleted', payload }],
  'core:show-journal': ({ state, member, payload }) => {
    if (member.role !== 'gm') {
      throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', {
        collection: 'journal',
        what: 'show an entry to players',
      });
    }
    const entry = entryOf(state, payload.entryId);
    if (entry === undefined)
      throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
        collection: 'journal',
        id: payload.entryId,
      });
    const patch = showPatch(entry, payload.players);
    const drafts: EventDraft[] = [];
    if (patch !== null)
      drafts.push({ type: 'core:journal-entry-updated', payload: { entryId: entry.id, patch } });
    drafts.push({ type: 'core:journal-shown', payload });
    return drafts;
  },
});
