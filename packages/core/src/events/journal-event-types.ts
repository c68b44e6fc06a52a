/** Payloads of the journal and playlist events; part of `TableEventMap`. */
import type {
  JournalEntry,
  JournalFolder,
  Playback,
  Playlist,
} from '../model/journal-documents.js';
import type { Patch } from './event-types.js';

/** The journal and playlist events, by type. */
export interface JournalEventMap {
  'core:journal-entry-created': { readonly entry: JournalEntry };
  'core:journal-entry-updated': { readonly entryId: string; readonly patch: Patch<JournalEntry> };
  'core:journal-entry-deleted': { readonly entryId: string };
  'core:journal-folder-created': { readonly folder: JournalFolder };
  'core:journal-folder-updated': {
    readonly folderId: string;
    readonly patch: Patch<JournalFolder>;
  };
  /** Its entries and subfolders move to its parent in the same event. */
  'core:journal-folder-deleted': { readonly folderId: string };
  /**
   * A GM showed the entry to `players` (member ids, or `'all'`): their
   * clients pop it up. Changes no document (a `core:journal-entry-updated`
   * before it makes the entry visible to them); a player receives it only
   * when shown, with `players` as `[themselves]`.
   */
  'core:journal-shown': { readonly entryId: string; readonly players: readonly string[] | 'all' };
  'core:playlist-created': { readonly playlist: Playlist };
  /** Every field but `playing`, which only the playback events change. */
  'core:playlist-updated': {
    readonly playlistId: string;
    readonly patch: Patch<Omit<Playlist, 'playing'>>;
  };
  'core:playlist-deleted': { readonly playlistId: string };
  /**
   * The playlist plays `trackId` from `offset` ms, since the event's time:
   * the reducer sets `playing` to `{ trackId, offset, startedAt: time }`.
   */
  'core:track-played': Omit<Playback, 'startedAt'> & { readonly playlistId: string };
  'core:track-stopped': { readonly playlistId: string };
}
