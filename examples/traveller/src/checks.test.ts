import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { VANCE, VANCE_GEAR, createCharacter, travellerTable } from './test-helpers.js';

describe('checks: 2D6 + DMs against a target, with Effect', () => {
  let t: TestTable;
  const alice = () => t.player('alice');
  beforeAll(async () => {
    t = await travellerTable(21);
    await createCharacter(t, {
      id: 'vance',
      name: 'Vance',
      data: VANCE,
      items: VANCE_GEAR,
      owner: 'alice',
    });
  });
  afterAll(() => t.close());

  it('adds the characteristic DM and skill level, and Effect is total minus target', async () => {
    t.forceDice(4, 3);
    const { outcome } = await alice().roll('check', {
      actorId: 'vance',
      args: { skill: 'gun-combat', difficulty: 'difficult' },
    });
    // 7 + DEX DM 1 + Gun Combat 2 = 10 against Difficult 10+.
    expect(outcome).toMatchObject({ name: 'check', total: 10, target: 10, effect: 0, margin: 0 });
    expect(outcome.critical).toBeNull();
    expect(outcome.data).toMatchObject({ success: true, skillLevel: 2, characteristic: 'dex' });
  });

  it('fails at Effect -1 and defaults to Average (8+)', async () => {
    t.forceDice(2, 2);
    const { outcome } = await alice().roll('check', { actorId: 'vance', args: { skill: 'pilot' } });
    // 4 + DEX 1 + Pilot 0 = 5 against 8+.
    expect(outcome).toMatchObject({ total: 5, target: 8, effect: -3 });
    expect(outcome.data).toMatchObject({ success: false, skillLevel: 0 });
  });

  it.each([
    ['simple', 2],
    ['easy', 4],
    ['routine', 6],
    ['average', 8],
    ['difficult', 10],
    ['very-difficult', 12],
    ['formidable', 14],
  ])('reads the difficulty %s as %i+', async (difficulty, target) => {
    t.forceDice(3, 3);
    const { outcome } = await alice().roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'soc', difficulty },
    });
    expect(outcome).toMatchObject({ total: 5, target, effect: 5 - target });
  });

  it('takes -3 for a skill the character lacks, but level 0 has no penalty', async () => {
    t.forceDice(5, 5);
    const unskilled = await alice().roll('check', { actorId: 'vance', args: { skill: 'medic' } });
    // 10 + EDU DM 1 - 3 unskilled = 8.
    expect(unskilled.outcome).toMatchObject({ total: 8, effect: 0 });
    expect(unskilled.outcome.data).toMatchObject({ unskilled: true, skillLevel: null });
    t.forceDice(5, 5);
    const trained = await alice().roll('check', {
      actorId: 'vance',
      args: { skill: 'pilot', characteristic: 'edu' },
    });
    expect(trained.outcome).toMatchObject({ total: 11, effect: 3 });
  });

  it('rolls a boon as 3D6 keeping the highest two and a bane keeping the lowest two', async () => {
    t.forceDice(1, 6, 5);
    const boon = await alice().roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'str', boon: true },
    });
    expect(boon.outcome.total).toBe(11);
    expect(boon.outcome.rolls[0]!.text).toContain('3d6kh2 [1d, 6, 5] = 11');
    t.forceDice(1, 6, 5);
    const bane = await alice().roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'str', bane: true },
    });
    expect(bane.outcome.total).toBe(6);
    t.forceDice(1, 6);
    const both = await alice().roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'str', boon: true, bane: true },
    });
    expect(both.outcome.total).toBe(7); // they cancel: plain 2D6
  });

  it('is a critical success at Effect 6 and a critical failure at Effect -6', async () => {
    t.forceDice(6, 6);
    const high = await alice().roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'soc', difficulty: 'simple', dm: -3 },
    });
    // 12 + SOC 5 (-1) - 3 = 8 against 2+: Effect 6.
    expect(high.outcome).toMatchObject({ effect: 6, critical: 'success' });
    t.forceDice(6, 6);
    const almost = await alice().roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'soc', difficulty: 'simple', dm: -4 },
    });
    expect(almost.outcome).toMatchObject({ effect: 5, critical: null });
    t.forceDice(1, 1);
    const low = await alice().roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'soc', difficulty: 'average' },
    });
    // 2 + SOC 5 (-1) = 1 against 8+: Effect -7.
    expect(low.outcome).toMatchObject({ effect: -7, critical: 'failure' });
    t.forceDice(1, 2);
    const notQuite = await alice().roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'soc', difficulty: 'average', dm: 1 },
    });
    expect(notQuite.outcome).toMatchObject({ effect: -5, critical: null });
  });

  it('posts the verdict on the chat card', async () => {
    t.forceDice(5, 5);
    await alice().roll('check', { actorId: 'vance', args: { skill: 'gun-combat' } });
    const card = t.state.chat[t.state.chat.length - 1]!;
    expect(card.text).toBe('Vance: Gun Combat (DEX) 8+, success, Effect +5: 13');
    expect(card.author).toBe('player:alice');
  });

  it("refuses to roll for someone else's character", async () => {
    const error = await rejectionOf(
      t.player('bob').roll('check', { actorId: 'vance', args: { skill: 'pilot' } }),
    );
    // Bob cannot see Vance, so the host refuses before the rules run.
    expect(error.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });
});

