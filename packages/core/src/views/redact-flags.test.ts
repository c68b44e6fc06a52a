import { describe, expect, it } from 'vitest';
import { fixtureTable, run, runAndProject, USERS } from '../../test-support/table-fixture.js';
import type { TableState } from '../model/state.js';
import type { VisibilityPolicy } from '../model/visibility-policy.js';
import { commit } from '../reducer/commit.js';
import { viewFor } from './view-for.js';

const policy: VisibilityPolicy = {
  actorTypes: {},
  flags: { sys: { visibility: 'viewer' }, mine: { visibility: 'owner' } },
};

function table(): TableState {
  let state = commit(fixtureTable(), [{ type: 'core:visibility-set', payload: { policy } }], {
    author: USERS.gm,
    now: 1,
  }).state;
  const flags = { sys: 'public', mine: 'OWNERFLAG', tool: 'GMFLAG' };
  state = run(state, USERS.gm, 'core:update-campaign', { flags }).state;
  state = run(state, USERS.gm, 'core:update-scene', { sceneId: 's1', patch: { flags } }).state;
  state = run(state, USERS.gm, 'core:create-token', {
    id: 't1',
    sceneId: 's1',
    name: 'Ann',
    x: 0,
    y: 0,
    actorId: 'a1',
    flags,
  }).state;
  return state;
}

describe('module flags on every document', () => {
  it('show a token`s owner-only flags to the owners of its actor only', () => {
    const state = table();
    expect(viewFor(state, USERS.p1).tokens.get('t1')!.flags).toEqual({
      sys: 'public',
      mine: 'OWNERFLAG',
    });
    expect(viewFor(state, USERS.p2).tokens.get('t1')!.flags).toEqual({ sys: 'public' });
    expect(viewFor(state, USERS.gm).tokens.get('t1')!.flags).toEqual({
      sys: 'public',
      mine: 'OWNERFLAG',
      tool: 'GMFLAG',
    });
  });

  it('show the campaign`s and a scene`s flags as declared, with no owner', () => {
    const view = viewFor(table(), USERS.p1);
    expect(view.campaign.flags).toEqual({ sys: 'public' });
    expect(view.scenes.get('s1')!.flags).toEqual({ sys: 'public' });
  });

  it('reach players through events only as declared', () => {
    const { received } = runAndProject(
      table(),
      USERS.gm,
      'core:update-token',
      { tokenId: 't1', patch: { flags: { tool: 'GMFLAG2', sys: 'changed' } } },
      USERS.p2,
    );
    expect(JSON.stringify(received)).not.toContain('GMFLAG');
    expect(received).toMatchObject([
      { type: 'core:document-synced', payload: { doc: { flags: { sys: 'changed' } } } },
    ]);
  });
});
