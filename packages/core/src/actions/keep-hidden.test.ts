import { describe, expect, it } from 'vitest';
import { createdId, fixtureTable, run, USERS } from '../../test-support/table-fixture.js';
import type { VisibilityPolicy } from '../model/visibility-policy.js';
import { commit } from '../reducer/commit.js';
import { keepHiddenFlags } from './keep-hidden.js';

const policy: VisibilityPolicy = {
  actorTypes: {
    character: {
      properties: {
        curse: { visibility: 'gm' },
        attacks: { items: { properties: { dc: { visibility: 'gm' } } } },
      },
    },
  },
  flags: { sys: { visibility: 'viewer', keys: { dc: 'gm' } } },
};

function table() {
  let state = commit(fixtureTable(), [{ type: 'core:visibility-set', payload: { policy } }], {
    author: USERS.gm,
    now: 1,
  }).state;
  state = run(state, USERS.gm, 'core:update-actor', {
    actorId: 'a1',
    patch: {
      data: { hp: 5, curse: 'lycanthropy', attacks: [{ name: 'Bite', dc: 12 }] },
      flags: { sys: { size: 'm', dc: 15 }, gmtool: 'x' },
    },
  }).state;
  return state;
}

describe('updates by viewers who do not see everything', () => {
  it('keep the GM-only fields an owner leaves out, nested and in arrays', () => {
    const { state } = run(table(), USERS.p1, 'core:update-actor', {
      actorId: 'a1',
      patch: { data: { hp: 3, attacks: [{ name: 'Bite!' }] } },
    });
    expect(state.actors.get('a1')!.data).toEqual({
      hp: 3,
      curse: 'lycanthropy',
      attacks: [{ name: 'Bite!', dc: 12 }],
    });
  });

  it('keep the hidden module flags and keys an owner leaves out', () => {
    const { state } = run(table(), USERS.p1, 'core:update-actor', {
      actorId: 'a1',
      patch: { flags: { sys: { size: 'l' } } },
    });
    expect(state.actors.get('a1')!.flags).toEqual({ sys: { size: 'l', dc: 15 }, gmtool: 'x' });
  });

  it('take what is sent for a GM, who sees everything', () => {
    const { state } = run(table(), USERS.gm, 'core:update-actor', {
      actorId: 'a1',
      patch: { data: { hp: 1 }, flags: { sys: { size: 's' } } },
    });
    expect(state.actors.get('a1')!.data).toEqual({ hp: 1 });
    expect(state.actors.get('a1')!.flags).toEqual({ sys: { size: 's' }, gmtool: 'x' });
  });

  it('keep the flags hidden from a note`s author', () => {
    expect(keepHiddenFlags({ gmtool: 1, sys: { a: 1 } }, { sys: { a: 2 } }, policy, true)).toEqual({
      sys: { a: 2 },
      gmtool: 1,
    });
    const created = run(table(), USERS.p1, 'core:create-note', {
      sceneId: 's1',
      x: 0,
      y: 0,
      title: 'Mine',
    });
    const noteId = createdId(created.events, 'core:note-created');
    let state = run(created.state, USERS.gm, 'core:update-note', {
      noteId,
      patch: { flags: { gmtool: 'trap' } },
    }).state;
    state = run(state, USERS.p1, 'core:update-note', {
      noteId,
      patch: { flags: { sys: { size: 's' } } },
    }).state;
    expect(state.notes.get(noteId)!.flags).toEqual({ sys: { size: 's' }, gmtool: 'trap' });
  });
});
