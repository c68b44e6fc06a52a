/**
 * fast-check arbitraries of journal and playlist actions over small id
 * pools, for the projection property tests. The GM-only entry `gj-1` and
 * folder `gf-1` carry {@link JOURNAL_MARKER} and are never made visible, so
 * neither the marker nor their ids may reach a non-GM (entries filed in
 * `gf-1`, and folders inside it, show at the top level to players).
 */
import fc from 'fast-check';
import type { TableAction } from '../src/actions/action-types.js';
import type { TableState } from '../src/model/state.js';
import { createdId, run, USERS } from './table-fixture.js';

/** Text only the GM-only journal material contains. */
export const JOURNAL_MARKER = 'JOURNALSECRET';

const ENTRIES = ['j1', 'j2', 'j3'];
const FOLDERS = ['f1', 'f2', 'f3'];
const PLAYLISTS = ['pl1', 'pl2'];
const TRACK_IDS = ['tr1', 'tr2', 'tr3'];
const MEMBERS = [USERS.p1, USERS.p2, USERS.obs];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const action = <T extends TableAction['type']>(type: T, payload: fc.Arbitrary<unknown>) =>
  payload.map((p) => ({ type, payload: p }) as TableAction);

const anyFolder = fc.oneof(fc.constant(null), pick([...FOLDERS, 'gf-1']));
const players = fc.subarray(MEMBERS, { maxLength: 2 });
const tracks = fc
  .subarray(TRACK_IDS, { minLength: 1 })
  .map((ids) => ids.map((id) => ({ id, name: `Track ${id}`, asset: `audio-${id}` })));

/** What GMs do to the journal and the playlists. */
export const journalActions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:create-journal-folder',
    fc
      .record({
        id: pick(FOLDERS),
        parentId: anyFolder,
        visibility: pick(['gm', 'public'] as const),
      })
      .map((p) => ({ ...p, name: `Folder ${p.id}` })),
  ),
  action(
    'core:create-journal-folder',
    fc.record({ parentId: fc.oneof(fc.constant(null), pick(FOLDERS)) }).map((p) => ({
      ...p,
      id: 'gf-1',
      name: `${JOURNAL_MARKER} folder`,
      visibility: 'gm' as const,
    })),
  ),
  action(
    'core:update-journal-folder',
    fc.record({
      folderId: pick(FOLDERS),
      patch: fc.oneof(
        fc.record({ visibility: pick(['gm', 'public'] as const) }),
        fc.record({ parentId: anyFolder }),
      ),
    }),
  ),
  action(
    'core:update-journal-folder',
    fc.record({
      folderId: fc.constant('gf-1'),
      patch: fc.record({ parentId: fc.oneof(fc.constant(null), pick(FOLDERS)) }),
    }),
  ),
  action('core:delete-journal-folder', fc.record({ folderId: pick([...FOLDERS, 'gf-1']) })),
  action(
    'core:create-journal-entry',
    fc
      .record({
        id: pick(ENTRIES),
        folderId: anyFolder,
        visibility: pick(['gm', 'public', 'players'] as const),
        players,
      })
      .map((p) => ({ ...p, title: `Entry ${p.id}`, text: '# Markdown' })),
  ),
  action(
    'core:update-journal-entry',
    fc.record({
      entryId: pick(ENTRIES),
      patch: fc.oneof(
        fc.record({ visibility: pick(['gm', 'public', 'players'] as const) }),
        fc.record({ players }),
        fc.record({ folderId: anyFolder }),
        fc.record({ text: fc.constant('Edited') }),
      ),
    }),
  ),
  action(
    'core:update-journal-entry',
    fc.record({ entryId: fc.constant('gj-1'), patch: fc.record({ folderId: anyFolder }) }),
  ),
  action('core:delete-journal-entry', fc.record({ entryId: pick([...ENTRIES, 'gj-1']) })),
  action(
    'core:show-journal',
    fc.record({
      entryId: pick(ENTRIES),
      players: fc.oneof(fc.constant('all' as const), fc.subarray(MEMBERS, { minLength: 1 })),
    }),
  ),
  action(
    'core:create-playlist',
    fc
      .record({
        id: pick(PLAYLISTS),
        tracks,
        mode: pick(['sequential', 'shuffle'] as const),
        loop: fc.boolean(),
      })
      .map((p) => ({ ...p, name: `Playlist ${p.id}` })),
  ),
  action(
    'core:update-playlist',
    fc.record({
      playlistId: pick(PLAYLISTS),
      patch: fc.oneof(
        fc.record({ mode: pick(['sequential', 'shuffle'] as const) }),
        fc.record({ tracks }),
        fc.record({ name: fc.constant('Renamed') }),
      ),
    }),
  ),
  action('core:delete-playlist', fc.record({ playlistId: pick(PLAYLISTS) })),
  action(
    'core:add-track',
    fc.record({ playlistId: pick(PLAYLISTS), id: pick(TRACK_IDS) }).map((p) => ({
      ...p,
      name: `Track ${p.id}`,
      asset: `audio-${p.id}`,
    })),
  ),
  action(
    'core:update-track',
    fc.record({
      playlistId: pick(PLAYLISTS),
      trackId: pick(TRACK_IDS),
      patch: fc.record({ name: fc.constant('Renamed track') }),
    }),
  ),
  action('core:remove-track', fc.record({ playlistId: pick(PLAYLISTS), trackId: pick(TRACK_IDS) })),
  action(
    'core:play-track',
    fc.record(
      { playlistId: pick(PLAYLISTS), trackId: pick(TRACK_IDS), offset: fc.nat(60_000) },
      { requiredKeys: ['playlistId'] },
    ),
  ),
  action('core:play-track', fc.record({ playlistId: pick(PLAYLISTS) })),
  action('core:stop-track', fc.record({ playlistId: pick(PLAYLISTS) })),
  action(
    'core:set-volume',
    fc.record(
      {
        playlistId: pick(PLAYLISTS),
        trackId: pick(TRACK_IDS),
        volume: fc.integer({ min: 0, max: 10 }).map((n) => n / 10),
      },
      { requiredKeys: ['playlistId', 'volume'] },
    ),
  ),
);

