/**
 * What a player or observer sees of journal entries, folders and playlists.
 * GMs see them whole; like `visibility.ts`, a document with nothing to
 * redact comes back as the same object.
 */
import type { Member } from '../model/documents.js';
import {
  foldersOf,
  journalOf,
  playlistsOf,
  type JournalEntry,
  type JournalFolder,
  type Playlist,
  type PlaylistView,
} from '../model/journal-documents.js';
import { ref } from '../model/doc-refs.js';
import { rollTablesOf } from '../model/roll-tables.js';
import type { DocRef, TableDocs } from '../model/state.js';
import { withViewedFlags } from './redact-flags.js';

/**
 * True when `member` sees `folder`: GMs all, others the public ones.
 *
 * @example
 * folderVisible(state.folders.get('f1'), player); // false for a GM folder
 */
export function folderVisible(folder: JournalFolder | undefined, member: Member): boolean {
  return folder !== undefined && (member.role === 'gm' || folder.visibility === 'public');
}

/**
 * True when `member` sees `entry`: a GM, its author, a public entry, or one shown to them.
 *
 * @example
 * entryVisible({ ...entry, visibility: 'players', players: ['u-p1'] }, p1); // true
 */
export function entryVisible(entry: JournalEntry, member: Member): boolean {
  return (
    member.role === 'gm' ||
    entry.author === member.id ||
    entry.visibility === 'public' ||
    (entry.visibility === 'players' && entry.players.includes(member.id))
  );
}

/** `folderId` as `member` may see it: `null` (the top level) for a folder they cannot see. */
export function seenFolder(
  docs: TableDocs,
  folderId: string | null,
  member: Member,
): string | null {
  if (folderId === null) return null;
  return folderVisible(foldersOf(docs).get(folderId), member) ? folderId : null;
}

/**
 * The entry as `member` sees it, or `undefined`. Non-GMs see `players` cut
 * down to themselves (whom else a GM showed it to is the GM's business), a
 * folder they cannot see as the top level, module flags as the policy
 * declares (the author counting as owner).
 *
 * @example
 * viewJournalEntry(state, state.journal.get('j1')!, player); // undefined for a GM's secret
 */
export function viewJournalEntry(
  docs: TableDocs,
  entry: JournalEntry,
  member: Member,
): JournalEntry | undefined {
  if (member.role === 'gm') return entry;
  if (!entryVisible(entry, member)) return undefined;
  const folderId = seenFolder(docs, entry.folderId, member);
  const players = entry.players.filter((id) => id === member.id);
  const seen =
    folderId === entry.folderId && players.length === entry.players.length
      ? entry
      : { ...entry, folderId, players };
  return withViewedFlags(seen, docs.campaign.visibility, entry.author === member.id);
}

/**
 * The folder as `member` sees it: `undefined` when GM-only, a GM-only parent as the top level.
 *
 * @example
 * viewJournalFolder(state, state.folders.get('maps')!, player)?.parentId; // null under a GM folder
 */
export function viewJournalFolder(
  docs: TableDocs,
  folder: JournalFolder,
  member: Member,
): JournalFolder | undefined {
  if (member.role === 'gm') return folder;
  if (!folderVisible(folder, member)) return undefined;
  const parentId = seenFolder(docs, folder.parentId, member);
  return parentId === folder.parentId ? folder : { ...folder, parentId };
}

/**
 * The playlist as `member` sees it ({@link PlaylistView}): GMs whole;
 * others only while it plays, with only the playing track, and module
 * flags as the policy declares.
 *
 * @example
 * viewPlaylist(state, stopped, player); // undefined
 */
export function viewPlaylist(
  docs: TableDocs,
  playlist: Playlist,
  member: Member,
): PlaylistView | undefined {
  if (member.role === 'gm') return playlist;
  if (playlist.playing === null) return undefined;
  const trackId = playlist.playing.trackId;
  const tracks = playlist.tracks.filter((t) => t.id === trackId);
  const seen = tracks.length === playlist.tracks.length ? playlist : { ...playlist, tracks };
  return withViewedFlags(seen, docs.campaign.visibility, false);
}

/** The document of a journal, folder or playlist collection as `member` sees it. */
export function viewJournalDoc(
  docs: TableDocs,
  collection: 'journal' | 'folders' | 'playlists',
  doc: unknown,
  member: Member,
): unknown {
  switch (collection) {
    case 'journal':
      return viewJournalEntry(docs, doc as JournalEntry, member);
    case 'folders':
      return viewJournalFolder(docs, doc as JournalFolder, member);
    case 'playlists':
      return viewPlaylist(docs, doc as Playlist, member);
  }
}

/** The three collections as `member` sees them, for `viewFor`. */
export function viewJournalCollections(
  docs: TableDocs,
  member: Member,
): Pick<TableDocs, 'journal' | 'folders' | 'playlists'> {
  return {
    journal: journalOf(docs).project((e) => viewJournalEntry(docs, e, member)),
    folders: foldersOf(docs).project((f) => viewJournalFolder(docs, f, member)),
    playlists: playlistsOf(docs).project((p) => viewPlaylist(docs, p, member)),
  };
}

/**
 * The entries, subfolders and roll tables directly in folder `folderId`:
 * their views depend on whether the viewer sees the folder (see
 * {@link viewJournalEntry}).
 */
export function folderContents(docs: TableDocs, folderId: string): DocRef[] {
  const out: DocRef[] = [];
  foldersOf(docs).forEach((f) => {
    if (f.parentId === folderId) out.push(ref('folders', f.id));
  });
  journalOf(docs).forEach((e) => {
    if (e.folderId === folderId) out.push(ref('journal', e.id));
  });
  rollTablesOf(docs).forEach((t) => {
    if (t.folderId === folderId) out.push(ref('rollTables', t.id));
  });
  return out;
}
