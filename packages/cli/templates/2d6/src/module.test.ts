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
  const luck = () => (t.state.actors.get('pilot')!.data as { luck: { value: number } }).luck.value;

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE], players: ['alice', 'bob'], seed: 1 });
    await t.gm.act('core:create-actor', {
      id: 'pilot',
      name: 'Vera',
      type: 'character',
      data: {
        characteristics: { str: 7, dex: 9, end: 8, int: 10, edu: 12, soc: 5 },
        luck: { value: 2, max: 2 },
      },
      ownership: { 'player:alice': 'owner', 'player:bob': 'observer' },
    });
  });
  afterAll(() => t?.close());

  it('spends Luck one point at a time', async () => {
    await t.player('alice').act('__MODULE_ID__:spend-luck', { actorId: 'pilot' });
    expect(luck()).toBe(1);
  });

  it('lets only those who own a character spend its Luck (bob only observes Vera)', async () => {
    const error = await rejectionOf(
      t.player('bob').act('__MODULE_ID__:spend-luck', { actorId: 'pilot' }),
    );
    expect(error.code).toMatch(/^VTT_ERR_PERMISSION_/);
    expect(luck()).toBe(1);
  });

  it('computes characteristic DMs as derived data', async () => {
    expect(await t.derived('pilot')).toMatchObject({
      modifiers: { str: 0, dex: 1, edu: 2, soc: -1 },
    });
  });

  it('rolls a check as 2D6 + DM against 8+, with the Effect', async () => {
    t.forceDice(4, 5);
    const { outcome } = await t
      .player('alice')
      .roll('check', { actorId: 'pilot', args: { characteristic: 'edu' } });
    expect(outcome).toMatchObject({ total: 11, target: 8, effect: 3, data: { success: true } });
  });

  it('adds other DMs and takes another target', async () => {
    t.forceDice(3, 3);
    const { outcome } = await t
      .player('alice')
      .roll('check', { actorId: 'pilot', args: { characteristic: 'int', dm: -1, target: 10 } });
    expect(outcome).toMatchObject({
      total: 6,
      effect: -4,
      critical: null,
      data: { success: false },
    });
  });

  it('makes an Effect of 6 or more an exceptional success', async () => {
    t.forceDice(6, 6);
    const { outcome } = await t
      .player('alice')
      .roll('check', { actorId: 'pilot', args: { characteristic: 'edu' } });
    expect(outcome).toMatchObject({ total: 14, effect: 6, critical: 'success' });
  });

  it('rolls initiative as 2D6 + DEX DM', async () => {
    await t.gm.act('core:start-combat', {});
    await t.gm.act('core:add-combatant', { id: 'c-vera', name: 'Vera', actorId: 'pilot' });
    t.forceDice(3, 4);
    await t.gm.rollInitiative(['c-vera']);
    expect(t.state.combat!.combatants['c-vera']!.initiative).toBeCloseTo(8.09);
  });
});
