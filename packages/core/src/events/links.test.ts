import { describe, expect, it } from 'vitest';
import {
  createdId,
  errorCode,
  populatedTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import type { TableEvent } from './event-types.js';
import type { TableState } from '../model/state.js';
import { viewFor } from '../views/view-for.js';
import { applyEvents } from '../reducer/apply-event.js';

const { gm, p1 } = USERS;
const GM2 = 'u-gm2';

/**
 * Steps from `s0` one at a time (`step` answers the step's events, so a
 * later step can use an id the server chose); `end` checks that replaying
 * the log from `s0` gives the same state, and returns it.
 */
function player(s0: TableState) {
  let state = s0;
  const log: TableEvent[] = [];
  return {
    step(user: string, type: string, payload: unknown): TableEvent[] {
      const r = run(state, user, type as never, payload as never);
      state = r.state;
      log.push(...r.events);
      return r.events;
    },
    end(): TableState {
      expect(applyEvents(s0, log)).toStrictEqual(state);
      return state;
    },
  };
}

/** Runs `steps`, checking that replaying their log gives the same state. */
function play(s0: TableState, steps: [string, string, unknown][]) {
  const p = player(s0);
  for (const [user, type, payload] of steps) p.step(user, type, payload);
  return p.end();
}

/** The populated table with a public timeline entry linking t1, a1, n1, s1 and another entry. */
function linked(): TableState {
  return play(populatedTable(), [
    [
      gm,
      'core:create-timeline-entry',
      { id: 'e0', title: 'Before', date: { value: 0, label: 'Day 0' }, visibility: 'public' },
    ],
    [
      gm,
      'core:create-timeline-entry',
      {
        id: 'e1',
        title: 'Ambush',
        date: { value: 1, label: 'Day 1' },
        visibility: 'public',
        links: [
          { collection: 'tokens', id: 't1' },
          { collection: 'actors', id: 'a1' },
          { collection: 'notes', id: 'n1' },
          { collection: 'scenes', id: 's1' },
          { collection: 'timeline', id: 'e0' },
        ],
      },
    ],
  ]);
}

describe('deleting a document leaves no dangling link', () => {
  it("removes a deleted scene's combatants, so a new token with the same id does not inherit them", () => {
    const s = play(populatedTable(), [
      [gm, 'core:delete-scene', { sceneId: 's1' }],
      [gm, 'core:create-scene', { id: 's1', name: 'New cave' }],
      [gm, 'core:create-token', { id: 't1', sceneId: 's1', name: 'Someone else', x: 0, y: 0 }],
    ]);
    expect(s.combat!.combatants).toEqual({});
    expect(s.combat!.sceneId).toBeNull();
    expect(viewFor(s, p1).combat!.combatants).toEqual({});
  });

  it("removes a deleted token's combatant and passes its turn on", () => {
    let s = run(populatedTable(), gm, 'core:add-combatant', { id: 'c3', tokenId: 't3' }).state;
    s = run(s, gm, 'core:set-initiative', { combatantId: 'c1', initiative: 20 }).state;
    s = run(s, gm, 'core:next-turn', {}).state;
    expect(s.combat!.turn).toBe('c1');
    const { state, received } = runAndProject(s, gm, 'core:delete-token', { tokenId: 't1' }, p1);
    expect(state.combat!.combatants.c1).toBeUndefined();
    expect(state.combat!.turn).not.toBe('c1');
    expect(received.map((e) => e.type)).toContain('core:document-synced'); // the combat, for p1
  });

  it("clears a deleted actor's links from tokens and combatants", () => {
    const s = play(populatedTable(), [
      [gm, 'core:add-combatant', { id: 'c9', actorId: 'a2' }],
      [gm, 'core:delete-actor', { actorId: 'a2' }],
      [
        gm,
        'core:create-actor',
        { id: 'a2', name: 'Stranger', type: 'npc', ownership: { [p1]: 'owner' } },
      ],
    ]);
    expect(s.tokens.get('t2')!.actorId).toBeNull();
    expect(s.combat!.combatants.c9!.actorId).toBeNull();
    // The new a2 gives p1 no power over the old a2's token.
    expect(errorCode(() => run(s, p1, 'core:move-token', { tokenId: 't2', x: 0, y: 0 }))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
  });

  it('drops timeline links to deleted documents, those deleted with a scene included', () => {
    const s = play(linked(), [
      [gm, 'core:delete-timeline-entry', { entryId: 'e0' }],
      [gm, 'core:delete-actor', { actorId: 'a1' }],
    ]);
    expect(s.timeline.get('e1')!.links.map((l) => l.collection)).toEqual([
      'tokens',
      'notes',
      'scenes',
    ]);
    const gone = run(s, gm, 'core:delete-scene', { sceneId: 's1' }).state;
    expect(gone.timeline.get('e1')!.links).toEqual([]);
    expect(gone.notes.size).toBe(0);
  });
});

describe('undo after a deletion', () => {
  /** The populated table with a second GM. */
  const twoGms = () =>
    run(populatedTable(), gm, 'core:set-member', { userId: GM2, name: 'Gail', role: 'gm' }).state;

  it('refuses to restore a token into a scene deleted since', () => {
    const s = play(twoGms(), [
      [gm, 'core:delete-token', { tokenId: 't3' }],
      [GM2, 'core:delete-scene', { sceneId: 's1' }],
    ]);
    expect(errorCode(() => run(s, gm, 'core:undo', {}))).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('restores a token and its combatant with actorId null when the actor was deleted since', () => {
    const s = play(twoGms(), [
      [gm, 'core:delete-token', { tokenId: 't1' }],
      [GM2, 'core:delete-actor', { actorId: 'a1' }],
      [gm, 'core:undo', {}],
    ]);
    expect(s.tokens.get('t1')).toMatchObject({ name: 'Token t1', actorId: null });
    expect(s.combat!.combatants.c1).toMatchObject({ tokenId: 't1', actorId: null });
  });

  it('removes the combatants of a token whose creation is undone', () => {
    const s = play(twoGms(), [
      [gm, 'core:create-token', { id: 't9', sceneId: 's1', name: 'Wolf', x: 0, y: 0 }],
      [GM2, 'core:add-combatant', { id: 'c9', tokenId: 't9' }],
      [gm, 'core:undo', {}],
    ]);
    expect(s.tokens.get('t9')).toBeUndefined();
    expect(s.combat!.combatants.c9).toBeUndefined();
  });

  it('restores a deleted scene with its tokens, notes, combatants and links', () => {
    const s0 = linked();
    const s = play(s0, [
      [gm, 'core:delete-scene', { sceneId: 's1' }],
      [gm, 'core:undo', {}],
    ]);
    for (const key of ['scenes', 'tokens', 'notes', 'combat', 'timeline'] as const) {
      expect(s[key]).toStrictEqual(s0[key]);
    }
  });
});

describe('a player editing links they see only in part', () => {
  it("keeps a GM's link to a document the player cannot see", () => {
    const t = (id: string) => ({ collection: 'tokens' as const, id });
    const p = player(populatedTable());
    const e1 = createdId(
      p.step(p1, 'core:create-timeline-entry', {
        title: 'Met',
        date: { value: 1, label: 'Day 1' },
        links: [t('t1')],
      }),
    );
    p.step(gm, 'core:update-timeline-entry', {
      entryId: e1,
      patch: { links: [t('t1'), t('hid-1')] },
    });
    p.step(p1, 'core:update-timeline-entry', { entryId: e1, patch: { links: [t('t3')] } });
    const s = p.end();
    expect(s.timeline.get(e1)!.links).toEqual([t('t3'), t('hid-1')]);
    expect(viewFor(s, p1).timeline.get(e1)!.links).toEqual([t('t3')]);
  });
});

describe("a player's deletion and the links it drops from others' entries", () => {
  /**
   * p1's public note `n9`, linked from the GM-only entry `eg` and from p2's
   * public entry `ep`; `n9` and `ep` are the ids the server gave them.
   */
  function linkedNote(): { s: TableState; n9: string; ep: string } {
    const p = player(populatedTable());
    const n9 = createdId(
      p.step(p1, 'core:create-note', { sceneId: 's1', x: 0, y: 0, title: 'Mine' }),
    );
    const note = { collection: 'notes' as const, id: n9 };
    p.step(gm, 'core:create-timeline-entry', {
      id: 'eg',
      title: 'Plot',
      date: { value: 1, label: 'Day 1' },
      links: [note],
    });
    const ep = createdId(
      p.step(USERS.p2, 'core:create-timeline-entry', {
        title: 'Saw it',
        date: { value: 2, label: 'Day 2' },
        links: [note],
      }),
    );
    return { s: p.end(), n9, ep };
  }

  it('lets the player delete their note and undo it, relinking entries they cannot change', () => {
    const { s: s0, n9, ep } = linkedNote();
    const { state: deleted, received } = runAndProject(
      s0,
      p1,
      'core:delete-note',
      { noteId: n9 },
      p1,
    );
    expect(deleted.timeline.get('eg')!.links).toEqual([]);
    expect(deleted.timeline.get(ep)!.links).toEqual([]);
    expect(JSON.stringify(received)).not.toContain('"eg"');
    const undone = runAndProject(deleted, p1, 'core:undo', {}, p1);
    expect(undone.state.notes.get(n9)).toEqual(s0.notes.get(n9));
    expect(undone.state.timeline).toStrictEqual(s0.timeline);
    expect(JSON.stringify(undone.received)).not.toContain('"eg"');
  });

  it('lets the player undo creating a note that others have linked since', () => {
    const { s: s0, n9 } = linkedNote();
    const s = run(s0, p1, 'core:update-note', { noteId: n9, patch: { x: 50 } }).state;
    const once = run(s, p1, 'core:undo', {}).state;
    const twice = run(once, p1, 'core:undo', {}).state; // the creation
    expect(twice.notes.get(n9)).toBeUndefined();
    expect(twice.timeline.get('eg')!.links).toEqual([]);
  });
});

describe("a token's combatant and its actor", () => {
  it('follows its token to another actor, as its actor link came from the token', () => {
    let s = run(populatedTable(), gm, 'core:add-combatant', {
      id: 'c9',
      tokenId: 't1',
      actorId: 'a2',
    }).state;
    const s1 = play(s, [[gm, 'core:update-token', { tokenId: 't1', patch: { actorId: 'a2' } }]]);
    expect(s1.combat!.combatants.c1!.actorId).toBe('a2');
    expect(s1.combat!.combatants.c9!.actorId).toBe('a2'); // its own link, already a2
    s = run(s1, gm, 'core:update-token', { tokenId: 't1', patch: { actorId: null } }).state;
    expect(s.combat!.combatants.c1!.actorId).toBeNull();
    expect(s.combat!.combatants.c9!.actorId).toBeNull(); // it carried the token's actor now
    expect(run(s1, gm, 'core:undo', {}).state.combat!.combatants.c1!.actorId).toBe('a1');
  });
});
