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
import type { JsonValue } from '@vtt/sdk';
import {
  abilities,
  characterData,
  LONGSWORD,
  MODULE_ENTRY,
  type Derived,
} from './test-fixtures.js';

const pack = (name: string) =>
  JSON.parse(readFileSync(new URL(`../packs/${name}.json`, import.meta.url), 'utf8')) as {
    id: string;
    name: string;
    data: { [key: string]: JsonValue };
  }[];
const srd = (name: string, id: string) => pack(name).find((entry) => entry.id === id)!;

// Vex: a level 5 rogue (proficiency +3), STR 10, DEX 18, proficient with
// simple weapons and rapiers, not with longbows or greataxes.
describe('weapon attacks from the weapon items an actor owns', () => {
  let t: TestTable;
  const alice = () => t.player('alice');
  const attack = (args: { [key: string]: JsonValue }, actorId = 'vex') =>
    alice().roll('attack', { actorId, args });
  const give = (
    id: string,
    entry: { name: string; data: { [key: string]: JsonValue } },
    actorId = 'vex',
  ) => t.gm.createItem({ id, name: entry.name, type: 'weapon', actorId, data: entry.data });

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice', 'bob'], seed: 7 });
    await t.gm.act('core:create-actor', {
      id: 'vex',
      name: 'Vex',
      type: 'character',
      ownership: { 'player:alice': 'owner' },
      data: characterData({
        level: 5,
        class: 'Rogue',
        abilities: abilities([10, 18, 12, 10, 10, 10]),
        weaponProficiencies: ['simple', 'Rapier', 'shortsword'],
      }),
    });
    await t.gm.act('core:create-actor', {
      id: 'brann',
      name: 'Brann',
      type: 'character',
      ownership: { 'player:bob': 'owner' },
      data: characterData(),
    });
    await give('rapier', srd('weapons', 'rapier'));
    await give('longbow', srd('weapons', 'longbow'));
    await give('greataxe', srd('weapons', 'greataxe'));
    await give('flame-dagger', {
      name: '+2 Dagger',
      data: { ...srd('weapons', 'dagger').data, magic: 2 },
    });
    await give('brann-sword', { name: 'Longsword', data: LONGSWORD }, 'brann');
    await give(
      'brann-hammer',
      { name: 'Warhammer', data: srd('weapons', 'warhammer').data },
      'brann',
    );
  });
  afterAll(() => t.close());

  it('a finesse weapon uses the higher of STR and DEX, plus proficiency', async () => {
    t.forceDice(10, 6);
    const { outcome } = await attack({ itemId: 'rapier', targetAc: 15, damage: true });
    expect(outcome).toMatchObject({ label: 'Vex: Rapier', total: 10 + 4 + 3 });
    expect(outcome.data).toMatchObject({
      itemId: 'rapier',
      ability: 'dex',
      proficient: true,
      hit: true,
      damage: { formula: '1d8[piercing] + 4', total: 10, byType: { piercing: 10 } },
    });
  });

  it('a ranged weapon uses DEX; without proficiency there is no proficiency bonus', async () => {
    t.forceDice(10);
    const bow = await attack({ itemId: 'longbow' });
    expect(bow.outcome).toMatchObject({ total: 10 + 4 });
    expect(bow.outcome.data).toMatchObject({ ability: 'dex', proficient: false, bonus: 4 });
    t.forceDice(10);
    const axe = await attack({ itemId: 'greataxe' });
    expect(axe.outcome.data).toMatchObject({ ability: 'str', proficient: false, bonus: 0 });
  });

  it("the item's own proficient flag switches proficiency on and off", async () => {
    await alice().act('core:update-item', {
      itemId: 'longbow',
      patch: { data: { ...srd('weapons', 'longbow').data, proficient: true } },
    });
    t.forceDice(10);
    expect((await attack({ itemId: 'longbow' })).outcome.data).toMatchObject({ bonus: 4 + 3 });
    await alice().act('core:update-item', {
      itemId: 'rapier',
      patch: { data: { ...srd('weapons', 'rapier').data, proficient: false } },
    });
    t.forceDice(10);
    expect((await attack({ itemId: 'rapier' })).outcome.data).toMatchObject({ bonus: 4 });
  });

  it('a critical hit doubles the weapon dice, not the ability or magic bonus', async () => {
    t.forceDice(20, 3, 4);
    const { outcome } = await attack({ itemId: 'flame-dagger', targetAc: 30, damage: true });
    expect(outcome.critical).toBe('success');
    expect(outcome.data).toMatchObject({
      bonus: 4 + 3 + 2,
      damage: { formula: '2d4[piercing] + 6', total: 3 + 4 + 6 },
    });
  });

  it('a versatile weapon rolls its two-handed damage, not with a shield in hand', async () => {
    t.forceDice(10, 9);
    const bob = t.player('bob');
    const { outcome } = await bob.roll('attack', {
      actorId: 'brann',
      args: { itemId: 'brann-sword', twoHanded: true, targetAc: 10, damage: true },
    });
    expect(outcome.data).toMatchObject({
      twoHanded: true,
      damage: { formula: '1d10[slashing] + 3', total: 12 },
    });
    const notVersatile = await rejectionOf(
      alice().roll('attack', { actorId: 'vex', args: { itemId: 'rapier', twoHanded: true } }),
    );
    expect(notVersatile.code).toBe('VTT_ERR_MODULE_REJECTED');
    await t.gm.createItem({
      id: 'brann-shield',
      name: 'Shield',
      type: 'armor',
      actorId: 'brann',
      data: { ...srd('armor', 'shield').data, equipped: true },
    });
    const shielded = await rejectionOf(
      bob.roll('attack', { actorId: 'brann', args: { itemId: 'brann-sword', twoHanded: true } }),
    );
    expect(shielded.params['reason']).toBe(
      'Brann carries a shield: a two-handed grip needs both hands',
    );
  });

  it("refuses another player's item, even for the player's own character", async () => {
    const error = await rejectionOf(attack({ itemId: 'brann-sword' }));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(error.params['reason']).toBe('Vex has no item brann-sword');
    // Brann is Bob's alone: to Alice the host answers as if it did not exist.
    const theirs = await rejectionOf(attack({ itemId: 'brann-sword' }, 'brann'));
    expect(theirs.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('finds a weapon item by name too, and rolls its damage alone', async () => {
    t.forceDice(12);
    const { outcome } = await attack({ attack: 'Rapier' });
    expect(outcome.data).toMatchObject({ itemId: 'rapier', natural: 12 });
    t.forceDice(5);
    const damage = await alice().roll('damage', { actorId: 'vex', args: { itemId: 'rapier' } });
    expect(damage.outcome).toMatchObject({ label: 'Vex: Rapier damage', total: 9 });
  });

  it("the sheet's weapon list rolls an attack with the row's item id", async () => {
    const sheet = JSON.stringify(
      JSON.parse(readFileSync(new URL('../sheets/character.json', import.meta.url), 'utf8')),
    );
    const node = /\{"kind":"items","id":"weapons".*?"rolls":(\[.*?\])\}/.exec(sheet);
    const button = (JSON.parse(node![1]!) as { roll: string; args?: object }[])[0]!;
    t.forceDice(15, 2);
    const { outcome } = await alice().roll(button.roll, {
      actorId: 'vex',
      args: { ...button.args, itemId: 'rapier' },
    });
    expect(outcome.data).toMatchObject({ itemId: 'rapier', damage: { total: 2 + 4 } });
  });

  it('derives each weapon item’s attack bonus and damage for the sheet', async () => {
    const d = (await t.derived('brann')) as unknown as Derived;
    expect(d.attacks).toEqual([
      {
        name: 'Longsword',
        itemId: 'brann-sword',
        toHit: 5,
        damage: '1d8[slashing] + 3',
        versatile: '1d10[slashing] + 3',
      },
      {
        name: 'Warhammer',
        itemId: 'brann-hammer',
        toHit: 5,
        damage: '1d8[bludgeoning] + 3',
        versatile: '1d10[bludgeoning] + 3',
      },
    ]);
  });

  it('a goblin imported from the compendium attacks with its embedded weapon items', async () => {
    await t.gm.act('core:import-compendium', {
      module: 'dnd5e',
      pack: 'srd-monsters',
      entry: 'goblin',
      id: 'goblin',
    });
    const items = t.items('goblin');
    expect(items.map((i) => i.name)).toEqual(['Scimitar', 'Shortbow']);
    t.forceDice(11);
    const byName = await t.gm.roll('attack', { actorId: 'goblin', args: { attack: 'Shortbow' } });
    expect(byName.outcome).toMatchObject({ total: 11 + 4 });
    expect(byName.outcome.data).toMatchObject({ itemId: items[1]!.id, ability: 'dex' });
  });

  it("a stat block's flat to-hit stays flat on its natural weapon item (a specter's Life Drain: +4)", async () => {
    await t.gm.act('core:import-compendium', {
      module: 'dnd5e',
      pack: 'srd-monsters',
      entry: 'specter',
      id: 'specter',
    });
    t.forceDice(10);
    const { outcome } = await t.gm.roll('attack', {
      actorId: 'specter',
      args: { attack: 'Life Drain' },
    });
    expect(outcome).toMatchObject({ total: 14, data: { ability: null, proficient: false } });
    expect((outcome.data as { itemId: string | null }).itemId).not.toBeNull();
  });
});
