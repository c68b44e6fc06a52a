import { readFileSync } from 'node:fs';
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
import { abilities, characterData, MODULE_ENTRY, type Derived } from './test-fixtures.js';

const ORDER = ['str', 'dex', 'con', 'int', 'wis', 'cha'] as const;

describe('abilities, proficiency, skills and saves', () => {
  let t: TestTable;
  const derived = async (id: string) => (await t.derived(id)) as unknown as Derived;

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 11 });
    await t.gm.act('core:create-actor', {
      id: 'rogue',
      name: 'Vex',
      type: 'character',
      ownership: { 'player:alice': 'owner' },
      data: characterData({
        level: 5,
        class: 'Rogue',
        abilities: abilities([10, 16, 12, 13, 12, 14], ['dex', 'int']),
        skills: { stealth: 'expertise', perception: 'proficient' },
      }),
    });
  });
  afterAll(() => t.close());

  it('turns scores into modifiers: 1 is -5, 8 is -1, 10 and 11 are 0, 15 is +2, 30 is +10', async () => {
    await t.gm.act('core:create-actor', {
      id: 'scores',
      name: 'Scores',
      type: 'character',
      data: characterData({ abilities: abilities([1, 8, 10, 11, 15, 30]) }),
    });
    const d = await derived('scores');
    expect(ORDER.map((a) => d.abilities[a]?.mod)).toEqual([-5, -1, 0, 0, 2, 10]);
  });

  it('gives the proficiency bonus of the level table, +2 at 1st level to +6 at 20th', async () => {
    const bonuses = [];
    for (let level = 1; level <= 20; level++) {
      await t.gm.act('core:update-actor', {
        actorId: 'scores',
        patch: { data: characterData({ level }) },
      });
      bonuses.push((await derived('scores')).proficiencyBonus);
    }
    expect(bonuses).toEqual([2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6]);
  });

  it('adds proficiency to proficient skills and saves, twice with expertise', async () => {
    const d = await derived('rogue');
    expect(d.proficiencyBonus).toBe(3);
    expect(d.skills['stealth']).toBe(3 + 2 * 3);
    expect(d.skills['perception']).toBe(1 + 3);
    expect(d.skills['acrobatics']).toBe(3);
    expect(d.abilities['dex']?.save).toBe(6);
    expect(d.abilities['str']?.save).toBe(0);
    expect(d.passivePerception).toBe(14);
  });

  it('rolls a skill check with expertise against a DC', async () => {
    t.forceDice(10);
    const { outcome } = await t
      .player('alice')
      .roll('skill-check', { actorId: 'rogue', args: { skill: 'stealth', dc: 20 } });
    expect(outcome).toMatchObject({ total: 19, target: 20, margin: -1 });
    expect(outcome.data).toMatchObject({ natural: 10, success: false });
  });

  it('takes the higher of two d20s with advantage and the lower with disadvantage', async () => {
    const save = (mode: string) =>
      t.player('alice').roll('saving-throw', { actorId: 'rogue', args: { ability: 'dex', mode } });
    t.forceDice(4, 17);
    expect((await save('advantage')).outcome).toMatchObject({ total: 23, data: { natural: 17 } });
    t.forceDice(4, 17);
    expect((await save('disadvantage')).outcome).toMatchObject({ total: 10, data: { natural: 4 } });
    t.forceDice(4);
    expect((await save('normal')).outcome).toMatchObject({ total: 10, data: { natural: 4 } });
  });

  it('lets only owners and GMs roll for an actor', async () => {
    await t.gm.act('core:create-actor', {
      id: 'ally',
      name: 'Ally',
      type: 'character',
      ownership: { 'player:alice': 'observer' },
      data: characterData(),
    });
    const error = await rejectionOf(
      t.player('alice').roll('ability-check', { actorId: 'ally', args: { ability: 'str' } }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(error.params['reason']).toBe('only owners of Ally roll for it');
  });

  it('refuses a check of an ability that does not exist', async () => {
    const error = await rejectionOf(
      t.player('alice').roll('ability-check', { actorId: 'rogue', args: { ability: 'luck' } }),
    );
    // The roll's args schema names the abilities: the host refuses before the rules run.
    expect(error.code).toBe('VTT_ERR_ACTION_INVALID');
    expect(error.params['pointer']).toBe('/args/ability');
  });

  it('reads the goblin of the compendium as its SRD stat block', async () => {
    const pack = JSON.parse(
      readFileSync(new URL('../packs/monsters.json', import.meta.url), 'utf8'),
    ) as { id: string; name: string; data: Record<string, unknown> }[];
    const goblin = pack.find((entry) => entry.id === 'goblin')!;
    await t.gm.act('core:create-actor', {
      id: 'goblin',
      name: goblin.name,
      type: 'npc',
      data: goblin.data,
    });
    const d = await derived('goblin');
    expect(d).toMatchObject({ proficiencyBonus: 2, passivePerception: 9, xp: 50 });
    expect(d.skills['stealth']).toBe(6);
    expect(d.attacks).toEqual([
      { name: 'Scimitar', toHit: 4, damage: '1d6[slashing] + 2' },
      { name: 'Shortbow', toHit: 4, damage: '1d6[piercing] + 2' },
    ]);
  });

  it("/save rolls a saving throw for the speaker's character and posts the result", async () => {
    t.forceDice(9);
    await t.player('alice').chat('/save dex 15');
    const message = t.state.chat[t.state.chat.length - 1]!;
    expect(message.author).toBe('player:alice');
    expect(message.text).toBe('Vex: Dexterity saving throw: 15 vs DC 15: success');
    expect(message.flags['dnd5e']).toMatchObject({ outcome: { total: 15, target: 15 } });
    const error = await rejectionOf(t.player('alice').chat('/save luck 15'));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('/save rolls for the actor chosen as speaker in the chat box', async () => {
    t.forceDice(11);
    await t.gm.chat('/save con 12', { speaker: 'goblin' });
    expect(t.state.chat.at(-1)!.text).toBe(
      'Goblin: Constitution saving throw: 11 vs DC 12: failure',
    );
  });

  it('/save @name rolls for a named actor the speaker owns (the GM owns the goblin)', async () => {
    t.forceDice(11);
    await t.gm.chat('/save con 12 @goblin');
    expect(t.state.chat.at(-1)!.text).toBe(
      'Goblin: Constitution saving throw: 11 vs DC 12: failure',
    );
    const error = await rejectionOf(t.player('alice').chat('/save con 12 @goblin'));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });
});
