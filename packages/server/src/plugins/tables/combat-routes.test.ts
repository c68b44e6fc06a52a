/**
 * Combat history and statistics over HTTP, on a real server (127.0.0.1,
 * SQLite, the example systems in QuickJS): a scripted combat per system,
 * played over WebSocket with seeded dice, whose numbers equal the ones
 * worked out by hand below; and the projection: a hidden combatant's
 * numbers and name are the GM's only.
 */
import type { AckMessage, CombatHistory, RollOutcome } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import { fighterData } from '../../test-support/dnd5e-data.js';
import { addUser, request, setupAdmin, type TestUser } from '../../test-support/http-client.js';
import { LiveClient } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
let zed: TestUser;

beforeAll(async () => {
  server = await startTestServer({ ...WITH_EXAMPLES, snapshotEvery: 7 });
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
  zed = await addUser(server, gm, 'zed');
}, 60_000);
afterAll(() => server.dispose());

/** A table of `system` with seeded dice, ana as a player, the GM's and ana's sockets joined. */
async function seededTable(system: string, seed: string) {
  const made = await request<{ id: string }>(server, 'POST', '/api/campaigns', {
    token: gm.token,
    body: { name: `${system} fight`, system, seed },
  });
  expect(made.status, made.text).toBe(201);
  const id = made.body.id;
  const invite = await request<{ secret: string }>(server, 'POST', `/api/campaigns/${id}/invites`, {
    token: gm.token,
    body: { role: 'player', expiresInSeconds: 3600, maxUses: 1 },
  });
  await request(server, 'POST', '/api/invites/accept', {
    token: ana.token,
    body: { secret: invite.body.secret },
  });
  const gmc = await LiveClient.open(server, id, gm);
  const anc = await LiveClient.open(server, id, ana);
  await gmc.join();
  await anc.join();
  const ok = async (c: LiveClient, message: Record<string, unknown>): Promise<AckMessage> => {
    const answer = await c.request(message);
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
    return answer as AckMessage;
  };
  const act = (c: LiveClient, type: string, payload: unknown) =>
    ok(c, { type: 'action', action: { type, payload } });
  const roll = async (c: LiveClient, name: string, actorId: string, args: unknown) =>
    (await ok(c, { type: 'roll', name, actorId, args })).result as unknown as RollOutcome;
  /** Starts a combat with `combatants` ([id, actorId, initiative, hidden?]). */
  const startCombat = async (combatants: [string, string, number, boolean?][]) => {
    await act(gmc, 'core:start-combat', {});
    for (const [cid, actorId, initiative, hidden] of combatants) {
      await act(gmc, 'core:add-combatant', { id: cid, actorId, hidden: hidden ?? false });
      await act(gmc, 'core:set-initiative', { combatantId: cid, initiative });
    }
  };
  const next = () => act(gmc, 'core:next-turn', {});
  const get = <T>(user: TestUser, path: string) =>
    request<T>(server, 'GET', `/api/campaigns/${id}${path}`, { token: user.token });
  return {
    id,
    gmc,
    anc,
    act,
    roll,
    startCombat,
    next,
    get,
    close: () => Promise.all([gmc.close(), anc.close()]),
  };
}

type Stats = Omit<CombatHistory['combatants'][number], 'combatantId' | 'name' | 'actorId'>;
const statsOf = (combat: CombatHistory): Record<string, Stats> =>
  Object.fromEntries(
    combat.combatants.map(({ combatantId, name: _n, actorId: _a, ...numbers }) => [
      combatantId,
      numbers,
    ]),
  );
const tallyOf = (outcomes: readonly RollOutcome[]) =>
  outcomes.map((o) => [
    o.total,
    o.critical ?? null,
    o.margin ?? null,
    o.successes ?? null,
    o.glitch ?? null,
  ]);

