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
import { addCreature, dataOf, MODULE_ENTRY, type Derived } from './test-fixtures.js';

// Level 1 fighters (STR 16, DEX 12, CON 14, WIS 10), 12 hit points, speed 30.
describe('exhaustion levels 1 to 6, cumulative, and the long rest', () => {
  let t: TestTable;
  const alice = () => t.player('alice');
  const derived = async (id: string) => (await t.derived(id)) as unknown as Derived;
  /** A fighter `id` at exhaustion `level`, raised one level at a time as a player would. */
  const exhausted = async (id: string, level: number, data: Record<string, unknown> = {}) => {
    await addCreature(t, { id, data });
    for (let i = 0; i < level; i++) {
      await alice().act('dnd5e:apply-condition', { actorId: id, condition: 'exhaustion' });
    }
    expect(dataOf(t, id).exhaustion).toBe(level);
  };
  /** The mode of a roll expected with disadvantage (two d20s forced). */
  const mode = async (id: string, roll: string, args: Record<string, string>) => {
    t.forceDice(15, 3);
    const { outcome } = await alice().roll(roll, { actorId: id, args });
    return (outcome.data as { mode: string }).mode;
  };

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 13 });
    await exhausted('one', 1);
    await exhausted('two', 2);
    await exhausted('three', 3);
    await exhausted('four', 4, { hp: { value: 12, max: 12, temp: 0 } });
    await exhausted('five', 5, { hp: { value: 12, max: 12, temp: 0 } });
  });
  afterAll(() => t.close());

  it('1: disadvantage on ability checks, skill checks, initiative and passive scores', async () => {
    expect(await mode('one', 'ability-check', { ability: 'str' })).toBe('disadvantage');
    expect(await mode('one', 'skill-check', { skill: 'athletics' })).toBe('disadvantage');
    expect((await derived('one')).passivePerception).toBe(5);
    await t.gm.act('core:start-combat', { sceneId: 'scene' });
    await t.gm.act('core:add-combatant', { id: 'c-one', tokenId: 'tok-one' });
    t.forceDice(15, 3);
    await alice().rollInitiative(['c-one']);
    expect(t.state.combat!.combatants['c-one']!.initiative).toBeCloseTo(3 + 1 + 0.12);
    await t.gm.act('core:end-combat');
  });

  it('1-2: no disadvantage yet on attack rolls or saving throws', async () => {
    t.forceDice(15);
    const save = await alice().roll('saving-throw', { actorId: 'two', args: { ability: 'con' } });
    expect(save.outcome.data).toMatchObject({ natural: 15, mode: 'normal' });
    t.forceDice(15);
    const attack = await alice().roll('attack', { actorId: 'two', args: { attack: 'Longsword' } });
    expect(attack.outcome.data).toMatchObject({ natural: 15, mode: 'normal' });
  });

  it('2: speed halved; 5: speed 0', async () => {
    const speeds = [];
    for (const id of ['one', 'two', 'three', 'four', 'five'])
      speeds.push((await derived(id)).speed);
    expect(speeds).toEqual([30, 15, 15, 15, 0]);
  });

  it('3: disadvantage on attack rolls and saving throws, death saves included', async () => {
    expect(await mode('three', 'attack', { attack: 'Longsword' })).toBe('disadvantage');
    expect(await mode('three', 'saving-throw', { ability: 'con' })).toBe('disadvantage');
    await alice().act('dnd5e:apply-damage', { actorId: 'three', amount: 12 });
    t.forceDice(20, 4);
    const death = await alice().roll('death-save', { actorId: 'three' });
    expect(death.outcome.data).toMatchObject({
      natural: 4,
      mode: 'disadvantage',
      result: 'failure',
    });
  });

  it('4: the hit point maximum is halved; hit points follow it and healing stops there', async () => {
    expect(dataOf(t, 'four').hp).toEqual({ value: 6, max: 12, temp: 0 });
    expect((await derived('four')).hpMax).toBe(6);
    await alice().act('dnd5e:apply-damage', { actorId: 'four', amount: 4 });
    await alice().act('dnd5e:heal', { actorId: 'four', amount: 10 });
    expect(dataOf(t, 'four').hp.value).toBe(6);
    await alice().act('dnd5e:apply-damage', { actorId: 'four', amount: 4 });
    t.forceDice(10); // one d10 hit die + 2: 12, capped at 6
    await alice().act('dnd5e:short-rest', { actorId: 'four', hitDice: 1 });
    expect(dataOf(t, 'four').hp.value).toBe(6);
    expect((await derived('three')).hpMax).toBe(12);
  });

  it('4: instant death counts against the halved maximum', async () => {
    await exhausted('frail', 4, { hp: { value: 12, max: 12, temp: 0 } });
    await alice().act('dnd5e:apply-damage', { actorId: 'frail', amount: 12 }); // 6 HP, 6 left over
    expect(dataOf(t, 'frail').deathSaves).toMatchObject({ dead: true });
    await exhausted('hardy', 3, { hp: { value: 6, max: 12, temp: 0 } });
    await alice().act('dnd5e:apply-damage', { actorId: 'hardy', amount: 12 });
    expect(dataOf(t, 'hardy').deathSaves).toMatchObject({ dead: false });
  });

  it('6: death', async () => {
    await alice().act('dnd5e:apply-condition', { actorId: 'five', condition: 'exhaustion' });
    expect(dataOf(t, 'five')).toMatchObject({
      exhaustion: 6,
      hp: { value: 0 },
      deathSaves: { dead: true },
    });
    const d = await derived('five');
    expect(d.dead).toBe(true);
    expect(d.conditions).not.toContain('unconscious');
    for (const [name, args] of [
      ['attack', { attack: 'Longsword' }],
      ['ability-check', { ability: 'str' }],
      ['saving-throw', { ability: 'con' }],
      ['death-save', {}],
    ] as const) {
      const error = await rejectionOf(alice().roll(name, { actorId: 'five', args }));
      expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    }
    const heal = await rejectionOf(alice().act('dnd5e:heal', { actorId: 'five', amount: 5 }));
    expect(heal.code).toBe('VTT_ERR_MODULE_REJECTED');
    const more = await rejectionOf(
      alice().act('dnd5e:apply-condition', { actorId: 'five', condition: 'exhaustion' }),
    );
    expect(more.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('6: a creature dies too, and its combatant is marked defeated when the GM does it', async () => {
    await addCreature(t, { id: 'ogre', type: 'npc', owner: null, data: { exhaustion: 5 } });
    await t.gm.act('core:start-combat', { sceneId: 'scene' });
    await t.gm.act('core:add-combatant', { id: 'c-ogre', tokenId: 'tok-ogre' });
    await t.gm.act('dnd5e:apply-condition', { actorId: 'ogre', condition: 'exhaustion' });
    expect(dataOf(t, 'ogre')).toMatchObject({ exhaustion: 6, hp: { value: 0 } });
    expect(t.state.combat!.combatants['c-ogre']!.defeated).toBe(true);
    expect((await derived('ogre')).dead).toBe(true);
    await t.gm.act('core:end-combat');
  });

  it('a long rest with food and drink takes one level off and restores the maximum of the new level', async () => {
    await alice().act('dnd5e:long-rest', { actorId: 'four' });
    expect(dataOf(t, 'four')).toMatchObject({ exhaustion: 3, hp: { value: 12, max: 12 } });
    await alice().act('dnd5e:long-rest', { actorId: 'four', fed: false });
    expect(dataOf(t, 'four').exhaustion).toBe(3);
  });

  it('a long rest needs at least 1 hit point at its start', async () => {
    expect(dataOf(t, 'three').hp.value).toBe(0);
    const error = await rejectionOf(alice().act('dnd5e:long-rest', { actorId: 'three' }));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(dataOf(t, 'three').exhaustion).toBe(3);
  });
});