describe('/check chat command', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await travellerTable(22);
    await createCharacter(t, {
      id: 'vance',
      name: 'Vance',
      data: VANCE,
      items: VANCE_GEAR,
      owner: 'alice',
    });
  });
  afterAll(() => t.close());
  const last = () => t.state.chat[t.state.chat.length - 1]!;
  const outcome = () => (last().flags['traveller'] as { outcome: Record<string, unknown> }).outcome;

  it("rolls a skill at a difficulty for the speaker's own traveller", async () => {
    t.forceDice(3, 4);
    await t.player('alice').chat('/check gun-combat very difficult');
    expect(outcome()).toMatchObject({ total: 10, target: 12, effect: -2 });
    expect(last().text).toBe('Vance: Gun Combat (DEX) 12+, failure, Effect -2: 10');
    expect(last().roll).not.toBeNull();
  });

  it('accepts a characteristic, a target number, another characteristic for a skill, and a boon', async () => {
    t.forceDice(4, 4);
    await t.player('alice').chat('/check end 9+');
    expect(outcome()).toMatchObject({ total: 8, target: 9, effect: -1 });
    t.forceDice(2, 6, 5);
    await t.player('alice').chat('/check pilot/int routine boon');
    // 11 + INT 1 + Pilot 0 = 12 against 6+.
    expect(outcome()).toMatchObject({ total: 12, target: 6, effect: 6, critical: 'success' });
  });

  it('lets the GM name the character, and tells a player without one what to do', async () => {
    t.forceDice(1, 1);
    await t.gm.chat('/check stealth @Vance');
    expect(outcome()).toMatchObject({ total: 0, target: 8 });
    const none = await rejectionOf(t.player('bob').chat('/check stealth'));
    expect(none.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(String(none.params['reason'])).toContain('@name');
    const notYours = await rejectionOf(t.player('bob').chat('/check stealth @Vance'));
    const nobody = await rejectionOf(t.player('bob').chat('/check stealth @Nobody'));
    expect(notYours.code).toBe('VTT_ERR_MODULE_REJECTED');
    // The same answer whether Vance exists or not: players learn nothing of others' characters.
    expect(String(notYours.params['reason'])).toBe(
      String(nobody.params['reason']).replace('Nobody', 'Vance'),
    );
    t.forceDice(6, 6);
    await t.gm.chat('/check stealth', { speaker: 'vance' });
    expect(last().text).toMatch(/^Vance: /);
    const bad = await rejectionOf(t.player('alice').chat('/check pilot impossible'));
    expect(String(bad.params['reason'])).toContain('not a difficulty');
  });
});
