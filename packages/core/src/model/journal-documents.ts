/**
 * Journal entries (handouts), their folders, and playlists: the documents of
 * `TableDocs.journal`, `.folders` and `.playlists`, each kept in a
 * {@link DocMap}. See docs/reference/state-model.md.
 */
import { DocMap } from './doc-map.js';
import type { Flags } from './json.js';
import type { TableDocs } from './state.js';

/**
 * Who sees a journal entry besides GMs and its author: nobody else (`gm`;
 * for a player's own entry this means "private to me and the GMs"),
 * everyone (`public`), or the members listed in `players` (`players`).
 */
export const JOURNAL_VISIBILITIES = { gm: 'gm', public: 'public', players: 'players' } as const;
/** One of {@link JOURNAL_VISIBILITIES}. */
export type JournalVisibility = (typeof JOURNAL_VISIBILITIES)[keyof typeof JOURNAL_VISIBILITIES];

/** A journal entry or handout: plain Markdown text (never HTML) and images. */
export interface JournalEntry {
  readonly id: string;
  readonly title: string;
  /** Plain Markdown, stored and sent as written; rendering and sanitising belong to the client. */
  readonly text: string;
  /** Asset references (content hashes or URLs), in display order. */
  readonly images: readonly string[];
  /** The folder it is filed in, `null` at the top level. */
  readonly folderId: string | null;
  readonly visibility: JournalVisibility;
  /** The members who see it when `visibility` is `players`; kept but unused otherwise. */
  readonly players: readonly string[];
  /** The member who created it; a player edits and deletes their own entries. */
  readonly author: string;
  /** Order among its siblings, ascending. */
  readonly sort: number;
  readonly flags: Flags;
}

/** A folder of journal entries; GM folders are seen by GMs only. */
export interface JournalFolder {
  readonly id: string;
  readonly name: string;
  /** The folder it is inside, `null` at the top level. Never a cycle. */
  readonly parentId: string | null;
  readonly visibility: 'gm' | 'public';
  readonly sort: number;
}

/** How `core:play-track` without a track picks the next one. */
export const PLAYLIST_MODES = { sequential: 'sequential', shuffle: 'shuffle' } as const;
/** One of {@link PLAYLIST_MODES}. */
export type PlaylistMode = (typeof PLAYLIST_MODES)[keyof typeof PLAYLIST_MODES];

/** One track of a playlist: an audio asset and its own volume (0..1). */
export interface PlaylistTrack {
  readonly id: string;
  readonly name: string;
  /** Asset reference (content hash or URL) of the audio. */
  readonly asset: string;
  readonly volume: number;
}

/**
 * What a playlist plays: the track, the server time of the event that
 * started it (`startedAt`, ms) and the position in the track at that time
 * (`offset`, ms). A client's position at server time `now` is
 * `offset + (now - startedAt)`, modulo the track's duration when the
 * playlist loops a single track; see docs/reference/state-model.md.
 */
export interface Playback {
  readonly trackId: string;
  readonly startedAt: number;
  readonly offset: number;
}

/**
 * A playlist of audio tracks. Players and observers see a playlist only
 * while it plays, as a {@link PlaylistView}.
 */
export interface Playlist {
  readonly id: string;
  readonly name: string;
  readonly tracks: readonly PlaylistTrack[];
  readonly mode: PlaylistMode;
  /** After the last track (sequential) the first plays again; otherwise playback stops. */
  readonly loop: boolean;
  /** The playlist's volume, 0..1; a track plays at `volume * track.volume`. */
  readonly volume: number;
  readonly playing: Playback | null;
  readonly flags: Flags;
}

/**
 * What a player or observer sees of a playing playlist: the same fields,
 * with `tracks` holding only the playing track (the GM's next tracks stay
 * the GM's), and module flags as the visibility policy declares.
 */
export type PlaylistView = Playlist;

type Keyed<T> = DocMap<T> | Readonly<Record<string, T>> | undefined;

/**
 * The collection as a {@link DocMap}, whatever form it arrived in: a state
 * holds DocMaps, a view that came over the wire holds their JSON form, a
 * table saved before these collections existed holds nothing.
 *
 * @example
 * asDocMap(view.journal).get('j1');
 */
export function asDocMap<T>(map: Keyed<T>): DocMap<T> {
  return map === undefined ? DocMap.empty<T>() : DocMap.from(map);
}

/**
 * The journal entries of `docs`, as a {@link DocMap}.
 *
 * @example
 * journalOf(view).filter((e) => e.folderId === null); // the top level
 */
export const journalOf = (docs: TableDocs): DocMap<JournalEntry> => asDocMap(docs.journal);
/**
 * The journal folders of `docs`, as a {@link DocMap}.
 *
 * @example
 * foldersOf(view).get(entry.folderId ?? '')?.name;
 */
export const foldersOf = (docs: TableDocs): DocMap<JournalFolder> => asDocMap(docs.folders);
/**
 * The playlists of `docs`, as a {@link DocMap}.
 *
 * @example
 * playlistsOf(view).filter((p) => p.playing !== null); // what plays now
 */
export const playlistsOf = (docs: TableDocs): DocMap<Playlist> => asDocMap(docs.playlists);