/**
 * The GM-only entry `gj-1`, for GMs to send only: a player's own entry is
 * theirs to read, whatever it says.
 */
export const gmSecretJournalActions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:create-journal-entry',
    fc.record({ folderId: anyFolder }).map((p) => ({
      ...p,
      id: 'gj-1',
      title: `${JOURNAL_MARKER} title`,
      text: `${JOURNAL_MARKER} text`,
      images: [`${JOURNAL_MARKER}-image`],
    })),
  ),
  action('core:delete-journal-entry', fc.constant({ entryId: 'gj-1' })),
);

/** What players do to their own journal entries. */
export const playerJournalActions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:create-journal-entry',
    fc
      .record({
        id: pick(ENTRIES),
        folderId: fc.oneof(fc.constant(null), pick(FOLDERS)),
        visibility: pick(['gm', 'public'] as const),
      })
      .map((p) => ({ ...p, title: 'My entry', text: 'Notes of mine' })),
  ),
  action(
    'core:update-journal-entry',
    fc.record({
      entryId: pick(ENTRIES),
      patch: fc.oneof(
        fc.record({ text: fc.constant('Rewritten') }),
        fc.record({ visibility: pick(['gm', 'public'] as const) }),
        fc.record({ folderId: fc.oneof(fc.constant(null), pick(FOLDERS)) }),
      ),
    }),
  ),
  action('core:delete-journal-entry', fc.record({ entryId: pick(ENTRIES) })),
);

/**
 * `state` with a public folder `f1` and an entry `j1` of p1's in it, the
 * GM folder `gf-1` holding the public folder `f2` and the public entry
 * `j3`, a GM entry `j2` shown to p2, and a playing playlist `pl1`, so that
 * random steps find journal documents to change from the start. p1 may not
 * choose an id: `names` learns that the pool id `j1` stands for the one the
 * server gave p1's entry (see `step-names.ts`).
 */
export function withJournal(state: TableState, names = new Map<string, string>()): TableState {
  let s = state;
  const as = (user: string, type: TableAction['type'], payload: unknown) => {
    const r = run(s, user, type, payload as never);
    s = r.state;
    return r.events;
  };
  as(USERS.gm, 'core:create-journal-folder', { id: 'f1', name: 'Handouts', visibility: 'public' });
  as(USERS.gm, 'core:create-journal-folder', { id: 'gf-1', name: `${JOURNAL_MARKER} folder` });
  as(USERS.gm, 'core:create-journal-folder', {
    id: 'f2',
    name: 'Maps',
    parentId: 'gf-1',
    visibility: 'public',
  });
  as(USERS.gm, 'core:create-journal-entry', {
    id: 'j3',
    title: 'Town map',
    folderId: 'gf-1',
    visibility: 'public',
  });
  const diary = as(USERS.p1, 'core:create-journal-entry', { title: 'Diary', folderId: 'f1' });
  names.set('j1', createdId(diary, 'core:journal-entry-created'));
  as(USERS.gm, 'core:create-journal-entry', { id: 'j2', title: 'Letter' });
  as(USERS.gm, 'core:show-journal', { entryId: 'j2', players: [USERS.p2] });
  as(USERS.gm, 'core:create-playlist', {
    id: 'pl1',
    name: 'Evening',
    tracks: TRACK_IDS.map((id) => ({ id, name: `Track ${id}`, asset: `audio-${id}` })),
  });
  as(USERS.gm, 'core:play-track', { playlistId: 'pl1' });
  return s;
}
