import { describe, expect, it } from 'vitest';
import {
  createdId,
  errorCode,
  fixtureTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import type { TableState } from '../model/state.js';
import { reviveState, type DocsJson } from '../model/revive.js';
import { STATE_LIMITS } from '../limits/state-limits.js';
import { viewFor } from '../views/view-for.js';
import { viewDoc } from '../views/visibility.js';

const { gm, p1, p2, obs } = USERS;

/** p1 writes an entry on the fixture table; the id is the server's (players choose none). */
function p1Entry(payload: { title: string; text?: string }): { s: TableState; id: string } {
  const { state, events } = run(fixtureTable(), p1, 'core:create-journal-entry', payload);
  return { s: state, id: createdId(events, 'core:journal-entry-created') };
}

/** A table with a GM folder, a public folder inside it, and entries of every visibility. */
function journalTable(): TableState {
  let s = fixtureTable();
  const as = (user: string, type: Parameters<typeof run>[2], payload: unknown) => {
    s = run(s, user, type, payload as never).state;
  };
  as(gm, 'core:create-journal-folder', { id: 'gf', name: 'CANARY-FOLDER villains' });
  as(gm, 'core:create-journal-folder', {
    id: 'pf',
    name: 'Handouts',
    parentId: 'gf',
    visibility: 'public',
  });
  as(gm, 'core:create-journal-entry', {
    id: 'secret',
    title: 'CANARY-TITLE',
    text: 'CANARY-TEXT',
    images: ['CANARY-IMAGE'],
    folderId: 'gf',
    flags: { lore: 'CANARY-FLAG' },
  });
  as(gm, 'core:create-journal-entry', {
    id: 'letter',
    title: 'A letter',
    text: 'To Ann only',
    visibility: 'players',
    players: [p1, p2],
  });
  as(gm, 'core:create-journal-entry', {
    id: 'map',
    title: 'Town map',
    folderId: 'gf',
    visibility: 'public',
    flags: { lore: 'CANARY-FLAG-2' },
  });
  return s;
}

describe('journal views', () => {
  it('hides GM entries and folders from players and observers, canaries included', () => {
    const s = journalTable();
    expect([...viewFor(s, gm).journal.keys()].sort()).toEqual(['letter', 'map', 'secret']);
    for (const viewer of [p1, obs]) {
      const view = viewFor(s, viewer);
      const json = JSON.stringify(view);
      expect(json).not.toMatch(/CANARY/);
      expect(json).not.toContain('"gf"');
      expect(view.journal.has('secret')).toBe(false);
      // A public entry in a GM folder shows at the top level; its undeclared flags stay the GM's.
      expect(view.journal.get('map')).toMatchObject({ folderId: null, flags: {} });
      // A public folder inside a GM folder likewise.
      expect(view.folders.get('pf')).toMatchObject({ parentId: null });
    }
    expect(viewFor(s, obs).journal.has('letter')).toBe(false);
  });

  it('shows a players entry to the chosen players, each seeing only themselves listed', () => {
    const s = journalTable();
    expect(viewFor(s, p1).journal.get('letter')?.players).toEqual([p1]);
    expect(viewFor(s, p2).journal.get('letter')?.players).toEqual([p2]);
    expect(viewFor(s, gm).journal.get('letter')?.players).toEqual([p1, p2]);
  });

  it('carries Markdown text as written', () => {
    const text = '# Title\n\n<script>alert(1)</script> **bold** [link](http://x)';
    const s = run(fixtureTable(), gm, 'core:create-journal-entry', {
      id: 'md',
      title: 'Markdown',
      text,
      visibility: 'public',
    }).state;
    expect(viewFor(s, p1).journal.get('md')?.text).toBe(text);
  });

  it('syncs the contents of a folder whose visibility changes', () => {
    const { received, state } = runAndProject(
      journalTable(),
      gm,
      'core:update-journal-folder',
      { folderId: 'gf', patch: { visibility: 'public' } },
      p1,
    );
    expect(received.map((e) => [e.type, (e.payload as { id?: string }).id])).toEqual(
      expect.arrayContaining([
        ['core:document-synced', 'gf'],
        ['core:document-synced', 'pf'],
        ['core:document-synced', 'map'],
      ]),
    );
    expect(viewFor(state, p1).journal.get('map')?.folderId).toBe('gf');
  });
});

describe('journal permissions', () => {
  it('lets a player write private entries that only they and GMs see', () => {
    const { s, id: diary } = p1Entry({ title: 'Diary', text: 'I stole the gem' });
    expect(s.journal.get(diary)).toMatchObject({ author: p1, visibility: 'gm' });
    expect(viewFor(s, p1).journal.has(diary)).toBe(true);
    expect(viewFor(s, gm).journal.has(diary)).toBe(true);
    expect(viewFor(s, p2).journal.has(diary)).toBe(false);
    expect(viewFor(s, obs).journal.has(diary)).toBe(false);
    // Unseen: not found, never forbidden.
    const edit = { entryId: diary, patch: { text: 'x' } };
    expect(errorCode(() => run(s, p2, 'core:update-journal-entry', edit))).toBe(
      'VTT_ERR_DOCUMENT_NOT_FOUND',
    );
    expect(errorCode(() => run(s, p2, 'core:delete-journal-entry', { entryId: diary }))).toBe(
      'VTT_ERR_DOCUMENT_NOT_FOUND',
    );
  });

  it('lets the author edit, publish and delete their own entry, and no one else but GMs', () => {
    const created = p1Entry({ title: 'Mine' });
    const mine = created.id;
    const s = run(created.s, p1, 'core:update-journal-entry', {
      entryId: mine,
      patch: { text: 'Public now', visibility: 'public', images: ['img-1'], sort: 3 },
    }).state;
    expect(viewFor(s, p2).journal.get(mine)?.text).toBe('Public now');
    const edit = { entryId: mine, patch: { text: 'vandalised' } };
    expect(errorCode(() => run(s, p2, 'core:update-journal-entry', edit))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
    expect(errorCode(() => run(s, obs, 'core:update-journal-entry', edit))).toBe(
      'VTT_ERR_PERMISSION_OBSERVER',
    );
    expect(run(s, gm, 'core:update-journal-entry', edit).state.journal.get(mine)?.text).toBe(
      'vandalised',
    );
    expect(run(s, p1, 'core:delete-journal-entry', { entryId: mine }).state.journal.has(mine)).toBe(
      false,
    );
  });

  it('keeps the choice of players to GMs', () => {
    const { s, id: mine } = p1Entry({ title: 'Mine' });
    const create = { title: 'x', visibility: 'players' as const, players: [p2] };
    expect(errorCode(() => run(s, p1, 'core:create-journal-entry', create))).toBe(
      'VTT_ERR_PERMISSION_FIELD',
    );
    expect(
      errorCode(() =>
        run(s, p1, 'core:update-journal-entry', { entryId: mine, patch: { players: [p2] } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_FIELD');
    expect(errorCode(() => run(s, p1, 'core:show-journal', { entryId: mine, players: [p2] }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    // Once a GM showed it to someone, its author still edits the text, and the choice stays.
    const shown = run(s, gm, 'core:show-journal', { entryId: mine, players: [p2] }).state;
    const edited = run(shown, p1, 'core:update-journal-entry', {
      entryId: mine,
      patch: { text: 'more' },
    }).state;
    expect(edited.journal.get(mine)).toMatchObject({ visibility: 'players', players: [p2] });
  });

  it('keeps folders to GMs, and filing to folders the player sees', () => {
    const s = journalTable();
    expect(errorCode(() => run(s, p1, 'core:create-journal-folder', { name: 'Mine' }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    expect(errorCode(() => run(s, obs, 'core:delete-journal-folder', { folderId: 'pf' }))).toBe(
      'VTT_ERR_PERMISSION_OBSERVER',
    );
    expect(errorCode(() => run(s, p1, 'core:delete-journal-folder', { folderId: 'pf' }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    // A GM folder answers as if it did not exist, even where a GM would get another error.
    for (const parentId of ['pf', 'nope']) {
      const move = { folderId: 'gf', patch: { parentId } };
      expect(errorCode(() => run(s, p1, 'core:update-journal-folder', move))).toBe(
        'VTT_ERR_DOCUMENT_NOT_FOUND',
      );
    }
    expect(
      errorCode(() => run(s, p1, 'core:create-journal-entry', { title: 'x', folderId: 'gf' })),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    const filed = run(s, p1, 'core:create-journal-entry', { title: 'x', folderId: 'pf' });
    const n = createdId(filed.events, 'core:journal-entry-created');
    expect(filed.state.journal.get(n)?.folderId).toBe('pf');
    expect(
      errorCode(() => run(s, gm, 'core:create-journal-entry', { title: 'x', folderId: 'nope' })),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    expect(
      errorCode(() =>
        run(s, gm, 'core:create-journal-entry', {
          title: 'x',
          visibility: 'players',
          players: ['u-nobody'],
        }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('counts player-authored entries toward their contribution bound', () => {
    let s = fixtureTable();
    const big = 'x'.repeat(200_000);
    let code: string | undefined;
    for (let i = 0; i < 12 && code === undefined; i++) {
      code = errorCode(() => {
        s = run(s, p1, 'core:create-journal-entry', {
          title: `Part ${i}`,
          text: 'y'.repeat(20_000),
          flags: { mod: big },
        }).state;
      });
    }
    expect(code).toBe('VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE');
    expect(s.journal.size).toBe(Math.floor(STATE_LIMITS.maxMemberChars / 220_200));
    // GMs are bounded per document only.
    expect(
      run(s, gm, 'core:create-journal-entry', { title: 'GM', flags: { mod: big } }).state.journal
        .size,
    ).toBe(s.journal.size + 1);
  });
});

describe('showing a handout', () => {
  it('makes the entry visible to the chosen players and pops it up for them only', () => {
    const s = journalTable();
    const show = { entryId: 'secret', players: [p2] };
    const toP2 = runAndProject(s, gm, 'core:show-journal', show, p2).received;
    expect(toP2.map((e) => e.type)).toEqual(['core:document-synced', 'core:journal-shown']);
    expect(toP2[1]?.payload).toEqual({ entryId: 'secret', players: [p2] });
    expect(runAndProject(s, gm, 'core:show-journal', show, p1).received).toEqual([]);
    expect(runAndProject(s, gm, 'core:show-journal', show, obs).received).toEqual([]);
    expect(runAndProject(s, gm, 'core:show-journal', show, gm).received.map((e) => e.type)).toEqual(
      ['core:journal-entry-updated', 'core:journal-shown'],
    );
    const after = run(s, gm, 'core:show-journal', show).state;
    expect(after.journal.get('secret')).toMatchObject({ visibility: 'players', players: [p2] });
  });

  it("shows to everyone with 'all', and only pops up an entry already visible", () => {
    const s = journalTable();
    const all = runAndProject(
      s,
      gm,
      'core:show-journal',
      { entryId: 'secret', players: 'all' },
      obs,
    );
    expect(all.state.journal.get('secret')?.visibility).toBe('public');
    expect(all.received.map((e) => e.type)).toEqual(['core:document-synced', 'core:journal-shown']);
    const again = run(all.state, gm, 'core:show-journal', { entryId: 'secret', players: [p1] });
    expect(again.events.map((e) => e.type)).toEqual(['core:journal-shown']);
  });

  it('is undone by taking the visibility back', () => {
    const shown = run(journalTable(), gm, 'core:show-journal', {
      entryId: 'secret',
      players: [p1],
    }).state;
    const undone = run(shown, gm, 'core:undo', {}).state;
    expect(undone.journal.get('secret')).toMatchObject({ visibility: 'gm', players: [] });
    expect(viewFor(undone, p1).journal.has('secret')).toBe(false);
  });
});

describe('journal folders', () => {
  it('moves the entries and subfolders of a deleted folder to its parent, and undo moves them back', () => {
    let s = journalTable();
    s = run(s, gm, 'core:create-journal-folder', { id: 'top', name: 'Top' }).state;
    s = run(s, gm, 'core:update-journal-folder', {
      folderId: 'gf',
      patch: { parentId: 'top' },
    }).state;
    const deleted = run(s, gm, 'core:delete-journal-folder', { folderId: 'gf' }).state;
    expect(deleted.folders.has('gf')).toBe(false);
    expect(deleted.folders.get('pf')?.parentId).toBe('top');
    expect(deleted.journal.get('secret')?.folderId).toBe('top');
    expect(deleted.journal.get('map')?.folderId).toBe('top');
    const undone = run(deleted, gm, 'core:undo', {}).state;
    expect(JSON.stringify(undone.folders)).toBe(JSON.stringify(s.folders));
    expect(JSON.stringify(undone.journal)).toBe(JSON.stringify(s.journal));
    // At the top level, contents go to the top level.
    const root = run(deleted, gm, 'core:delete-journal-folder', { folderId: 'top' }).state;
    expect(root.folders.get('pf')?.parentId).toBeNull();
    expect(root.journal.get('map')?.folderId).toBeNull();
  });

  it('refuses a folder inside itself', () => {
    const s = journalTable();
    for (const parentId of ['gf', 'pf']) {
      expect(
        errorCode(() =>
          run(s, gm, 'core:update-journal-folder', { folderId: 'gf', patch: { parentId } }),
        ),
      ).toBe('VTT_ERR_DOCUMENT_INVALID');
    }
  });

  it('puts back a folder at the top level when undo would close a cycle', () => {
    let s = journalTable(); // pf is inside gf
    s = run(s, gm, 'core:update-journal-folder', {
      folderId: 'pf',
      patch: { parentId: null },
    }).state;
    // Another GM moves gf into pf; then the first GM undoes their move.
    s = run(s, gm, 'core:set-member', { userId: 'u-gm2', name: 'Co-GM', role: 'gm' }).state;
    s = run(s, 'u-gm2', 'core:update-journal-folder', {
      folderId: 'gf',
      patch: { parentId: 'pf' },
    }).state;
    const undone = run(s, gm, 'core:undo', {}).state;
    expect(undone.folders.get('pf')?.parentId).toBeNull();
    expect(undone.folders.get('gf')?.parentId).toBe('pf');
  });

  it('answers a player an unseen folder the same whether it exists or not', () => {
    const s = journalTable();
    const seen = viewDoc(s, { collection: 'folders', id: 'gf' }, s.members.get(p1)!);
    expect(seen).toBeUndefined();
    expect(
      errorCode(() =>
        run(s, p1, 'core:update-journal-entry', { entryId: 'secret', patch: { text: 'x' } }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });
});

describe('journal collections in JSON form', () => {
  it('work on a state revived from a JSON snapshot as on the live one', () => {
    const live = journalTable();
    const snapshot = reviveState(JSON.parse(JSON.stringify(live)) as DocsJson<TableState>);
    const act = (s: TableState) => {
      let next = run(s, gm, 'core:delete-journal-folder', { folderId: 'gf' }).state;
      next = run(next, gm, 'core:show-journal', { entryId: 'secret', players: [p1] }).state;
      next = run(next, p1, 'core:create-journal-entry', { title: 'Mine' }).state;
      return next;
    };
    const fromLive = act(live);
    const fromSnapshot = act(snapshot);
    expect(JSON.parse(JSON.stringify(fromSnapshot))).toEqual(JSON.parse(JSON.stringify(fromLive)));
    for (const viewer of [gm, p1, p2]) {
      expect(JSON.stringify(viewFor(fromSnapshot, viewer).journal)).toBe(
        JSON.stringify(viewFor(fromLive, viewer).journal),
      );
    }
  });
});
