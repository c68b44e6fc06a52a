import { describe, expect, it } from 'vitest';
import {
  errorCode,
  fixtureTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import type { TableEvent } from '../events/event-types.js';
import type { TableState } from '../model/state.js';
import { applyEvents } from '../reducer/apply-event.js';
import { commit } from '../reducer/commit.js';
import { authorize } from '../permissions/authorize.js';
import { decide } from '../actions/decide.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, obs } = USERS;

const TRACKS = [
  { id: 'intro', name: 'Tavern intro', asset: 'audio-intro' },
  { id: 'boss', name: 'CANARY-NAME boss theme', asset: 'CANARY-ASSET boss', volume: 0.5 },
  { id: 'end', name: 'CANARY-NAME credits', asset: 'CANARY-ASSET end' },
];

function playlistTable(mode: 'sequential' | 'shuffle' = 'sequential', loop = false): TableState {
  return run(fixtureTable(), gm, 'core:create-playlist', {
    id: 'pl',
    name: 'Evening',
    tracks: TRACKS,
    mode,
    loop,
    volume: 0.8,
    flags: { mod: 'CANARY-FLAG' },
  }).state;
}

const playingOf = (s: TableState) => s.playlists.get('pl')?.playing ?? null;

describe('playlist views', () => {
  it('shows players and observers nothing of a playlist that is not playing', () => {
    const s = playlistTable();
    expect(viewFor(s, gm).playlists.get('pl')?.tracks).toHaveLength(3);
    for (const viewer of [p1, obs]) {
      expect(viewFor(s, viewer).playlists.size).toBe(0);
      expect(JSON.stringify(viewFor(s, viewer))).not.toMatch(/CANARY|Evening/);
    }
  });

  it('shows a playing playlist with its playing track only', () => {
    const played = runAndProject(playlistTable(), gm, 'core:play-track', { playlistId: 'pl' }, p1);
    expect(played.received).toMatchObject([
      { type: 'core:document-synced', payload: { collection: 'playlists', id: 'pl' } },
    ]);
    for (const viewer of [p1, obs]) {
      const seen = viewFor(played.state, viewer).playlists.get('pl');
      expect(seen).toMatchObject({
        name: 'Evening',
        volume: 0.8,
        playing: { trackId: 'intro', offset: 0, startedAt: 1_000 },
        tracks: [TRACKS[0]!],
        flags: {},
      });
      expect(JSON.stringify(viewFor(played.state, viewer))).not.toMatch(/CANARY/);
    }
    // Changing tracks that are not playing tells players nothing.
    const added = runAndProject(
      played.state,
      gm,
      'core:add-track',
      { playlistId: 'pl', name: 'CANARY-NAME new', asset: 'CANARY-ASSET new' },
      p1,
    );
    expect(added.received).toEqual([]);
    const stopped = runAndProject(played.state, gm, 'core:stop-track', { playlistId: 'pl' }, p1);
    expect(stopped.received).toMatchObject([
      { type: 'core:document-removed', payload: { collection: 'playlists', id: 'pl' } },
    ]);
  });
});

describe('playlist permissions', () => {
  it('lets only GMs manage and play playlists, answering players not-found for unseen ones', () => {
    const stopped = playlistTable();
    const playing = run(stopped, gm, 'core:play-track', { playlistId: 'pl' }).state;
    const cases = [
      ['core:play-track', { playlistId: 'pl', trackId: 'intro' }],
      ['core:stop-track', { playlistId: 'pl' }],
      ['core:set-volume', { playlistId: 'pl', volume: 0.1 }],
      ['core:add-track', { playlistId: 'pl', name: 'x', asset: 'y' }],
      ['core:remove-track', { playlistId: 'pl', trackId: 'zz' }],
      ['core:update-playlist', { playlistId: 'pl', patch: { name: 'x' } }],
      ['core:delete-playlist', { playlistId: 'pl' }],
    ] as const;
    for (const [type, payload] of cases) {
      // A stopped playlist is not there for players, whatever its tracks.
      expect(
        errorCode(() => run(stopped, p1, type, payload as never)),
        type,
      ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
      expect(
        errorCode(() => run(playing, p1, type, payload as never)),
        type,
      ).toBe('VTT_ERR_PERMISSION_GM_ONLY');
      expect(
        errorCode(() => run(playing, obs, type, payload as never)),
        type,
      ).toBe('VTT_ERR_PERMISSION_OBSERVER');
    }
    expect(errorCode(() => run(stopped, p1, 'core:create-playlist', { name: 'Mine' }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    // Module events proposed as a player meet the same rules.
    const draft = {
      type: 'core:track-played' as const,
      payload: { playlistId: 'pl', trackId: 'zz', offset: 0 },
    };
    expect(errorCode(() => authorize(stopped, p1, draft))).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    expect(errorCode(() => authorize(playing, p1, draft))).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    expect(errorCode(() => authorize(playing, gm, draft))).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });
});

describe('playback', () => {
  it('records the event time and offset, from which a late client computes its position', () => {
    const s = playlistTable();
    const { state, events } = run(
      s,
      gm,
      'core:play-track',
      { playlistId: 'pl', trackId: 'boss', offset: 30_000 },
      77_000,
    );
    expect(playingOf(state)).toEqual({ trackId: 'boss', startedAt: 77_000, offset: 30_000 });
    expect(events[0]?.time).toBe(77_000);
    // A client joining at server time 90 000 starts 30 000 + (90 000 - 77 000) ms into the track.
    const p = playingOf(state)!;
    expect(p.offset + (90_000 - p.startedAt)).toBe(43_000);
  });

  it('plays the next track in order, loops or stops at the end', () => {
    let s = playlistTable('sequential', false);
    const next = () => (s = run(s, gm, 'core:play-track', { playlistId: 'pl' }).state);
    expect([next(), next(), next()].map((x) => playingOf(x)?.trackId)).toEqual([
      'intro',
      'boss',
      'end',
    ]);
    expect(playingOf(next())).toBeNull();
    let looped = run(playlistTable('sequential', true), gm, 'core:play-track', {
      playlistId: 'pl',
      trackId: 'end',
    }).state;
    looped = run(looped, gm, 'core:play-track', { playlistId: 'pl' }).state;
    expect(playingOf(looped)?.trackId).toBe('intro');
  });

  it('shuffles with the table generator, recorded so that replay gives the same tracks', () => {
    const picks = (seedState: TableState) => {
      let s = seedState;
      const log: TableEvent[] = [];
      const out: string[] = [];
      for (let i = 0; i < 12; i++) {
        const drafts = decide(
          s,
          { type: 'core:play-track', payload: { playlistId: 'pl' } },
          {
            userId: gm,
            now: 2_000 + i,
          },
        );
        expect(drafts[0]?.server?.rng).toBeDefined();
        const c = commit(s, drafts, { author: gm, now: 2_000 + i });
        log.push(...c.events);
        const before = playingOf(s)?.trackId;
        s = c.state;
        const now = playingOf(s)!.trackId;
        expect(now).not.toBe(before); // never the same track twice in a row
        out.push(now);
      }
      return { s, log, out };
    };
    const base = playlistTable('shuffle');
    const first = picks(base);
    expect(new Set(first.out).size).toBe(3);
    expect(picks(base).out).toEqual(first.out);
    // Replaying the log gives the same state, generator included.
    expect(JSON.stringify(applyEvents(base, JSON.parse(JSON.stringify(first.log))))).toBe(
      JSON.stringify(first.s),
    );
    // The dice are not disturbed: shuffles draw from their own stream.
    expect(first.s.rng.position).toBe(base.rng.position);
    // A dice session that ended does not stop the music.
    const ended = run(base, gm, 'core:end-session', {}).state;
    const after = run(ended, gm, 'core:play-track', { playlistId: 'pl' }).state;
    expect(playingOf(after)).not.toBeNull();
    expect(after.rng.revealed).toBe(true);
  });

  it('stops when the playing track is removed, and refuses unknown or missing tracks', () => {
    const s = run(playlistTable(), gm, 'core:play-track', {
      playlistId: 'pl',
      trackId: 'boss',
    }).state;
    const removed = run(s, gm, 'core:remove-track', { playlistId: 'pl', trackId: 'boss' });
    expect(removed.events.map((e) => e.type)).toEqual([
      'core:track-stopped',
      'core:playlist-updated',
    ]);
    expect(playingOf(removed.state)).toBeNull();
    expect(
      errorCode(() => run(s, gm, 'core:play-track', { playlistId: 'pl', trackId: 'zz' })),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    const empty = run(fixtureTable(), gm, 'core:create-playlist', { id: 'e', name: 'Empty' }).state;
    expect(errorCode(() => run(empty, gm, 'core:play-track', { playlistId: 'e' }))).toBe(
      'VTT_ERR_DOCUMENT_INVALID',
    );
    expect(
      errorCode(() =>
        run(empty, gm, 'core:update-playlist', {
          playlistId: 'e',
          patch: { tracks: [TRACKS[0]!, TRACKS[0]!] },
        }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_EXISTS');
  });

  it('sets the volume of the playlist or of one track, and undo takes it back', () => {
    let s = playlistTable();
    s = run(s, gm, 'core:set-volume', { playlistId: 'pl', volume: 0.3 }).state;
    s = run(s, gm, 'core:set-volume', { playlistId: 'pl', trackId: 'end', volume: 0.2 }).state;
    expect(s.playlists.get('pl')).toMatchObject({ volume: 0.3 });
    expect(s.playlists.get('pl')?.tracks[2]?.volume).toBe(0.2);
    s = run(s, gm, 'core:undo', {}).state;
    expect(s.playlists.get('pl')?.tracks[2]?.volume).toBe(1);
    s = run(s, gm, 'core:undo', {}).state;
    expect(s.playlists.get('pl')?.volume).toBe(0.8);
    expect(errorCode(() => run(s, gm, 'core:set-volume', { playlistId: 'pl', volume: 2 }))).toBe(
      'VTT_ERR_ACTION_INVALID',
    );
  });

  it('does not undo playback, which is live', () => {
    const s = run(playlistTable(), gm, 'core:play-track', { playlistId: 'pl' }).state;
    // The top of the GM's stack is the creation, which the playback changed since.
    expect(s.undo[gm]?.at(-1)?.changes).toMatchObject([{ collection: 'playlists', before: null }]);
    expect(errorCode(() => run(s, gm, 'core:undo', {}))).toBe('VTT_ERR_UNDO_CONFLICT');
  });
});
