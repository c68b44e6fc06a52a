/**
 * Tests of the rules, run by `vtt test` against the real sandbox: the module
 * is bundled as `vtt build` bundles it, and every action goes through the
 * same schema and permission checks as on the server.
 */
import {
  afterAll,
  beforeAll,
  createTestTable,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';

const MODULE = new URL('./module.ts', import.meta.url);

describe('__MODULE_NAME__', () => {
  let t: TestTable;
  const hp = () => (t.state.actors.get('hero')!.data as { hp: { value: number } }).hp.value;

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE], players: ['alice', 'bob'], seed: 1 });
    await t.gm.act('core:create-actor', {
      id: 'hero',
      name: 'Alia',
      type: 'character',
      data: {
        abilities: { str: 16, dex: 14, con: 12, int: 10, wis: 8, cha: 13 },
        hp: { value: 5, max: 12 },
      },
      ownership: { 'player:alice': 'owner', 'player:bob': 'observer' },
    });
  });
  afterAll(() => t?.close());

  it('heals a character, up to their maximum', async () => {
    await t.player('alice').act('__MODULE_ID__:heal', { actorId: 'hero', amount: 4 });
    expect(hp()).toBe(9);
    await t.player('alice').act('__MODULE_ID__:heal', { actorId: 'hero', amount: 100 });
    expect(hp()).toBe(12);
  });

  it('lets only those who own a character heal it (bob only observes Alia)', async () => {
    const error = await rejectionOf(
      t.player('bob').act('__MODULE_ID__:heal', { actorId: 'hero', amount: 1 }),
    );
    expect(error.code).toMatch(/^VTT_ERR_PERMISSION_/);
  });

  it('computes ability modifiers as derived data', async () => {
    expect(await t.derived('hero')).toMatchObject({ modifiers: { str: 3, dex: 2, wis: -1 } });
  });

  it('rolls a check as d20 + ability modifier against the DC', async () => {
    t.forceDice(11);
    const { outcome } = await t
      .player('alice')
      .roll('check', { actorId: 'hero', args: { ability: 'str', dc: 15 } });
    expect(outcome).toMatchObject({ total: 14, target: 15, margin: -1, critical: null });
  });

  it('keeps the higher d20 with advantage and the lower with disadvantage', async () => {
    t.forceDice(4, 17);
    const advantage = await t
      .player('alice')
      .roll('check', { actorId: 'hero', args: { ability: 'dex', mode: 'advantage' } });
    expect(advantage.outcome.total).toBe(19);
    t.forceDice(4, 17);
    const disadvantage = await t
      .player('alice')
      .roll('check', { actorId: 'hero', args: { ability: 'dex', mode: 'disadvantage' } });
    expect(disadvantage.outcome.total).toBe(6);
  });

  it('makes a natural 20 a critical success, even when the total misses the DC', async () => {
    t.forceDice(20);
    const { outcome } = await t
      .player('alice')
      .roll('check', { actorId: 'hero', args: { ability: 'wis', dc: 25 } });
    expect(outcome).toMatchObject({ total: 19, critical: 'success', data: { success: true } });
  });

  it('rolls initiative as d20 + DEX modifier', async () => {
    await t.gm.act('core:start-combat', {});
    await t.gm.act('core:add-combatant', { id: 'c-alia', name: 'Alia', actorId: 'hero' });
    t.forceDice(10);
    await t.gm.rollInitiative(['c-alia']);
    expect(t.state.combat!.combatants['c-alia']!.initiative).toBeCloseTo(12.14);
  });
});
