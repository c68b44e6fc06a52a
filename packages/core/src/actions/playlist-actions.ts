/** Deciding playlist actions: playlists and tracks, playback and volume (GMs only, by the rules). */
import { VttError } from '../errors/vtt-error.js';
import type { EventDraft } from '../events/event-types.js';
import { playlistsOf, type Playlist, type PlaylistTrack } from '../model/journal-documents.js';
import type { Member } from '../model/documents.js';
import type { TableState } from '../model/state.js';
import { mustBeGm } from '../permissions/journal-rules.js';
import { createRng, type RngState } from '../random/rng.js';
import type { DecideContext } from './action-handler.js';
import { defineActionHandlers } from './action-handler.js';
import type { TrackInput } from './journal-action-types.js';

/** The generator stream shuffles draw from: apart from the dice, so dice audits are unaffected. */
export const PLAYLIST_STREAM = 'core:playlists';

/** The playlist a GM acts on; others are refused first (see `mustBeGm`). */
function playlistOf(state: TableState, member: Member, id: string): Playlist {
  mustBeGm(state, member, 'playlists', id, true);
  const playlist = playlistsOf(state).get(id);
  if (playlist === undefined)
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'playlists', id });
  return playlist;
}

function trackOf(playlist: Playlist, trackId: string): PlaylistTrack {
  const track = playlist.tracks.find((t) => t.id === trackId);
  if (track === undefined)
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
      collection: `playlists/${playlist.id}/tracks`,
      id: trackId,
    });
  return track;
}

type NewId = DecideContext<unknown>['newId'];

/** Tracks with ids: given ones must be unique in the list, missing ones are made. */
function withIds(inputs: readonly TrackInput[], taken: readonly string[], newId: NewId) {
  const ids = new Set(taken);
  return inputs.map((t): PlaylistTrack => {
    const id = newId((x) => ids.has(x), 'track', t.id, 'tracks');
    ids.add(id);
    return { id, name: t.name, asset: t.asset, volume: t.volume ?? 1 };
  });
}

/** A `core:track-stopped` first when `tracks` no longer holds the playing track. */
function stopIfGone(playlist: Playlist, tracks: readonly PlaylistTrack[]): EventDraft[] {
  const playing = playlist.playing;
  if (playing === null || tracks.some((t) => t.id === playing.trackId)) return [];
  return [{ type: 'core:track-stopped', payload: { playlistId: playlist.id } }];
}

function updated(playlist: Playlist, patch: Partial<Omit<Playlist, 'id' | 'playing'>>) {
  return [
    ...(patch.tracks ? stopIfGone(playlist, patch.tracks) : []),
    { type: 'core:playlist-updated' as const, payload: { playlistId: playlist.id, patch } },
  ];
}

/**
 * A uniform index in `[0, bound)` from the playlist stream of the table's
 * generator, and the generator's state after it. Music order is no secret
 * and the pick is recorded in the event, so a shuffle still draws after a
 * dice session ended (its seed revealed); the saved state stays revealed.
 */
function draw(state: RngState, bound: number): { index: number; rng: RngState } {
  const { revealed, ...open } = state;
  const rng = createRng(open, PLAYLIST_STREAM);
  const index = rng.below(bound);
  const next = rng.state();
  return { index, rng: revealed ? { ...next, revealed } : next };
}

/**
 * The track `core:play-track` without a track plays, or `null` at the end
 * of a sequential playlist that does not loop. Sequential: the one after
 * the playing track (the first when none plays), the first again after the
 * last when it loops. Shuffle: a random track other than the playing one.
 */
function nextTrack(
  state: TableState,
  playlist: Playlist,
): { trackId: string | null; rng?: RngState } {
  const tracks = playlist.tracks;
  const current = tracks.findIndex((t) => t.id === playlist.playing?.trackId);
  if (playlist.mode === 'sequential') {
    const next = current + 1;
    if (next < tracks.length) return { trackId: tracks[next]!.id };
    return { trackId: playlist.loop || current < 0 ? tracks[0]!.id : null };
  }
  const others =
    current < 0 || tracks.length === 1 ? tracks : tracks.filter((_, i) => i !== current);
  const { index, rng } = draw(state.rng, others.length);
  return { trackId: others[index]!.id, rng };
}

