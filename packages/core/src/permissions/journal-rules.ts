/**
 * What a player may change in the journal: their own entries, never another
 * member's, never whom an entry is shown to. Folders and playlists are the
 * GM's (`checkDocChange` refuses them to everyone else).
 */
import { VttError } from '../errors/vtt-error.js';
import type { Member } from '../model/documents.js';
import { foldersOf, type JournalEntry } from '../model/journal-documents.js';
import { getDoc } from '../model/doc-refs.js';
import { deepEqual } from '../model/json.js';
import type { TableDocs } from '../model/state.js';
import { entryVisible, folderVisible, viewJournalDoc } from '../views/journal-visibility.js';

/** Fields the author of an entry may change (`visibility` only between `gm` and `public`). */
const PLAYER_ENTRY_FIELDS = new Set([
  'title',
  'text',
  'images',
  'folderId',
  'visibility',
  'sort',
  'flags',
]);

/** One changed journal entry: `undefined` before a create, after a delete. */
export interface EntryChange {
  readonly docs: TableDocs;
  readonly member: Member;
  readonly id: string;
  readonly before: JournalEntry | undefined;
  readonly after: JournalEntry | undefined;
}

const field = (id: string, name: string) =>
  new VttError('VTT_ERR_PERMISSION_FIELD', { collection: 'journal', id, field: name });

/**
 * Throws unless player `member` may make the change: only to their own
 * entries (an entry they cannot see answers `VTT_ERR_DOCUMENT_NOT_FOUND`),
 * keeping them `gm` (private to them and the GMs) or `public`; an entry a
 * GM showed to chosen players keeps that choice, which only GMs make; a
 * folder they file it in must be one they see.
 *
 * @example
 * entryRule({ docs: state, member, id: 'j1', before: undefined, after: entry });
 */
export function entryRule(c: EntryChange): void {
  const { before, after, member, id } = c;
  if (before && !entryVisible(before, member))
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'journal', id });
  const doc = (after ?? before)!;
  if (doc.author !== member.id || (before && before.author !== member.id))
    throw new VttError('VTT_ERR_PERMISSION_NOT_OWNER', { collection: 'journal', id });
  if (after === undefined) return;
  const shown = before?.visibility === 'players';
  if (after.visibility === 'players' && !shown) throw field(id, 'visibility');
  if (!deepEqual(after.players, before?.players ?? [])) throw field(id, 'players');
  if (after.folderId !== (before?.folderId ?? null) && after.folderId !== null) {
    if (!folderVisible(foldersOf(c.docs).get(after.folderId), member))
      throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
        collection: 'folders',
        id: after.folderId,
      });
  }
  if (before === undefined) return;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const k = key as keyof JournalEntry;
    if (!PLAYER_ENTRY_FIELDS.has(key) && !deepEqual(before[k], after[k])) throw field(id, key);
  }
}

/**
 * Folders and playlists are the GMs'. Throws unless `member` is a GM, the
 * role first, before anything about the document can answer: observers
 * `VTT_ERR_PERMISSION_OBSERVER`; players `VTT_ERR_DOCUMENT_NOT_FOUND` for
 * one they cannot see (a GM folder, a playlist that is not playing) or
 * that does not exist, as if it did not, and `VTT_ERR_PERMISSION_GM_ONLY`
 * for one they see or a new one (`existing` false).
 *
 * @example
 * mustBeGm(state, member, 'playlists', 'pl', true);
 */
export function mustBeGm(
  docs: TableDocs,
  member: Member,
  collection: 'folders' | 'playlists',
  id: string,
  existing: boolean,
): void {
  if (member.role === 'gm') return;
  if (member.role === 'observer') throw new VttError('VTT_ERR_PERMISSION_OBSERVER');
  if (existing) {
    const doc = getDoc(docs, { collection, id });
    if (doc === undefined || viewJournalDoc(docs, collection, doc, member) === undefined)
      throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection, id });
  }
  throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', { collection, what: 'change' });
}
