import { describe, expect, it } from 'vitest';
import {
  errorCode,
  fixtureTable,
  populatedTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import type { TableEvent } from '../events/event-types.js';
import { applyEvents } from '../reducer/apply-event.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2 } = USERS;
const undo = (s: Parameters<typeof run>[0], user: string) => run(s, user, 'core:undo', {});

describe('undo', () => {
  it("undoes the user's own last action with compensating events", () => {
    const s0 = populatedTable();
    let s = run(s0, p1, 'core:move-token', { tokenId: 't1', x: 300, y: 300 }).state;
    s = run(s, p1, 'core:move-token', { tokenId: 't1', x: 400, y: 400 }).state;
    const { state, events } = undo(s, p1);
    expect(events.map((e) => e.type)).toEqual(['core:document-restored']);
    expect(state.tokens.get('t1')).toMatchObject({ x: 300, y: 300 });
    expect(undo(state, p1).state.tokens.get('t1')).toEqual(s0.tokens.get('t1'));
    expect(errorCode(() => undo(undo(state, p1).state, p1))).toBe('VTT_ERR_UNDO_NOTHING');
  });

  it("does not undo another user's action", () => {
    const s = run(populatedTable(), p1, 'core:move-token', { tokenId: 't1', x: 300, y: 300 }).state;
    expect(errorCode(() => undo(s, p2))).toBe('VTT_ERR_UNDO_NOTHING');
  });

  it('refuses when a document it touched changed since', () => {
    let s = run(populatedTable(), p1, 'core:move-token', { tokenId: 't1', x: 300, y: 300 }).state;
    s = run(s, gm, 'core:update-token', { tokenId: 't1', patch: { rotation: 90 } }).state;
    expect(errorCode(() => undo(s, p1))).toBe('VTT_ERR_UNDO_CONFLICT');
  });

  it("never takes back a change of the campaign's add-on modules (the server's rows hold them)", () => {
    let s = run(fixtureTable(), gm, 'core:update-campaign', { name: 'Renamed' }).state;
    s = run(s, gm, 'core:update-campaign', { modules: ['probe'] }).state;
    expect(s.campaign.modules).toEqual(['probe']);
    // The rename is the GM's last undoable action, and the add-on change since makes it conflict.
    expect(errorCode(() => undo(s, gm))).toBe('VTT_ERR_UNDO_CONFLICT');
    expect(s.campaign.modules).toEqual(['probe']);
    const before = fixtureTable();
    const alone = run(before, gm, 'core:update-campaign', { modules: ['probe'] }).state;
    expect(alone.undo[gm]).toEqual(before.undo[gm]); // no entry for it
    // The GM's undo takes back what they did before it, never the add-on change.
    expect(undo(alone, gm).state.campaign.modules).toEqual(['probe']);
  });

  it('does not take back rolls or chat', () => {
    let s = run(populatedTable(), p1, 'core:move-token', { tokenId: 't1', x: 300, y: 300 }).state;
    s = run(s, p1, 'core:send-message', { text: 'attack', roll: '1d20' }).state;
    s = run(s, p1, 'core:roll-initiative', { combatantId: 'c1', formula: '1d20' }).state;
    const after = undo(s, p1).state; // skips to the move
    expect(after.tokens.get('t1')).toMatchObject({ x: 0, y: 0 });
    expect(after.combat!.combatants.c1!.initiative).toBe(s.combat!.combatants.c1!.initiative);
  });

  it('restores everything one action changed, such as a deleted scene and its tokens', () => {
    const s0 = populatedTable();
    const s = run(s0, gm, 'core:delete-scene', { sceneId: 's1' }).state;
    const restored = undo(s, gm).state;
    expect(restored.scenes).toEqual(s0.scenes);
    expect(restored.tokens).toEqual(s0.tokens);
    expect(restored.notes).toEqual(s0.notes);
  });

  it('checks permissions again: a player who lost ownership cannot undo', () => {
    let s = run(populatedTable(), p1, 'core:move-token', { tokenId: 't1', x: 300, y: 300 }).state;
    s = run(s, gm, 'core:update-actor', { actorId: 'a1', patch: { ownership: {} } }).state;
    expect(errorCode(() => undo(s, p1))).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
  });

  it('remembers at most undoDepth actions per user, and keeps undo stacks out of every view', () => {
    let s = run(populatedTable(), gm, 'core:update-campaign', { settings: { undoDepth: 2 } }).state;
    for (let i = 1; i <= 4; i++)
      s = run(s, p1, 'core:move-token', { tokenId: 't1', x: i * 10, y: 0 }).state;
    expect(s.undo[p1]).toHaveLength(2);
    expect(viewFor(s, gm)).not.toHaveProperty('undo');
    s = undo(undo(s, p1).state, p1).state;
    expect(s.tokens.get('t1')?.x).toBe(20);
    expect(errorCode(() => undo(s, p1))).toBe('VTT_ERR_UNDO_NOTHING');
  });

  it('sends viewers the restored documents as they may see them', () => {
    const s = run(populatedTable(), gm, 'core:update-token', {
      tokenId: 't2',
      patch: { hidden: true },
    }).state;
    const { received } = runAndProject(s, gm, 'core:undo', {}, p1);
    expect(received).toMatchObject([
      { type: 'core:document-synced', payload: { collection: 'tokens', id: 't2' } },
    ]);
  });

  it('rebuilds undo stacks when the log is replayed', () => {
    const s0 = fixtureTable();
    const log: TableEvent[] = [];
    let s = s0;
    for (const [user, type, payload] of [
      [gm, 'core:create-token', { id: 't9', sceneId: 's1', name: 'x', x: 0, y: 0, actorId: 'a1' }],
      [p1, 'core:move-token', { tokenId: 't9', x: 50, y: 50 }],
      [p1, 'core:undo', {}],
      [p1, 'core:move-token', { tokenId: 't9', x: 70, y: 70 }],
    ] as const) {
      const r = run(s, user, type, payload as never);
      log.push(...r.events);
      s = r.state;
    }
    expect(applyEvents(s0, log).undo).toEqual(s.undo);
    expect(s.undo[p1]).toHaveLength(1);
  });
});
