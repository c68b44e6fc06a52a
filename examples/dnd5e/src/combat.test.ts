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
import { effectsOf } from '@vtt/sdk';
import { abilities, characterData, MODULE_ENTRY, npcData, type Derived } from './test-fixtures.js';

describe('initiative and conditions', () => {
  let t: TestTable;
  const conditions = async (id: string) => ((await t.derived(id)) as unknown as Derived).conditions;
  const poisonedEffect = () => {
    const e = [...effectsOf(t.state).values()].find((x) => x.statuses.includes('dnd5e.poisoned'));
    return e === undefined ? undefined : { target: e.target, label: e.label, ...e.duration };
  };

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 21 });
    await t.gm.act('core:create-scene', { id: 'crypt', name: 'Crypt' });
    const pcs = [
      ['ayla', 'Ayla', 14],
      ['brann', 'Brann', 15],
    ] as const;
    for (const [id, name, dex] of pcs) {
      await t.gm.act('core:create-actor', {
        id,
        name,
        type: 'character',
        ownership: { 'player:alice': 'owner' },
        data: characterData({ abilities: abilities([12, dex, 12, 10, 10, 10]) }),
      });
    }
    await t.gm.act('core:create-actor', {
      id: 'goblin',
      name: 'Goblin',
      type: 'npc',
      data: npcData(),
    });
    await t.gm.act('core:create-actor', {
      id: 'skeleton',
      name: 'Skeleton',
      type: 'npc',
      data: npcData({ conditionImmunities: ['poisoned', 'exhaustion'] }),
    });
    for (const id of ['ayla', 'brann', 'goblin', 'skeleton']) {
      await t.gm.act('core:create-token', {
        id: `tok-${id}`,
        sceneId: 'crypt',
        name: id,
        x: 0,
        y: 0,
        actorId: id,
      });
    }
    await t.gm.act('core:start-combat', { sceneId: 'crypt' });
    for (const id of ['ayla', 'brann', 'goblin']) {
      await t.gm.act('core:add-combatant', { id: `c-${id}`, tokenId: `tok-${id}` });
    }
  });
  afterAll(() => t.close());

  it('rolls d20 + DEX modifier for initiative, and breaks a tie by the higher DEX score', async () => {
    t.forceDice(10, 10, 5);
    await t.gm.rollInitiative(['c-ayla', 'c-brann', 'c-goblin']);
    const combatants = t.state.combat!.combatants;
    expect(combatants['c-ayla']!.initiative).toBeCloseTo(12.14);
    expect(combatants['c-brann']!.initiative).toBeCloseTo(12.15);
    expect(combatants['c-goblin']!.initiative).toBeCloseTo(7.14);
    await t.gm.act('core:next-turn');
    expect(t.state.combat!.turn).toBe('c-brann');
  });

  it('puts a condition with a duration on the actor as a core effect', async () => {
    await t
      .player('alice')
      .act('dnd5e:apply-condition', { actorId: 'ayla', condition: 'poisoned', rounds: 2 });
    expect(poisonedEffect()).toMatchObject({
      target: { collection: 'actors', id: 'ayla' },
      label: 'Poisoned',
      remaining: 2,
      tick: 'turn-end',
    });
    expect(await conditions('ayla')).toEqual(['poisoned']);
  });

  it('gives a poisoned creature disadvantage on ability checks (cancelled by advantage)', async () => {
    t.forceDice(15, 3);
    const poisoned = await t
      .player('alice')
      .roll('ability-check', { actorId: 'ayla', args: { ability: 'str' } });
    expect(poisoned.outcome.data).toMatchObject({ natural: 3, mode: 'disadvantage' });
    t.forceDice(15);
    const both = await t
      .player('alice')
      .roll('ability-check', { actorId: 'ayla', args: { ability: 'str', mode: 'advantage' } });
    expect(both.outcome.data).toMatchObject({ natural: 15, mode: 'normal' });
  });

  it('ends the condition by itself at the end of its second turn, through core:next-turn', async () => {
    const still = [];
    // Brann (turn now) -> Ayla -> Goblin (Ayla's 1st turn ended) -> Brann -> Ayla -> Goblin.
    for (let i = 0; i < 5; i++) {
      await t.gm.act('core:next-turn');
      still.push((poisonedEffect() as { remaining?: number } | undefined)?.remaining ?? 0);
    }
    expect(still).toEqual([2, 1, 1, 1, 0]);
    expect(t.state.combat!.round).toBe(2);
    expect(await conditions('ayla')).toEqual([]);
  });

  it('keeps a condition without a duration as a token status until it is removed', async () => {
    await t.gm.act('dnd5e:apply-condition', { actorId: 'goblin', condition: 'prone' });
    expect(t.state.tokens.get('tok-goblin')!.statuses).toEqual(['prone']);
    t.forceDice(18, 2);
    const attack = await t.gm.roll('attack', { actorId: 'goblin', args: { attack: 'Scimitar' } });
    expect(attack.outcome.data).toMatchObject({ natural: 2, mode: 'disadvantage' });
    await t.gm.act('dnd5e:remove-condition', { actorId: 'goblin', condition: 'prone' });
    expect(t.state.tokens.get('tok-goblin')!.statuses).toEqual([]);
    expect(await conditions('goblin')).toEqual([]);
  });

  it('fails STR and DEX saves automatically while paralyzed', async () => {
    await t.gm.act('dnd5e:apply-condition', { actorId: 'goblin', condition: 'paralyzed' });
    t.forceDice(20);
    const save = await t.gm.roll('saving-throw', {
      actorId: 'goblin',
      args: { ability: 'dex', dc: 10 },
    });
    expect(save.outcome.data).toMatchObject({ natural: 20, success: false, autoFail: true });
    expect(await conditions('goblin')).toEqual(['incapacitated', 'paralyzed']);
  });

  it('refuses a condition the creature is immune to, and one on a monster the player does not own', async () => {
    const immune = await rejectionOf(
      t.gm.act('dnd5e:apply-condition', { actorId: 'skeleton', condition: 'poisoned' }),
    );
    expect(immune.code).toBe('VTT_ERR_MODULE_REJECTED');
    const notOwned = await rejectionOf(
      t.player('alice').act('dnd5e:apply-condition', {
        actorId: 'goblin',
        condition: 'blinded',
        rounds: 1,
      }),
    );
    // Refused as for an actor that does not exist: the player may not see its data.
    expect(notOwned.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(effectsOf(t.state).size).toBe(0);
  });

  it('tracks exhaustion as a level that gives disadvantage on ability checks', async () => {
    await t
      .player('alice')
      .act('dnd5e:apply-condition', { actorId: 'brann', condition: 'exhaustion' });
    expect(t.state.actors.get('brann')!.data).toMatchObject({ exhaustion: 1 });
    t.forceDice(16, 4);
    const check = await t
      .player('alice')
      .roll('ability-check', { actorId: 'brann', args: { ability: 'wis' } });
    expect(check.outcome.data).toMatchObject({ natural: 4 });
    await t
      .player('alice')
      .act('dnd5e:remove-condition', { actorId: 'brann', condition: 'exhaustion' });
    expect(t.state.actors.get('brann')!.data).toMatchObject({ exhaustion: 0 });
  });
});
