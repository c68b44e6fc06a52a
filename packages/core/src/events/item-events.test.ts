import { describe, expect, it } from 'vitest';
import {
  createdId,
  errorCode,
  populatedTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import { commit } from '../reducer/commit.js';
import { itemOf, itemsOfActor } from '../model/item-list.js';
import type { TableState } from '../model/state.js';
import type { VisibilityPolicy } from '../model/visibility-policy.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2, obs } = USERS;

const POLICY: VisibilityPolicy = {
  actorTypes: {},
  itemTypes: {
    weapon: { properties: { curse: { visibility: 'gm' }, note: { visibility: 'owner' } } },
  },
  flags: { pub: { visibility: 'viewer' } },
};

/**
 * The populated table under {@link POLICY}, with a limited actor `lim`, p1's
 * sword `sw` on a1 (GM-only curse, owner-only note), p2's dagger `dg` on a2,
 * a ring `ring` on the secret actor ha-1, a ring `lr` on the limited actor
 * and a library item `lib`. Every hidden place holds a canary.
 */
function table(): TableState {
  let s = commit(populatedTable(), [{ type: 'core:visibility-set', payload: { policy: POLICY } }], {
    author: gm,
    now: 1,
  }).state;
  const as = (user: string, type: Parameters<typeof run>[2], payload: unknown) => {
    s = run(s, user, type, payload as never).state;
  };
  as(gm, 'core:create-actor', {
    id: 'lim',
    name: 'Shade',
    type: 'npc',
    defaultOwnership: 'limited',
  });
  as(gm, 'core:create-item', {
    id: 'sw',
    name: 'Sword',
    type: 'weapon',
    actorId: 'a1',
    data: { damage: '1d8', curse: 'CANARY-CURSE', note: 'CANARY-NOTE' },
    flags: { pub: 'shown', gmmod: 'CANARY-FLAG' },
  });
  as(gm, 'core:create-item', { id: 'dg', name: 'Dagger', type: 'weapon', actorId: 'a2' });
  as(gm, 'core:create-item', {
    id: 'ring',
    name: 'CANARY-HIDDEN-ACTOR ring',
    type: 'gear',
    actorId: 'ha-1',
    data: { text: 'CANARY-HIDDEN-ACTOR data' },
  });
  as(gm, 'core:create-item', {
    id: 'lr',
    name: 'CANARY-LIMITED ring',
    type: 'gear',
    actorId: 'lim',
  });
  as(gm, 'core:create-item', {
    id: 'lib',
    name: 'CANARY-LIBRARY staff',
    type: 'weapon',
    data: { curse: 'CANARY-LIBRARY curse' },
  });
  return s;
}

const text = (s: TableState, viewer: string) => JSON.stringify(viewFor(s, viewer));

describe('items: views', () => {
  it('shows items with their actor, without GM-only or others` owner-only fields', () => {
    const s = table();
    const ann = viewFor(s, p1);
    expect([...ann.items.keys()].sort()).toEqual(['dg', 'sw']);
    expect(ann.items.get('sw')?.data).toEqual({ damage: '1d8', note: 'CANARY-NOTE' });
    expect(ann.items.get('sw')?.flags).toEqual({ pub: 'shown' });
    expect(viewFor(s, p2).items.get('sw')?.data).toEqual({ damage: '1d8' });
    expect(viewFor(s, obs).items.get('sw')?.data).toEqual({ damage: '1d8' });
    for (const viewer of [p1, p2, obs]) {
      for (const canary of [
        'CANARY-CURSE',
        'CANARY-FLAG',
        'CANARY-HIDDEN-ACTOR',
        'CANARY-LIMITED',
        'CANARY-LIBRARY',
      ]) {
        expect(text(s, viewer), `${viewer} reads ${canary}`).not.toContain(canary);
      }
    }
    expect(text(s, p2)).not.toContain('CANARY-NOTE');
    expect(viewFor(s, gm).items.size).toBe(5);
    expect(text(s, gm)).toContain('CANARY-CURSE');
  });

  it('projects no event of hidden items to players, and a sync when an item comes into view', () => {
    const s = table();
    for (const itemId of ['lib', 'ring', 'lr']) {
      const { received } = runAndProject(
        s,
        gm,
        'core:update-item',
        { itemId, patch: { name: 'CANARY-X' } },
        p1,
      );
      expect(received, itemId).toEqual([]);
    }
    const given = runAndProject(s, gm, 'core:move-item', { itemId: 'lib', actorId: 'a1' }, p1);
    expect(given.received.map((e) => e.type)).toEqual(['core:document-synced']);
    expect(JSON.stringify(given.received)).not.toContain('CANARY-LIBRARY curse');
    const taken = runAndProject(s, gm, 'core:move-item', { itemId: 'sw', actorId: null }, p2);
    expect(taken.received.map((e) => e.type)).toEqual(['core:document-removed']);
  });

  it('hides and shows an actor`s items when its ownership changes', () => {
    const s = table();
    const { received, state } = runAndProject(
      s,
      gm,
      'core:update-actor',
      { actorId: 'ha-1', patch: { defaultOwnership: 'observer' } },
      p1,
    );
    expect(received.some((e) => e.type === 'core:document-synced' && e.payload.id === 'ring')).toBe(
      true,
    );
    expect(viewFor(state, p1).items.has('ring')).toBe(true);
  });
});

describe('items: permissions', () => {
  it('lets an actor`s owner create, update, reorder and delete its items', () => {
    const created = run(table(), p1, 'core:create-item', {
      name: 'Rope',
      type: 'gear',
      actorId: 'a1',
    });
    const rope = createdId(created.events, 'core:item-created');
    let s = created.state;
    expect(itemOf(s, rope)).toMatchObject({ author: p1, actorId: 'a1', sort: 2, source: null });
    s = run(s, p1, 'core:update-item', { itemId: rope, patch: { name: 'Silk rope' } }).state;
    s = run(s, p1, 'core:move-item', { itemId: rope, actorId: 'a1', sort: 0 }).state;
    expect(itemsOfActor(s, 'a1').map((i) => i.id)).toEqual([rope, 'sw']);
    s = run(s, p1, 'core:delete-item', { itemId: rope }).state;
    expect(itemOf(s, rope)).toBeUndefined();
  });

  it('refuses other players, observers and players in the library', () => {
    const s = table();
    const cases: Array<[string, Parameters<typeof run>[2], unknown, string]> = [
      [
        p2,
        'core:update-item',
        { itemId: 'sw', patch: { name: 'x' } },
        'VTT_ERR_PERMISSION_NOT_OWNER',
      ],
      [p2, 'core:delete-item', { itemId: 'sw' }, 'VTT_ERR_PERMISSION_NOT_OWNER'],
      [
        p2,
        'core:create-item',
        { name: 'x', type: 'gear', actorId: 'a1' },
        'VTT_ERR_PERMISSION_NOT_OWNER',
      ],
      [p1, 'core:move-item', { itemId: 'sw', actorId: 'a2' }, 'VTT_ERR_PERMISSION_NOT_OWNER'],
      [p2, 'core:move-item', { itemId: 'dg', actorId: 'a1' }, 'VTT_ERR_PERMISSION_NOT_OWNER'],
      [p1, 'core:move-item', { itemId: 'sw', actorId: null }, 'VTT_ERR_PERMISSION_GM_ONLY'],
      [p1, 'core:create-item', { name: 'x', type: 'gear' }, 'VTT_ERR_PERMISSION_GM_ONLY'],
      [
        p1,
        'core:update-item',
        { itemId: 'lib', patch: { name: 'x' } },
        'VTT_ERR_DOCUMENT_NOT_FOUND',
      ],
      [p1, 'core:delete-item', { itemId: 'ring' }, 'VTT_ERR_DOCUMENT_NOT_FOUND'],
      [p1, 'core:delete-item', { itemId: 'lr' }, 'VTT_ERR_DOCUMENT_NOT_FOUND'],
      [
        p1,
        'core:create-item',
        { name: 'x', type: 'gear', actorId: 'ha-1' },
        'VTT_ERR_DOCUMENT_NOT_FOUND',
      ],
      [
        p1,
        'core:update-item',
        { itemId: 'sw', patch: { type: 'gear' } },
        'VTT_ERR_PERMISSION_FIELD',
      ],
      [
        obs,
        'core:update-item',
        { itemId: 'sw', patch: { name: 'x' } },
        'VTT_ERR_PERMISSION_OBSERVER',
      ],
      [gm, 'core:create-item', { id: 'sw', name: 'x', type: 'gear' }, 'VTT_ERR_DOCUMENT_EXISTS'],
      [
        gm,
        'core:create-item',
        { name: 'x', type: 'gear', actorId: 'nope' },
        'VTT_ERR_DOCUMENT_NOT_FOUND',
      ],
      [gm, 'core:move-item', { itemId: 'nope', actorId: null }, 'VTT_ERR_DOCUMENT_NOT_FOUND'],
    ];
    for (const [user, type, payload, code] of cases) {
      expect(
        errorCode(() => run(s, user, type, payload as never)),
        `${user} ${type}`,
      ).toBe(code);
    }
  });

  it('lets a player who owns both actors give an item, and GMs do anything', () => {
    let s = run(table(), gm, 'core:update-actor', {
      actorId: 'a2',
      patch: { ownership: { [p1]: 'owner', [p2]: 'owner' } },
    }).state;
    s = run(s, p1, 'core:move-item', { itemId: 'sw', actorId: 'a2' }).state;
    expect(itemOf(s, 'sw')).toMatchObject({ actorId: 'a2', sort: 2 });
    s = run(s, gm, 'core:move-item', { itemId: 'sw', actorId: null }).state;
    s = run(s, gm, 'core:update-item', { itemId: 'sw', patch: { type: 'gear' } }).state;
    expect(itemOf(s, 'sw')).toMatchObject({ actorId: null, type: 'gear' });
  });

  it('keeps GM-only fields and flags an owner`s update leaves out', () => {
    const s = run(table(), p1, 'core:update-item', {
      itemId: 'sw',
      patch: { data: { damage: '1d10', note: 'mine' }, flags: { pub: 'new' } },
    }).state;
    expect(itemOf(s, 'sw')?.data).toEqual({ damage: '1d10', note: 'mine', curse: 'CANARY-CURSE' });
    expect(itemOf(s, 'sw')?.flags).toEqual({ pub: 'new', gmmod: 'CANARY-FLAG' });
  });
});

describe('items: links and undo', () => {
  it('deletes an actor`s items with it, and undo brings them back', () => {
    const s = table();
    const deleted = run(s, gm, 'core:delete-actor', { actorId: 'a1' }).state;
    expect(itemOf(deleted, 'sw')).toBeUndefined();
    expect(itemOf(deleted, 'dg')).toBeDefined();
    const undone = run(deleted, gm, 'core:undo', {}).state;
    expect(itemOf(undone, 'sw')).toEqual(itemOf(s, 'sw'));
  });

  it('undoes a player`s create, update, move and delete', () => {
    const s = table();
    const created = run(s, p1, 'core:create-item', { name: 'X', type: 'gear', actorId: 'a1' });
    const x = createdId(created.events, 'core:item-created');
    expect(itemOf(run(created.state, p1, 'core:undo', {}).state, x)).toBeUndefined();
    for (const [type, payload] of [
      ['core:update-item', { itemId: 'sw', patch: { name: 'Blade' } }],
      ['core:move-item', { itemId: 'sw', actorId: 'a1', sort: 9 }],
      ['core:delete-item', { itemId: 'sw' }],
    ] as const) {
      const done = run(s, p1, type, payload as never).state;
      expect(itemOf(run(done, p1, 'core:undo', {}).state, 'sw'), type).toEqual(itemOf(s, 'sw'));
    }
  });

  it('refuses to undo an item`s deletion once its actor is gone, naming the actor', () => {
    let s = run(table(), p1, 'core:delete-item', { itemId: 'sw' }).state;
    s = run(s, gm, 'core:delete-actor', { actorId: 'a1' }).state;
    let error: unknown;
    try {
      run(s, p1, 'core:undo', {});
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'VTT_ERR_DOCUMENT_NOT_FOUND',
      params: { collection: 'actors', id: 'a1' },
    });
  });

  it('drops timeline links to a deleted item', () => {
    let s = run(table(), gm, 'core:create-timeline-entry', {
      id: 'e1',
      date: { value: 1, label: 'Day 1' },
      title: 'Found a sword',
      links: [{ collection: 'items', id: 'sw' }],
      visibility: 'public',
    }).state;
    expect(viewFor(s, p1).timeline.get('e1')?.links).toEqual([{ collection: 'items', id: 'sw' }]);
    expect(viewFor(s, p1).timeline.get('e1')).toBeDefined();
    s = run(s, gm, 'core:delete-item', { itemId: 'sw' }).state;
    expect(s.timeline.get('e1')?.links).toEqual([]);
  });
});
