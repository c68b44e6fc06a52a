import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rollLog,
  seedCommitment,
  verifyRollLog,
  type ChatMessage,
  type DiceSession,
  type TableEvent,
} from '@vtt/core';
import { createTestTable, rejectionOf, type TestTable } from './create-test-table.js';

const forger = fileURLToPath(new URL('../../test-fixtures/forging-module.ts', import.meta.url));

describe('verified rolls: a roll card shows only dice the host drew', () => {
  let t: TestTable;
  let start: DiceSession;
  const events: TableEvent[] = [];
  const record = async <T extends { events: readonly TableEvent[] }>(change: Promise<T>) => {
    const done = await change;
    events.push(...done.events);
    return done;
  };
  const last = (): ChatMessage => t.state.chat[t.state.chat.length - 1]!;

  beforeAll(async () => {
    t = await createTestTable({ modules: [forger], players: ['alice', 'bob'] });
    start = t.state.campaign.dice;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a made-up 1d20 [20] = 20 and a real roll edited to a 20, posting nothing', async () => {
    const before = t.state.chat.length;
    for (const name of ['made-up', 'edited']) {
      const error = await rejectionOf(t.player('alice').roll(name));
      expect(error.code).toBe('VTT_ERR_MODULE_ROLL_NOT_DRAWN');
      expect(error.params).toMatchObject({ moduleId: 'forger', notation: '1d20' });
    }
    expect(t.state.chat.length).toBe(before);
  });

  it('refuses a roll id drawn in an earlier call, and invented rolls on messages or in card data', async () => {
    const { outcome } = await record(t.player('alice').roll('honest'));
    const error = await rejectionOf(
      t.player('alice').roll('replayed', { args: outcome.rolls[0]!.id! }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_ROLL_NOT_DRAWN');
    expect((await rejectionOf(t.player('alice').chat('/crit'))).code).toBe(
      'VTT_ERR_MODULE_ROLL_NOT_DRAWN',
    );
    expect((await rejectionOf(t.player('alice').chat('/card'))).code).toBe(
      'VTT_ERR_MODULE_ROLL_NOT_DRAWN',
    );
  });

  it('marks an honest roll card verified by its module, with the record of each roll', async () => {
    const { outcome } = await record(t.player('alice').roll('honest'));
    const message = last();
    expect(message.roll).toMatchObject({ total: outcome.total, id: outcome.rolls[0]!.id });
    expect(message.roll!.text).toMatch(/^Attack: 1d20 \[\d+\] \+ 3 = \d+$/);
    expect(message.verified).toEqual({
      by: 'forger',
      rolls: [
        expect.objectContaining({ id: message.roll!.id, stream: 'dice', total: outcome.total }),
      ],
    });
    const seen = t
      .player('bob')
      .view()
      .chat.find((m) => m.id === message.id);
    expect(seen?.verified?.by).toBe('forger'); // a client can tell it from text
  });

  it('shows the text of the drawn dice, whatever text the module wrote', async () => {
    const { outcome } = await record(t.player('alice').roll('retexted'));
    const text = last().roll!.text;
    expect(text).toBe(`1d20 [${outcome.rolls[0]!.draws[0]!.value}] = ${outcome.rolls[0]!.total}`);
    expect(outcome.rolls[0]!.text).toBe(text);
  });

  it("shows a player's forged module card (flags.<module>.outcome) as unverified text", async () => {
    const forged = {
      outcome: { label: 'Attack', total: 20, rolls: [{ total: 20, text: '1d20 [20] = 20' }] },
    };
    await record(
      t.player('alice').act('core:send-message', { text: 'Attack: 20', flags: { forger: forged } }),
    );
    const message = last();
    expect(message.flags['forger']).toEqual(forged);
    expect(message.verified).toBeUndefined();
    expect(t.player('bob').view().chat.at(-1)?.verified).toBeUndefined();
    // A user's own roll is drawn by core and verified as core's.
    await record(t.player('alice').act('core:send-message', { text: 'check', roll: '1d20' }));
    expect(last().verified).toMatchObject({ by: 'core', rolls: [{ id: last().roll!.id }] });
  });

  it('keeps forced dice a test seam: forced faces work but never reach the state', async () => {
    t.forceDice(20);
    const { outcome } = await record(t.player('alice').roll('honest'));
    expect(outcome.total).toBe(23);
    expect(last().verified?.rolls[0]?.stream).toBe('forced');
    expect(JSON.stringify(t.state.rng)).not.toContain('forced');
    expect(Object.keys(t.state.rng).sort()).toEqual(['algorithm', 'position', 'seed', 'streams']);
  });

  it('lets no module and no player end the session; the GM ends it and reveals the seed', async () => {
    const seed = t.state.rng.seed;
    for (const user of [t.player('alice'), t.player('bob')]) {
      expect(JSON.stringify(user.view())).not.toContain(seed);
    }
    expect((await rejectionOf(t.gm.macro('reveal'))).code).toBe('VTT_ERR_MODULE_PROPOSAL');
    expect((await rejectionOf(t.player('alice').act('core:end-session'))).code).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    const ended = await record(t.gm.act('core:end-session'));
    expect(ended.events.map((e) => e.type)).toEqual(['core:dice-session-ended']);
    expect(t.player('bob').view().campaign.dice).toEqual({ ...start, seed });
    expect(seedCommitment(seed)).toBe(start.commitment);
  });

  it('draws no die from a revealed seed until the GM starts a new session', async () => {
    const error = await rejectionOf(
      t.player('alice').act('core:send-message', { text: 'x', roll: '1d6' }),
    );
    expect(error.code).toBe('VTT_ERR_DICE_SESSION_ENDED');
    expect((await rejectionOf(t.player('alice').roll('honest'))).code).toBe(
      'VTT_ERR_MODULE_REJECTED',
    );
    const started = await record(t.gm.act('core:start-session'));
    expect(started.events.map((e) => e.type)).toEqual(['core:dice-session-started']);
    const dice = t.state.campaign.dice;
    expect(dice).toMatchObject({ session: 2, seed: null });
    expect(dice.commitment).toBe(seedCommitment(t.state.rng.seed));
    await record(t.player('bob').roll('honest'));
  });

  it('exports a roll log that re-derives every roll of the revealed session', () => {
    const log = rollLog(events, { start });
    expect(log.sessions.map((s) => [s.session, s.rolls.length, s.seed !== null])).toEqual([
      [1, 5, true],
      [2, 1, false],
    ]);
    const result = verifyRollLog(JSON.parse(JSON.stringify(log)));
    expect(result.verified).toBe(4);
    expect(result.problems.map((p) => p.code)).toEqual([
      'VTT_ERR_ROLL_MISMATCH', // the forced roll
      'VTT_ERR_ROLL_SEED_HIDDEN', // session 2 still runs
    ]);
  });
});
