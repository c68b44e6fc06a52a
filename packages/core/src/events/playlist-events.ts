/** Event handlers of playlists: created, updated, deleted, a track played or stopped. */
import { VttError } from '../errors/vtt-error.js';
import { putOrRemove, ref } from '../model/doc-refs.js';
import { playlistsOf, type Playlist } from '../model/journal-documents.js';
import type { TableDocs } from '../model/state.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeValid } from './helpers.js';
import { mustBeGm } from '../permissions/journal-rules.js';

const playlistRef = (id: string) => [ref('playlists', id)];

function mustExist(docs: TableDocs, id: string): Playlist {
  const playlist = playlistsOf(docs).get(id);
  if (playlist === undefined)
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'playlists', id });
  return playlist;
}

/** Track ids are unique in a playlist, and the playing track is one of them. */
function mustBeWellFormed(playlist: Playlist): void {
  const ids = new Set(playlist.tracks.map((t) => t.id));
  mustBeValid(
    ids.size === playlist.tracks.length ? null : 'two of its tracks have the same id',
    'playlists',
    playlist.id,
    'Give every track its own id, or leave the ids out.',
  );
  mustBeValid(
    playlist.playing === null || ids.has(playlist.playing.trackId)
      ? null
      : `it plays track "${playlist.playing.trackId}", which it does not have`,
    'playlists',
    playlist.id,
    'Stop the playlist (core:stop-track) before removing the track it plays.',
  );
}

function update(docs: TableDocs, id: string, change: (p: Playlist) => Playlist) {
  const playlist = playlistsOf(docs).get(id);
  if (playlist === undefined) return {};
  return { playlists: putOrRemove(docs.playlists, id, change(playlist)) };
}

/** Handlers of the `core:playlist-*` and `core:track-*` events. */
export const PLAYLIST_EVENTS = defineEventHandlers({
  'core:playlist-created': {
    apply: ({ docs, payload: { playlist } }) => ({
      playlists: putOrRemove(docs.playlists, playlist.id, playlist),
    }),
    changes: ({ payload }) => playlistRef(payload.playlist.id),
    permit: ({ state, member, payload: { playlist } }) => {
      mustBeGm(state, member, 'playlists', playlist.id, false);
      if (playlistsOf(state).has(playlist.id))
        throw new VttError('VTT_ERR_DOCUMENT_EXISTS', { collection: 'playlists', id: playlist.id });
      mustBeWellFormed(playlist);
    },
    undoable: true,
  },
  'core:playlist-updated': {
    apply: ({ docs, payload }) =>
      update(docs, payload.playlistId, (p) => applyPatch(p, payload.patch)),
    changes: ({ payload }) => playlistRef(payload.playlistId),
    permit: ({ state, member, payload }) => {
      mustBeGm(state, member, 'playlists', payload.playlistId, true);
      mustBeWellFormed(applyPatch(mustExist(state, payload.playlistId), payload.patch));
    },
    undoable: true,
  },
  'core:playlist-deleted': {
    apply: ({ docs, payload }) => ({
      playlists: putOrRemove(docs.playlists, payload.playlistId, null),
    }),
    changes: ({ payload }) => playlistRef(payload.playlistId),
    permit: ({ state, member, payload }) => {
      mustBeGm(state, member, 'playlists', payload.playlistId, true);
      mustExist(state, payload.playlistId);
    },
    undoable: true,
  },
  'core:track-played': {
    apply: ({ docs, payload: { playlistId, trackId, offset }, event }) =>
      update(docs, playlistId, (p) => ({
        ...p,
        playing: { trackId, startedAt: event.time, offset },
      })),
    changes: ({ payload }) => playlistRef(payload.playlistId),
    permit: ({ state, member, payload }) => {
      mustBeGm(state, member, 'playlists', payload.playlistId, true);
      const playlist = mustExist(state, payload.playlistId);
      if (!playlist.tracks.some((t) => t.id === payload.trackId))
        throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
          collection: `playlists/${playlist.id}/tracks`,
          id: payload.trackId,
        });
    },
    // Playback is live: undoing it would jump back in time; stop or play instead.
    undoable: false,
  },
  'core:track-stopped': {
    apply: ({ docs, payload }) =>
      update(docs, payload.playlistId, (p) => (p.playing === null ? p : { ...p, playing: null })),
    changes: ({ payload }) => playlistRef(payload.playlistId),
    permit: ({ state, member, payload }) => {
      mustBeGm(state, member, 'playlists', payload.playlistId, true);
      mustExist(state, payload.playlistId);
    },
    undoable: false,
  },
});
