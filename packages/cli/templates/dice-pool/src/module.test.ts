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
  const edge = () => (t.state.actors.get('runner')!.data as { edge: { value: number } }).edge.value;

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE], players: ['alice', 'bob'], seed: 1 });
    await t.gm.act('core:create-actor', {
      id: 'runner',
      name: 'Kestrel',
      type: 'character',
      data: {
        attributes: { body: 4, agility: 5, reaction: 4, logic: 3, intuition: 3, willpower: 2 },
        edge: { value: 2, max: 3 },
      },
      ownership: { 'player:alice': 'owner', 'player:bob': 'observer' },
    });
  });
  afterAll(() => t?.close());

  it('lets only those who own a character spend its Edge (bob only observes Kestrel)', async () => {
    const error = await rejectionOf(
      t.player('bob').act('__MODULE_ID__:spend-edge', { actorId: 'runner' }),
    );
    expect(error.code).toMatch(/^VTT_ERR_PERMISSION_/);
    expect(edge()).toBe(2);
  });

  it('spends Edge one point at a time, and refuses when none is left', async () => {
    await t.player('alice').act('__MODULE_ID__:spend-edge', { actorId: 'runner' });
    await t.player('alice').act('__MODULE_ID__:spend-edge', { actorId: 'runner' });
    expect(edge()).toBe(0);
    const error = await rejectionOf(
      t.player('alice').act('__MODULE_ID__:spend-edge', { actorId: 'runner' }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('rolls attribute + extra dice and counts 5s and 6s as hits', async () => {
    t.forceDice(5, 6, 1, 2, 3, 4, 5);
    const { outcome } = await t
      .player('alice')
      .roll('test', { actorId: 'runner', args: { attribute: 'agility', dice: 2, threshold: 2 } });
    expect(outcome).toMatchObject({ successes: 3, glitch: 'none', target: 2, margin: 1 });
  });

  it('glitches on more than half 1s, critically so without a hit', async () => {
    t.forceDice(1, 1, 1, 6, 2);
    const glitch = await t
      .player('alice')
      .roll('test', { actorId: 'runner', args: { attribute: 'agility' } });
    expect(glitch.outcome).toMatchObject({ successes: 1, glitch: 'glitch' });
    t.forceDice(1, 1, 1, 2, 3);
    const critical = await t
      .player('alice')
      .roll('test', { actorId: 'runner', args: { attribute: 'agility' } });
    expect(critical.outcome).toMatchObject({ successes: 0, glitch: 'critical' });
  });

  it('rolls initiative as Reaction + Intuition + 1d6', async () => {
    await t.gm.act('core:start-combat', {});
    await t.gm.act('core:add-combatant', { id: 'c-kestrel', name: 'Kestrel', actorId: 'runner' });
    t.forceDice(4);
    await t.gm.rollInitiative(['c-kestrel']);
    expect(t.state.combat!.combatants['c-kestrel']!.initiative).toBeCloseTo(11.03);
  });
});
