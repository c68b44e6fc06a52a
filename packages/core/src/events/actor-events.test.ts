import { describe, expect, it } from 'vitest';
import {
  errorCode,
  populatedTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2 } = USERS;

describe('actors and ownership', () => {
  it('shows actors at observer level or above only', () => {
    const s = run(populatedTable(), gm, 'core:create-actor', {
      id: 'boss',
      name: 'Lich',
      type: 'npc',
    }).state;
    expect(viewFor(s, p1).actors.get('boss')).toBeUndefined();
    expect(viewFor(s, p1).actors.get('a2')).toBeDefined(); // default observer
    expect(viewFor(s, gm).actors.get('boss')).toBeDefined();
  });

  it("lets an owner edit the module's data and flags, not ownership or type", () => {
    const s = populatedTable();
    const next = run(s, p1, 'core:update-actor', {
      actorId: 'a1',
      patch: { data: { hp: 7 }, flags: { dnd5e: { xp: 300 } } },
    }).state;
    expect(next.actors.get('a1')).toMatchObject({ data: { hp: 7 }, flags: { dnd5e: { xp: 300 } } });
    expect(
      errorCode(() =>
        run(s, p1, 'core:update-actor', { actorId: 'a1', patch: { ownership: { [p2]: 'owner' } } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_FIELD');
    expect(
      errorCode(() =>
        run(s, p1, 'core:update-actor', { actorId: 'a1', patch: { type: 'vehicle' } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_FIELD');
  });

  it('lets observers read but not write', () => {
    expect(
      errorCode(() =>
        run(populatedTable(), p1, 'core:update-actor', { actorId: 'a2', patch: { data: {} } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
  });

  it('merges flags per module id', () => {
    let s = run(populatedTable(), gm, 'core:update-actor', {
      actorId: 'a1',
      patch: { flags: { a: 1, b: 2 } },
    }).state;
    s = run(s, gm, 'core:update-actor', { actorId: 'a1', patch: { flags: { b: 3 } } }).state;
    expect(s.actors.get('a1')?.flags).toEqual({ a: 1, b: 3 });
  });

  it('reveals a fogged token to a player who becomes its owner', () => {
    let s = run(populatedTable(), gm, 'core:configure-fog', { sceneId: 's1', enabled: true }).state;
    expect(viewFor(s, p2).tokens.get('t1')).toBeUndefined();
    const result = runAndProject(
      s,
      gm,
      'core:update-actor',
      { actorId: 'a1', patch: { ownership: { [p2]: 'owner' } } },
      p2,
    );
    s = result.state;
    expect(result.received.map((e) => e.type)).toEqual([
      'core:actor-updated',
      'core:document-synced',
      'core:document-synced',
    ]);
    expect(viewFor(s, p2).tokens.get('t1')).toBeDefined();
  });
});