describe('combat statistics over HTTP', () => {
  it('D&D 5e: hit points, temporary hit points, attacks with crits, and a hidden combatant', async () => {
    const t = await seededTable('dnd5e', 'c');
    const scimitar = { name: 'Scimitar', ability: 'str', proficient: true, damage: '1d6' };
    const npc = (hp: number) => ({
      cr: 1,
      abilities: fighterData().abilities,
      hp: { value: hp, max: hp, temp: 0 },
      ac: 13,
      attacks: [scimitar],
    });
    await t.act(t.gmc, 'core:create-actor', {
      id: 'ayla',
      name: 'Ayla',
      type: 'character',
      data: { ...fighterData(), hp: { value: 12, max: 12, temp: 3 }, attacks: [scimitar] },
      ownership: { [ana.id]: 'owner' },
    });
    await t.act(t.gmc, 'core:create-actor', {
      id: 'gob',
      name: 'Goblin',
      type: 'npc',
      data: npc(10),
      defaultOwnership: 'limited',
    });
    await t.act(t.gmc, 'core:create-actor', {
      id: 'shade',
      name: 'Shade-canary-7f3e',
      type: 'npc',
      data: npc(20),
    });
    await t.startCombat([
      ['c-ayla', 'ayla', 18],
      ['c-gob', 'gob', 12],
      ['c-shade', 'shade', 8, true],
    ]);
    const outcomes: RollOutcome[] = [];
    await t.next(); // round 1: Ayla
    outcomes.push(await t.roll(t.anc, 'attack', 'ayla', { attack: 'Scimitar', targetAc: 13 }));
    outcomes.push(await t.roll(t.anc, 'attack', 'ayla', { attack: 'Scimitar', targetAc: 13 }));
    await t.act(t.gmc, 'dnd5e:apply-damage', { actorId: 'gob', amount: 6 });
    await t.next(); // the goblin
    outcomes.push(await t.roll(t.gmc, 'attack', 'gob', { attack: 'Scimitar', targetAc: 16 }));
    await t.act(t.gmc, 'dnd5e:apply-damage', { actorId: 'ayla', amount: 5 });
    await t.next(); // the hidden shade
    outcomes.push(await t.roll(t.gmc, 'attack', 'shade', { attack: 'Scimitar', targetAc: 16 }));
    await t.act(t.gmc, 'dnd5e:apply-damage', { actorId: 'ayla', amount: 4 });
    await t.next(); // round 2: Ayla
    await t.act(t.anc, 'dnd5e:heal', { actorId: 'ayla', amount: 3 });
    await t.act(t.gmc, 'core:end-combat', {});
    // The seeded d20s, +3 to hit: Ayla 4+3 = 7 vs AC 13 (miss), 10+3 = 13 (hit, margin 0);
    // the goblin 13+3 = 16 vs 16 (hit); the shade a natural 20 (23, a crit).
    expect(tallyOf(outcomes)).toEqual([
      [7, null, -6, null, null],
      [13, null, 0, null, null],
      [16, null, 0, null, null],
      [23, 'success', 7, null, null],
    ]);

    const list = await t.get<{ combats: { id: string; turns: number }[] }>(gm, '/combats');
    expect(list.status, list.text).toBe(200);
    expect(list.body.combats).toMatchObject([{ rounds: 2, turns: 4 }]);
    const combatId = list.body.combats[0]!.id;
    const gmView = await t.get<CombatHistory>(gm, `/combats/${combatId}`);
    expect(gmView.status, gmView.text).toBe(200);
    expect(gmView.body.turns.map((x) => `${x.round}:${x.combatantId}`)).toEqual([
      '1:c-ayla',
      '1:c-gob',
      '1:c-shade',
      '2:c-ayla',
    ]);
    const none = { crits: 0, fumbles: 0, glitches: 0, hits: 0 };
    expect(statsOf(gmView.body)).toEqual({
      // 2 rolls: one miss, one hit; dealt 6 (goblin 10 -> 4); took 5 (temp 3 -> 0, then
      // hp 12 -> 10) + 4 (hp 10 -> 6) = 9; healed herself 3 (6 -> 9).
      'c-ayla': {
        turns: 2,
        rolls: { ...none, count: 2, successes: 1, failures: 1 },
        damageDealt: 6,
        damageTaken: 9,
        healingDone: 3,
        healingReceived: 3,
      },
      // 1 hit; dealt 3 + 2 = 5 to Ayla; took 6.
      'c-gob': {
        turns: 1,
        rolls: { ...none, count: 1, successes: 1, failures: 0 },
        damageDealt: 5,
        damageTaken: 6,
        healingDone: 0,
        healingReceived: 0,
      },
      // 1 crit; dealt 4 to Ayla.
      'c-shade': {
        turns: 1,
        rolls: { ...none, count: 1, crits: 1, successes: 1, failures: 0 },
        damageDealt: 4,
        damageTaken: 0,
        healingDone: 0,
        healingReceived: 0,
      },
    });
    expect(gmView.text).toContain('Shade-canary-7f3e');

    // Ana: the hidden shade is left out (turn, numbers, name); the goblin's hit
    // points are the GM's (npc hp is "x-vtt-visibility": "gm"), so her 6 and its 6
    // taken are not hers to know; the shade's 4 to Ayla she saw, from no one she saw.
    const anaView = await t.get<CombatHistory>(ana, `/combats/${combatId}`);
    expect(anaView.status, anaView.text).toBe(200);
    expect(anaView.text).not.toContain('Shade-canary-7f3e');
    expect(anaView.text).not.toContain('shade');
    expect(anaView.body.turns.map((x) => x.combatantId)).toEqual(['c-ayla', 'c-gob', 'c-ayla']);
    expect(statsOf(anaView.body)).toEqual({
      'c-ayla': { ...statsOf(gmView.body)['c-ayla'], damageDealt: 0 },
      'c-gob': { ...statsOf(gmView.body)['c-gob'], damageTaken: 0 },
    });
    expect(anaView.body.unattributed).toMatchObject({ damage: 4, healing: 0 });

    const gmTotals = await t.get<{ combats: number; actors: { actorId: string }[] }>(
      gm,
      '/combat-stats',
    );
    expect(gmTotals.body.combats).toBe(1);
    expect(gmTotals.body.actors.map((a) => a.actorId)).toEqual(['ayla', 'gob', 'shade']); // by damage dealt: 6, 5, 4
    const anaTotals = await t.get<{ actors: { actorId: string; name: string }[] }>(
      ana,
      '/combat-stats',
    );
    expect(anaTotals.text).not.toContain('Shade-canary-7f3e');
    expect(anaTotals.body.actors.map((a) => a.actorId)).toEqual(['gob', 'ayla']); // 5, 0

    const missing = await t.get<{ error: { code: string } }>(gm, '/combats/combat999');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'VTT_ERR_COMBAT_NOT_FOUND']);
    const outsider = await t.get<{ error: { code: string } }>(zed, '/combats');
    expect([outsider.status, outsider.body.error.code]).toEqual([
      404,
      'VTT_ERR_CAMPAIGN_NOT_FOUND',
    ]);
    await t.close();
  });

  it('Shadowrun: condition monitors, hits and glitches', async () => {
    const t = await seededTable('shadowrun', 'combat-sr-1');
    const attributes = {
      body: 5,
      agility: 6,
      reaction: 5,
      strength: 4,
      willpower: 4,
      logic: 4,
      intuition: 5,
      charisma: 3,
      edge: 3,
      magic: 0,
    };
    await t.act(t.gmc, 'core:create-actor', {
      id: 'razor',
      name: 'Razor',
      type: 'runner',
      data: {
        metatype: 'ork',
        attributes,
        skills: { pistols: { rating: 5 } },
        edgeSpent: 0,
        damage: { physical: 0, stun: 0, overflow: 0 },
      },
      ownership: { [ana.id]: 'owner' },
    });
    await t.act(t.gmc, 'core:create-actor', {
      id: 'ganger',
      name: 'Ganger',
      type: 'npc',
      data: {
        professionalRating: 1,
        attributes: { ...attributes, agility: 3 },
        skills: { pistols: 3 },
        damage: { physical: 0, stun: 0, overflow: 0 },
      },
      defaultOwnership: 'limited',
    });
    await t.startCombat([
      ['c-razor', 'razor', 14],
      ['c-ganger', 'ganger', 9],
    ]);
    const outcomes: RollOutcome[] = [];
    await t.next();
    outcomes.push(
      await t.roll(t.anc, 'test', 'razor', {
        attribute: 'agility',
        skill: 'pistols',
        threshold: 3,
      }),
    );
    await t.act(t.gmc, 'shadowrun:apply-damage', {
      actorId: 'ganger',
      amount: 4,
      track: 'physical',
    });
    await t.next();
    outcomes.push(
      await t.roll(t.gmc, 'test', 'ganger', {
        attribute: 'agility',
        skill: 'pistols',
        threshold: 2,
      }),
    );
    outcomes.push(
      await t.roll(t.gmc, 'test', 'ganger', {
        attribute: 'agility',
        skill: 'pistols',
        threshold: 2,
      }),
    );
    await t.act(t.gmc, 'shadowrun:apply-damage', { actorId: 'razor', amount: 3, track: 'stun' });
    await t.next();
    await t.act(t.gmc, 'core:end-combat', {});
    // The seeded pools: Razor 3 hits vs threshold 3 (success, 0 net); the ganger
    // 1 hit vs 2 twice (failures); no glitch.
    expect(tallyOf(outcomes)).toEqual([
      [3, null, 0, 3, 'none'],
      [1, null, -1, 1, 'none'],
      [1, null, -1, 1, 'none'],
    ]);
    const list = await t.get<{ combats: { id: string }[] }>(gm, '/combats');
    const gmView = await t.get<CombatHistory>(gm, `/combats/${list.body.combats[0]!.id}`);
    expect(gmView.status, gmView.text).toBe(200);
    // Shadowrun's initiative passes: 14 acts in passes 1 and 2, 9 in pass 1 only.
    expect(gmView.body.turns.map((x) => `${x.round}.${x.pass}:${x.combatantId}`)).toEqual([
      '1.1:c-razor',
      '1.1:c-ganger',
      '1.2:c-razor',
    ]);
    const none = { crits: 0, fumbles: 0, glitches: 0 };
    expect(statsOf(gmView.body)).toEqual({
      // 1 test, 3 hits, a success; 4 physical boxes dealt (0 -> 4); 3 stun taken (0 -> 3).
      'c-razor': {
        turns: 2,
        rolls: { ...none, count: 1, hits: 3, successes: 1, failures: 0 },
        damageDealt: 4,
        damageTaken: 3,
        healingDone: 0,
        healingReceived: 0,
      },
      // 2 tests, 1 + 1 = 2 hits, both failed; dealt 3 stun, took 4 physical.
      'c-ganger': {
        turns: 1,
        rolls: { ...none, count: 2, hits: 2, successes: 0, failures: 2 },
        damageDealt: 3,
        damageTaken: 4,
        healingDone: 0,
        healingReceived: 0,
      },
    });
    await t.close();
  });

  it('Traveller: characteristic damage, Effect and criticals', async () => {
    const t = await seededTable('traveller', 'combat-tr-1');
    await t.act(t.gmc, 'core:create-actor', {
      id: 'vance',
      name: 'Vance',
      type: 'traveller',
      data: {
        characteristics: { str: 7, dex: 10, end: 8, int: 11, edu: 9, soc: 5 },
        skills: { 'gun-combat': 2 },
      },
      ownership: { [ana.id]: 'owner' },
    });
    await t.act(t.gmc, 'core:create-actor', {
      id: 'thug',
      name: 'Thug',
      type: 'npc',
      data: {
        characteristics: { str: 9, dex: 7, end: 7, int: 6, edu: 5, soc: 4 },
        skills: { melee: 1 },
      },
      defaultOwnership: 'limited',
    });
    await t.startCombat([
      ['c-vance', 'vance', 9],
      ['c-thug', 'thug', 7],
    ]);
    const outcomes: RollOutcome[] = [];
    await t.next();
    outcomes.push(await t.roll(t.anc, 'check', 'vance', { skill: 'gun-combat' }));
    outcomes.push(await t.roll(t.anc, 'check', 'vance', { skill: 'gun-combat', difficulty: 10 }));
    await t.act(t.gmc, 'traveller:apply-damage', {
      actorId: 'thug',
      amount: 5,
      ignoreArmour: true,
    });
    await t.next();
    outcomes.push(await t.roll(t.gmc, 'characteristic', 'thug', { characteristic: 'str' }));
    await t.act(t.gmc, 'traveller:apply-damage', {
      actorId: 'vance',
      amount: 9,
      ignoreArmour: true,
    });
    // Asked mid-combat: running (no end yet); the answer after the end walks on from here.
    const running = await t.get<{ combats: { endedSeq: number | null }[] }>(gm, '/combats');
    expect(running.body.combats).toMatchObject([{ endedSeq: null, rounds: 1, turns: 2 }]);
    await t.next();
    await t.act(t.gmc, 'core:end-combat', {});
    // The seeded 2D6 checks: Vance 13 vs 8 (Effect +5), 8 vs 10 (Effect -2); the
    // thug's STR check 7 vs 8 (Effect -1). No criticals (Effect +6 or -6).
    expect(tallyOf(outcomes)).toEqual([
      [13, null, 5, null, null],
      [8, null, -2, null, null],
      [7, null, -1, null, null],
    ]);
    const list = await t.get<{ combats: { id: string }[] }>(gm, '/combats');
    const gmView = await t.get<CombatHistory>(gm, `/combats/${list.body.combats[0]!.id}`);
    expect(gmView.status, gmView.text).toBe(200);
    const none = { crits: 0, fumbles: 0, glitches: 0, hits: 0 };
    expect(statsOf(gmView.body)).toEqual({
      // 2 checks, one made; dealt 5 (all to the thug's END: 0 -> 5); took 9
      // (END 8 -> its whole 8, then 1 to DEX, the higher: 8 + 1 = 9).
      'c-vance': {
        turns: 2,
        rolls: { ...none, count: 2, successes: 1, failures: 1 },
        damageDealt: 5,
        damageTaken: 9,
        healingDone: 0,
        healingReceived: 0,
      },
      'c-thug': {
        turns: 1,
        rolls: { ...none, count: 1, successes: 0, failures: 1 },
        damageDealt: 9,
        damageTaken: 5,
        healingDone: 0,
        healingReceived: 0,
      },
    });
    await t.close();
  });
});
