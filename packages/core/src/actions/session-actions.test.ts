import { describe, expect, it } from 'vitest';
import {
  errorCode,
  fixtureTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import { rollLog, verifyRollLog } from '../dice/roll-log.js';
import type { TableAction } from './action-types.js';
import type { TableEvent } from '../events/event-types.js';
import { seedCommitment } from '../random/rng.js';
import { commit } from '../reducer/commit.js';
import { viewFor } from '../views/view-for.js';
import { decide } from './decide.js';

const NEXT_SEED = 'cd'.repeat(32);

describe('dice sessions', () => {
  it('publishes the commitment of the first seed to every member, and never the seed', () => {
    const state = fixtureTable();
    expect(state.campaign.dice).toEqual({
      session: 1,
      commitment: seedCommitment(state.rng.seed),
      seed: null,
    });
    for (const user of Object.values(USERS)) {
      const view = JSON.stringify(viewFor(state, user));
      expect(view).toContain(state.campaign.dice.commitment);
      expect(view).not.toContain(state.rng.seed);
    }
  });

  it('reveals the seed to everyone when a GM ends the session, and refuses dice until the next', () => {
    const state = fixtureTable();
    const seed = state.rng.seed;
    expect(errorCode(() => run(state, USERS.p1, 'core:end-session', {}))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    const ended = runAndProject(state, USERS.gm, 'core:end-session', {}, USERS.p1);
    expect(ended.received.map((e) => [e.type, e.payload])).toEqual([
      ['core:dice-session-ended', { session: 1, commitment: state.campaign.dice.commitment, seed }],
    ]);
    expect(viewFor(ended.state, USERS.p1).campaign.dice.seed).toBe(seed);
    expect(ended.state.rng.revealed).toBe(true);
    expect(
      errorCode(() => run(ended.state, USERS.p1, 'core:send-message', { text: 'x', roll: '1d6' })),
    ).toBe('VTT_ERR_DICE_SESSION_ENDED');
    expect(run(ended.state, USERS.gm, 'core:end-session', {}).events).toEqual([]); // already ended
  });

  it('starts a session only with a seed from the host, ending a running one first', () => {
    const state = fixtureTable();
    const start = { type: 'core:start-session', payload: {} } as TableAction;
    expect(errorCode(() => decide(state, start, { userId: USERS.gm, now: 1 }))).toBe(
      'VTT_ERR_SESSION_SEED_REQUIRED',
    );
    expect(
      errorCode(() => decide(state, start, { userId: USERS.p1, now: 1, seed: NEXT_SEED })),
    ).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    const drafts = decide(state, start, { userId: USERS.gm, now: 1, seed: NEXT_SEED });
    const { state: next, events } = commit(state, drafts, { author: USERS.gm, now: 1 });
    expect(events.map((e) => e.type)).toEqual([
      'core:dice-session-ended',
      'core:dice-session-started',
    ]);
    expect(next.campaign.dice).toEqual({
      session: 2,
      commitment: seedCommitment(NEXT_SEED),
      seed: null,
    });
    expect(next.rng).toEqual({ algorithm: 'chacha20', seed: NEXT_SEED, position: 0, streams: {} });
    expect(JSON.stringify(viewFor(next, USERS.gm))).not.toContain(NEXT_SEED);
  });

  it('records where each of core’s rolls was drawn, so the log of a revealed session verifies', () => {
    let state = fixtureTable();
    const start = state.campaign.dice;
    const events: TableEvent[] = [];
    for (const [userId, type, payload] of [
      [USERS.p1, 'core:send-message', { text: 'a', roll: '3d6' }],
      [USERS.gm, 'core:send-message', { text: 'b', roll: '1d20', blind: true }],
      [USERS.gm, 'core:end-session', {}],
    ] as const) {
      const done = run(state, userId, type, payload as never);
      state = done.state;
      events.push(...done.events);
    }
    const blind = state.chat[1]!;
    expect(blind.verified?.rolls[0]).toMatchObject({ stream: 'dice', notation: '1d20' });
    const seenByGm = viewFor(state, USERS.gm).chat[1];
    expect(seenByGm?.verified).toBeDefined();
    const log = rollLog(events, { start });
    expect(log.sessions[0]!.rolls.map((r) => [r.notation, r.position, r.by])).toEqual([
      ['3d6', 0, 'core'],
      ['1d20', 3, 'core'],
    ]);
    expect(verifyRollLog(log)).toEqual({ verified: 2, problems: [] });
  });

  it('lets no user set `verified` on a message: only the host does', () => {
    const verified = { by: 'dnd5e', rolls: [] };
    expect(
      errorCode(() =>
        run(fixtureTable(), USERS.p1, 'core:send-message', { text: 'x', verified } as never),
      ),
    ).toBe('VTT_ERR_ACTION_INVALID');
  });

  it("keeps a blind roll's dice from its author: no roll and no record in their view", () => {
    const state = run(fixtureTable(), USERS.p1, 'core:send-message', {
      text: 'b',
      roll: '1d20',
      blind: true,
    }).state;
    const own = viewFor(state, USERS.p1).chat.at(-1)!;
    expect(own.roll).toBeNull();
    expect(own.verified).toBeUndefined();
  });
});