/** Handlers of the playlist actions. */
export const PLAYLIST_ACTIONS = defineActionHandlers({
  'core:create-playlist': ({ state, payload: p, newId }) => [
    {
      type: 'core:playlist-created',
      payload: {
        playlist: {
          id: newId((id) => playlistsOf(state).has(id), 'playlist', p.id, 'playlists'),
          name: p.name,
          tracks: withIds(p.tracks ?? [], [], newId),
          mode: p.mode ?? 'sequential',
          loop: p.loop ?? false,
          volume: p.volume ?? 1,
          playing: null,
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:update-playlist': ({ state, member, payload, newId }) => {
    const playlist = playlistOf(state, member, payload.playlistId);
    const { tracks, ...rest } = payload.patch;
    return updated(
      playlist,
      tracks === undefined ? rest : { ...rest, tracks: withIds(tracks, [], newId) },
    );
  },
  'core:delete-playlist': ({ state, member, payload }) => {
    playlistOf(state, member, payload.playlistId);
    return [{ type: 'core:playlist-deleted', payload }];
  },
  'core:add-track': ({ state, member, payload: { playlistId, ...input }, newId }) => {
    const playlist = playlistOf(state, member, playlistId);
    const taken = playlist.tracks.map((t) => t.id);
    return updated(playlist, { tracks: [...playlist.tracks, ...withIds([input], taken, newId)] });
  },
  'core:update-track': ({ state, member, payload }) => {
    const playlist = playlistOf(state, member, payload.playlistId);
    const track = trackOf(playlist, payload.trackId);
    const tracks = playlist.tracks.map((t) => (t === track ? { ...t, ...payload.patch } : t));
    return updated(playlist, { tracks });
  },
  'core:remove-track': ({ state, member, payload }) => {
    const playlist = playlistOf(state, member, payload.playlistId);
    const track = trackOf(playlist, payload.trackId);
    return updated(playlist, { tracks: playlist.tracks.filter((t) => t !== track) });
  },
  'core:play-track': ({ state, member, payload }) => {
    const playlist = playlistOf(state, member, payload.playlistId);
    if (playlist.tracks.length === 0)
      throw new VttError('VTT_ERR_DOCUMENT_INVALID', {
        collection: 'playlists',
        id: playlist.id,
        problem: 'it has no tracks to play',
        fix: 'Add a track first (core:add-track).',
      });
    const offset = payload.offset ?? 0;
    if (payload.trackId !== undefined) {
      trackOf(playlist, payload.trackId);
      const trackId = payload.trackId;
      return [{ type: 'core:track-played', payload: { playlistId: playlist.id, trackId, offset } }];
    }
    const next = nextTrack(state, playlist);
    if (next.trackId === null)
      return [{ type: 'core:track-stopped', payload: { playlistId: playlist.id } }];
    const draft: EventDraft = {
      type: 'core:track-played',
      payload: { playlistId: playlist.id, trackId: next.trackId, offset },
    };
    return [next.rng === undefined ? draft : { ...draft, server: { rng: next.rng } }];
  },
  'core:stop-track': ({ state, member, payload }) => {
    playlistOf(state, member, payload.playlistId);
    return [{ type: 'core:track-stopped', payload }];
  },
  'core:set-volume': ({ state, member, payload }) => {
    const playlist = playlistOf(state, member, payload.playlistId);
    if (payload.trackId === undefined) return updated(playlist, { volume: payload.volume });
    const track = trackOf(playlist, payload.trackId);
    const tracks = playlist.tracks.map((t) => (t === track ? { ...t, volume: payload.volume } : t));
    return updated(playlist, { tracks });
  },
});
