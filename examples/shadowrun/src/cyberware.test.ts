import { afterAll, beforeAll, describe, expect, it, type TestTable } from '@vtt/sdk/testing';
import { blanks, give, RAZOR_DATA, startTable } from './test-support.js';

type Derived = {
  attributes: Record<string, number>;
  capped: string[];
  essence: number;
  initiative: { base: number; dice: number };
};

describe('cyberware', () => {
  let t: TestTable;
  const derived = async (id = 'razor') => (await t.derived(id)) as Derived;
  const setGrade = (itemId: string, grade: string) =>
    t.player('alice').act('core:update-item', {
      itemId,
      patch: { data: { ...(t.state.items.get(itemId)!.data as object), grade } },
    });
  const remove = async (...itemIds: string[]) => {
    for (const itemId of itemIds) await t.gm.act('core:delete-item', { itemId });
  };

  beforeAll(async () => {
    t = await startTable(23);
    // Mara, an awakened runner: natural Magic 5, no implants yet.
    await t.gm.act('core:create-actor', {
      id: 'mara',
      name: 'Mara',
      type: 'runner',
      data: {
        ...RAZOR_DATA,
        metatype: 'elf',
        attributes: { ...RAZOR_DATA.attributes, magic: 5 },
        skills: { spellcasting: { rating: 4 } },
      },
      ownership: { 'player:alice': 'owner' },
    });
  });
  afterAll(() => t.close());

  it('raises attributes, and the rolls that use them, with cyberware', async () => {
    await give(t, 'cyberware', 'muscle-replacement-2', 'razor', 'muscles');
    expect(await derived()).toMatchObject({
      attributes: { agility: 8, strength: 6, body: 5 },
      capped: [],
      essence: 3.5, // 6 - 0.5 (accelerator) - 2
    });
    // Augmented Agility 8 + Pistols 5 = 13 dice; Physical limit ceil((12 + 5 + 6) / 3) = 8.
    t.forceDice(...blanks(13));
    const { outcome } = await t.player('alice').roll('test', {
      actorId: 'razor',
      args: { skill: 'pistols' },
    });
    expect(outcome.data).toMatchObject({ pool: 13, limit: 8, parts: { attribute: 8 } });
    await remove('muscles');
  });

  it('caps augmentations at +4, and says which attributes were capped', async () => {
    await give(t, 'cyberware', 'muscle-replacement-4', 'razor', 'muscles-4');
    await give(t, 'cyberware', 'muscle-replacement-2', 'razor', 'muscles-2');
    // +6 Agility and Strength: Agility 6 + 4 = 10, Strength 4 + 4 = 8.
    expect(await derived()).toMatchObject({
      attributes: { agility: 10, strength: 8 },
      capped: ['agility', 'strength'],
    });
    t.forceDice(...blanks(15));
    const { outcome } = await t.player('alice').roll('test', {
      actorId: 'razor',
      args: { skill: 'pistols' },
    });
    expect(outcome.data).toMatchObject({ pool: 15 });
    await remove('muscles-2');
    expect(await derived()).toMatchObject({ attributes: { agility: 10 }, capped: [] });
    await remove('muscles-4');
  });

  it("prices an implant's Essence by its grade", async () => {
    await give(t, 'cyberware', 'wired-reflexes-1', 'razor', 'wired');
    const essence = async () => (await derived()).essence;
    expect(await essence()).toBe(3.5); // 6 - 0.5 - 2
    await setGrade('wired', 'alpha');
    expect(await essence()).toBe(3.9); // 2 x 0.8
    await setGrade('wired', 'beta');
    expect(await essence()).toBe(4.1); // 2 x 0.7
    await setGrade('wired', 'delta');
    expect(await essence()).toBe(4.5); // 2 x 0.5
    await setGrade('accelerator', 'delta');
    expect(await essence()).toBe(4.75); // 0.5 x 0.5 + 2 x 0.5
    await setGrade('accelerator', 'standard');
    await remove('wired');
  });

  it('takes a point of Magic for every started point of Essence an awakened runner loses', async () => {
    expect(await derived('mara')).toMatchObject({ essence: 6, attributes: { magic: 5 } });
    await give(t, 'cyberware', 'datajack', 'mara', 'jack');
    expect(await derived('mara')).toMatchObject({ essence: 5.9, attributes: { magic: 4 } });
    await give(t, 'cyberware', 'cybereyes-2', 'mara', 'eyes');
    expect(await derived('mara')).toMatchObject({ essence: 5.6, attributes: { magic: 4 } });
    await give(t, 'cyberware', 'wired-reflexes-1', 'mara', 'mara-wired');
    await setGrade('mara-wired', 'alpha');
    expect(await derived('mara')).toMatchObject({ essence: 4, attributes: { magic: 3 } });
    // Spellcasting 4 + Magic 3.
    t.forceDice(...blanks(7));
    const { outcome } = await t.player('alice').roll('test', {
      actorId: 'mara',
      args: { skill: 'spellcasting' },
    });
    expect(outcome.data).toMatchObject({ pool: 7, parts: { attribute: 3 } });
    // A mundane runner has no Magic to lose.
    expect(await derived()).toMatchObject({ essence: 5.5, attributes: { magic: 0 } });
  });

  it('adds initiative dice from wired reflexes, never more than 5', async () => {
    await give(t, 'cyberware', 'wired-reflexes-2', 'razor', 'wired-2');
    // Reaction 5 + 1 (accelerator) + 2 = 8; dice 1 + 1 + 2 = 4.
    expect(await derived()).toMatchObject({
      attributes: { reaction: 8 },
      initiative: { base: 13, dice: 4 },
    });
    await t.gm.act('core:start-combat', { sceneId: 'street' });
    await t.gm.act('core:add-combatant', { id: 'c-razor', actorId: 'razor', name: 'Razor' });
    t.forceDice(6, 6, 6, 6);
    await t.player('alice').rollInitiative(['c-razor']);
    expect(Math.round(t.state.combat!.combatants['c-razor']!.initiative!)).toBe(13 + 24);

    await give(t, 'cyberware', 'wired-reflexes-3', 'razor', 'wired-3');
    // 1 + 1 + 2 + 3 = 7 dice, capped at 5; Reaction 5 + 6 capped at 5 + 4 = 9.
    expect(await derived()).toMatchObject({
      attributes: { reaction: 9 },
      capped: ['reaction'],
      initiative: { base: 14, dice: 5 },
    });
    t.forceDice(1, 1, 1, 1, 1);
    await t.player('alice').rollInitiative(['c-razor']);
    expect(Math.round(t.state.combat!.combatants['c-razor']!.initiative!)).toBe(14 + 5);
    await t.gm.act('core:end-combat', {});
    await remove('wired-2', 'wired-3');
  });
});
