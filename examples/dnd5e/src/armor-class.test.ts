import { readFileSync } from 'node:fs';
import {
  afterAll,
  beforeAll,
  createTestTable,
  describe,
  expect,
  it,
  type TestTable,
} from '@vtt/sdk/testing';
import type { JsonValue } from '@vtt/sdk';
import { abilities, characterData, MODULE_ENTRY, type Derived } from './test-fixtures.js';

const armor = JSON.parse(readFileSync(new URL('../packs/armor.json', import.meta.url), 'utf8')) as {
  id: string;
  name: string;
  data: { [key: string]: JsonValue };
}[];

// Each character: STR 14, DEX 18 (+4), speed 30.
describe('armor class from the armor and shield a character wears', () => {
  let t: TestTable;
  const derived = async (id: string) => (await t.derived(id)) as unknown as Derived;
  /** A character `id` wearing the SRD armor `worn` (pack ids), each equipped. */
  const wearing = async (
    id: string,
    worn: readonly string[],
    data: Record<string, unknown> = {},
  ) => {
    await t.gm.act('core:create-actor', {
      id,
      name: id,
      type: 'character',
      ownership: { 'player:alice': 'owner' },
      data: characterData({ abilities: abilities([14, 18, 12, 10, 10, 10]), ...data }),
    });
    for (const entry of worn) {
      const srd = armor.find((a) => a.id === entry)!;
      await t.gm.createItem({
        id: `${id}-${entry}`,
        name: srd.name,
        type: 'armor',
        actorId: id,
        data: { ...srd.data, equipped: true },
      });
    }
  };

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 11 });
    await wearing('bare', []);
    await wearing('light', ['studded-leather']);
    await wearing('medium', ['half-plate']);
    await wearing('heavy', ['chain-mail', 'shield']);
    await wearing('weak', ['plate']);
    await wearing('fixed', ['shield'], { ac: 15 });
  });
  afterAll(() => t.close());

  it('unarmored: 10 + DEX', async () => {
    expect((await derived('bare')).ac).toBe(14);
  });

  it('light armor adds all of DEX, medium at most +2, heavy none; a shield adds 2', async () => {
    expect((await derived('light')).ac).toBe(12 + 4);
    expect((await derived('medium')).ac).toBe(15 + 2);
    expect(await derived('heavy')).toMatchObject({
      ac: 16 + 2,
      armor: { worn: 'Chain Mail', shield: 'Shield', tooHeavy: false },
    });
  });

  it('armor taken off stops counting', async () => {
    await t.player('alice').act('core:update-item', {
      itemId: 'heavy-shield',
      patch: { data: { ...armor.find((a) => a.id === 'shield')!.data, equipped: false } },
    });
    expect((await derived('heavy')).ac).toBe(16);
  });

  it('a fixed data.ac replaces the armor part; the shield still adds', async () => {
    expect((await derived('fixed')).ac).toBe(17);
  });

  it('armor heavier than STR allows costs 10 feet of speed', async () => {
    expect(await derived('weak')).toMatchObject({ ac: 18, speed: 20, armor: { tooHeavy: true } });
    expect((await derived('heavy')).speed).toBe(30); // chain mail needs STR 13
  });

  it('noisy armor gives disadvantage on Stealth checks, not on other skills', async () => {
    t.forceDice(15, 4);
    const stealth = await t
      .player('alice')
      .roll('skill-check', { actorId: 'medium', args: { skill: 'stealth' } });
    expect(stealth.outcome.data).toMatchObject({
      natural: 4,
      mode: 'disadvantage',
      because: ['Half Plate: disadvantage'],
    });
    t.forceDice(15);
    const light = await t
      .player('alice')
      .roll('skill-check', { actorId: 'light', args: { skill: 'stealth' } });
    expect(light.outcome.data).toMatchObject({ natural: 15, mode: 'normal' });
    t.forceDice(15);
    const acrobatics = await t
      .player('alice')
      .roll('skill-check', { actorId: 'medium', args: { skill: 'acrobatics' } });
    expect(acrobatics.outcome.data).toMatchObject({ mode: 'normal' });
  });

  it('adds up the weight of what a character carries against STR x 15', async () => {
    expect((await derived('heavy')).carried).toEqual({
      weight: 55 + 6,
      capacity: 210,
      over: false,
    });
    expect((await derived('bare')).carried).toEqual({ weight: 0, capacity: 210, over: false });
  });
});
