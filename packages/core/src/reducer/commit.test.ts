import { describe, expect, it } from 'vitest';
import {
  errorCode,
  fixtureTable,
  populatedTable,
  run,
  USERS,
} from '../../test-support/table-fixture.js';
import { decide } from '../actions/decide.js';
import type { TableEvent } from '../events/event-types.js';
import { createTableState, type TableState } from '../model/state.js';
import { applyEvent, applyEvents } from './apply-event.js';
import { commit } from './commit.js';

const { gm, p1 } = USERS;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('commit and the event envelope', () => {
  it('numbers events per campaign and stamps author and time', () => {
    const s = fixtureTable();
    const { state, events } = run(s, p1, 'core:send-message', { text: 'hi', roll: '1d6' }, 42_000);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      seq: s.seq + 1,
      type: 'core:message-posted',
      author: p1,
      time: 42_000,
    });
    expect(events[0]!.server?.batch).toBe(s.seq + 1);
    expect(state.seq).toBe(s.seq + 1);
    expect(state.chat[0]).toMatchObject({ seq: s.seq + 1, author: p1, time: 42_000 });
  });

  it('gives every event of one action the batch of its first', () => {
    const s = populatedTable();
    const { events } = run(s, gm, 'core:roll-initiative', { combatantId: 'c1', formula: '1d20' });
    expect(events.map((e) => e.seq)).toEqual([s.seq + 1, s.seq + 2]);
    expect(events.map((e) => e.server?.batch)).toEqual([s.seq + 1, s.seq + 1]);
  });

  it('replays the log to the same state, undo stacks and generator included', () => {
    let s = createTableState({ campaignId: 'c1', name: 'Test', gmUserId: gm, seed: 7 });
    const s0 = s;
    const log: TableEvent[] = [];
    const step = (user: string, type: Parameters<typeof run>[2], payload: unknown) => {
      const result = run(s, user, type, payload as never);
      log.push(...result.events);
      s = result.state;
    };
    step(gm, 'core:set-member', { userId: p1, name: 'Ann', role: 'player' });
    step(gm, 'core:create-scene', { id: 's1', name: 'Cave' });
    step(gm, 'core:create-token', { id: 't1', sceneId: 's1', name: 'Orc', x: 0, y: 0 });
    step(gm, 'core:move-token', { tokenId: 't1', x: 100, y: 0 });
    step(p1, 'core:send-message', { text: 'roll', roll: '3d6' });
    expect(applyEvents(s0, JSON.parse(JSON.stringify(log)) as TableEvent[])).toStrictEqual(s);
  });

  it('never mutates the state it is given', () => {
    const s = deepFreeze(populatedTable());
    const copy = JSON.parse(JSON.stringify(s)) as TableState;
    run(s, p1, 'core:move-token', { tokenId: 't1', x: 5, y: 5 });
    run(s, gm, 'core:delete-scene', { sceneId: 's1' });
    run(s, gm, 'core:next-turn', {});
    run(s, p1, 'core:send-message', { text: 'x', roll: '1d20' });
    expect(JSON.parse(JSON.stringify(s))).toStrictEqual(copy);
  });

  it('rejects an event out of sequence and an unknown event type', () => {
    const s = fixtureTable();
    const event = {
      seq: s.seq + 2,
      type: 'core:member-removed',
      author: gm,
      time: 0,
      payload: { userId: p1 },
    } as TableEvent;
    expect(errorCode(() => applyEvent(s, event))).toBe('VTT_ERR_EVENT_SEQUENCE');
    const unknown = {
      seq: s.seq + 1,
      type: 'core:teleported',
      author: gm,
      time: 0,
      payload: {},
    } as unknown as TableEvent;
    expect(errorCode(() => applyEvent(s, unknown))).toBe('VTT_ERR_EVENT_UNKNOWN');
  });

  it('rejects actions of non-members, and of unknown types', () => {
    const s = fixtureTable();
    expect(
      errorCode(() =>
        decide(s, { type: 'core:undo', payload: {} }, { userId: 'stranger', now: 0 }),
      ),
    ).toBe('VTT_ERR_PERMISSION_NOT_MEMBER');
    expect(
      errorCode(() =>
        decide(s, { type: 'core:fly', payload: {} } as never, { userId: gm, now: 0 }),
      ),
    ).toBe('VTT_ERR_ACTION_UNKNOWN');
  });

  it('commits nothing for no drafts', () => {
    const s = fixtureTable();
    expect(commit(s, [], { author: gm, now: 0 })).toEqual({ state: s, events: [] });
  });
});

describe('members', () => {
  it('keeps at least one GM', () => {
    const s = fixtureTable();
    expect(
      errorCode(() => run(s, gm, 'core:set-member', { userId: gm, name: 'GM', role: 'player' })),
    ).toBe('VTT_ERR_PERMISSION_LAST_GM');
    expect(errorCode(() => run(s, gm, 'core:remove-member', { userId: gm }))).toBe(
      'VTT_ERR_PERMISSION_LAST_GM',
    );
  });

  it('lets players rename themselves but not change roles', () => {
    const s = fixtureTable();
    expect(
      run(s, p1, 'core:set-member', { userId: p1, name: 'Annie', role: 'player' }).state.members[p1]
        ?.name,
    ).toBe('Annie');
    expect(
      errorCode(() => run(s, p1, 'core:set-member', { userId: p1, name: 'Ann', role: 'gm' })),
    ).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    expect(errorCode(() => run(s, p1, 'core:remove-member', { userId: USERS.p2 }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
  });
});
