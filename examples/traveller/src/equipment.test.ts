import {
  afterAll,
  beforeAll,
  createdId,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { VANCE, VANCE_GEAR, createCharacter, travellerTable } from './test-helpers.js';

const damageOf = (t: TestTable, id: string) =>
  (t.state.actors.get(id)!.data as { damage?: Record<string, number> }).damage;

describe('attacks from weapon items', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await travellerTable(41);
    await createCharacter(t, {
      id: 'vance',
      name: 'Vance',
      data: { ...VANCE, skills: { ...VANCE.skills, 'gun-combat-slug': 3 } },
      items: VANCE_GEAR,
      owner: 'alice',
    });
    await t.gm.createItem({
      id: 'carbine',
      name: 'Flechette Carbine',
      type: 'weapon',
      actorId: 'vance',
      data: { damage: '3D6', skill: 'gun-combat', range: 'assault', traits: { auto: 2 } },
    });
  });
  afterAll(() => t.close());

  it('rolls 2D + skill + DEX DM against 8 and, on a hit, the item`s dice + Effect', async () => {
    t.forceDice(5, 4, 3, 3);
    const { outcome } = await t.player('alice').roll('attack', {
      actorId: 'vance',
      args: { itemId: 'vance-pistol' },
    });
    // 9 + DEX 1 + Gun Combat 2 = 12 against 8+: Effect 4; damage 3 + 3 + 4.
    expect(outcome).toMatchObject({ total: 12, target: 8, effect: 4 });
    expect(outcome.data).toMatchObject({
      hit: true,
      itemId: 'vance-pistol',
      weapon: 'Needle Pistol',
      damage: '2D6',
      ap: 0,
      damageRoll: { rolled: 6, effect: 4, auto: 0, total: 10 },
    });
    expect(outcome.rolls).toHaveLength(2);
    expect(outcome.label).toBe(
      'Vance: Needle Pistol: Gun Combat (DEX) 8+, success, Effect +4; 10 damage',
    );
  });

  it('rolls no damage on a miss', async () => {
    t.forceDice(1, 2);
    const { outcome } = await t.player('alice').roll('attack', {
      actorId: 'vance',
      args: { weapon: 'needle pistol' },
    });
    expect(outcome).toMatchObject({ total: 6, effect: -2 }); // 3 + DEX 1 + Gun Combat 2
    expect(outcome.data).toMatchObject({ hit: false, damageRoll: null });
    expect(outcome.rolls).toHaveLength(1);
  });

  it('uses the speciality`s own level when the character has it', async () => {
    await t.gm.act('core:update-item', {
      itemId: 'vance-pistol',
      patch: { data: { damage: '2D6', skill: 'gun-combat', speciality: 'slug', range: 'pistol' } },
    });
    t.forceDice(3, 3, 1, 1);
    const { outcome } = await t.player('alice').roll('attack', {
      actorId: 'vance',
      args: { itemId: 'vance-pistol' },
    });
    // 6 + DEX 1 + Gun Combat (slug) 3 = 10: Effect 2, damage 2 + 2.
    expect(outcome).toMatchObject({ total: 10, effect: 2, data: { skill: 'gun-combat-slug' } });
    expect(outcome.data).toMatchObject({ damageRoll: { total: 4 } });
    expect(outcome.label).toContain('Gun Combat (slug), DEX');
  });

  it('adds Auto n to the damage of a burst, and refuses a burst without Auto', async () => {
    t.forceDice(4, 4, 1, 1, 1);
    const { outcome } = await t.player('alice').roll('attack', {
      actorId: 'vance',
      args: { itemId: 'carbine', burst: true },
    });
    // 8 + 1 + 2 = 11: Effect 3; damage 3 + 3 + Auto 2.
    expect(outcome.data).toMatchObject({ damageRoll: { rolled: 3, effect: 3, auto: 2, total: 8 } });
    const error = await rejectionOf(
      t.player('alice').roll('attack', {
        actorId: 'vance',
        args: { itemId: 'vance-pistol', burst: true },
      }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('refuses a weapon the character does not carry', async () => {
    const error = await rejectionOf(
      t.player('alice').roll('attack', { actorId: 'vance', args: { weapon: 'Coil Rifle' } }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });
});

describe('worn armour items against damage', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await travellerTable(42);
    await createCharacter(t, {
      id: 'vance',
      name: 'Vance',
      data: VANCE,
      items: VANCE_GEAR,
      owner: 'alice',
    });
    await createCharacter(t, {
      id: 'thug',
      name: 'Thug',
      type: 'npc',
      data: { characteristics: { str: 8, dex: 7, end: 9, int: 6, edu: 5, soc: 4 } },
      items: [
        { id: 'thug-vest', name: 'Mesh Vest', type: 'armour', data: { protection: 5, worn: true } },
        {
          id: 'thug-plate',
          name: 'Ceramic Plate Harness',
          type: 'armour',
          data: { protection: 10, worn: false },
        },
      ],
    });
  });
  afterAll(() => t.close());

  it('stops the worn armour`s protection and ignores armour that is not worn', async () => {
    expect(await t.derived('thug')).toMatchObject({
      armour: { protection: 5, worn: ['Mesh Vest'], skillDm: 0 },
    });
    await t.gm.act('traveller:apply-damage', { actorId: 'thug', amount: 7 });
    expect(damageOf(t, 'thug')).toEqual({ str: 0, dex: 0, end: 2 });
    expect(t.state.chat.at(-1)!.text).toBe('Thug takes 2 damage (armour stopped 5): END -2.');
  });

  it('lets Armour Piercing reduce the protection', async () => {
    await t.gm.act('traveller:apply-damage', { actorId: 'thug', amount: 7, armourPiercing: 2 });
    expect(damageOf(t, 'thug')).toEqual({ str: 0, dex: 0, end: 6 });
    await t.gm.act('traveller:apply-damage', { actorId: 'thug', amount: 3, armourPiercing: 9 });
    expect(damageOf(t, 'thug')).toEqual({ str: 0, dex: 0, end: 9 });
  });

  it('protects with the best worn armour once it is put on, and not at all when none is', async () => {
    await t.gm.act('core:update-item', {
      itemId: 'thug-plate',
      patch: { data: { protection: 10, worn: true } },
    });
    expect(await t.derived('thug')).toMatchObject({ armour: { protection: 10 } });
    await t.gm.act('traveller:apply-damage', { actorId: 'thug', amount: 12, then: 'str' });
    expect(damageOf(t, 'thug')).toEqual({ str: 2, dex: 0, end: 9 });
    await t.gm.act('core:update-item', {
      itemId: 'thug-plate',
      patch: { data: { protection: 10, worn: false } },
    });
    await t.gm.act('core:update-item', {
      itemId: 'thug-vest',
      patch: { data: { protection: 5, worn: false } },
    });
    await t.gm.act('traveller:apply-damage', { actorId: 'thug', amount: 1, then: 'str' });
    expect(damageOf(t, 'thug')).toEqual({ str: 3, dex: 0, end: 9 });
  });

  it('carries an attack from an imported weapon with AP through to the target`s armour', async () => {
    const laser = await t.player('alice').act('core:import-compendium', {
      module: 'traveller',
      pack: 'weapons',
      entry: 'pulse-pistol',
      actorId: 'vance',
    });
    const laserId = createdId(laser, 'core:item-created');
    await createCharacter(t, {
      id: 'guard',
      name: 'Guard',
      type: 'npc',
      data: { characteristics: { str: 7, dex: 7, end: 10, int: 7, edu: 7, soc: 7 } },
      items: [
        {
          id: 'guard-vest',
          name: 'Mesh Vest',
          type: 'armour',
          data: { protection: 5, worn: true },
        },
      ],
    });
    t.forceDice(4, 4, 2, 2, 2);
    const { outcome } = await t.player('alice').roll('attack', {
      actorId: 'vance',
      args: { itemId: laserId },
    });
    // 8 + 1 + 2 = 11: Effect 3; 3D6 2 + 2 + 2 + 3 = 9, AP 2.
    const data = outcome.data as { ap: number; damageRoll: { total: number } };
    expect(data).toMatchObject({ ap: 2, damageRoll: { total: 9 } });
    await t.gm.act('traveller:apply-damage', {
      actorId: 'guard',
      amount: data.damageRoll.total,
      armourPiercing: data.ap,
    });
    // The vest's 5 less AP 2 stops 3 of 9.
    expect(damageOf(t, 'guard')).toEqual({ str: 0, dex: 0, end: 6 });
  });

  it('gives DM -1 on checks in armour that needs a skill the wearer lacks', async () => {
    const shell = await t.player('alice').act('core:import-compendium', {
      module: 'traveller',
      pack: 'armour',
      entry: 'vacc-shell',
      actorId: 'vance',
    });
    const shellId = createdId(shell, 'core:item-created');
    await t.player('alice').act('core:update-item', {
      itemId: shellId,
      patch: { data: { protection: 8, worn: true, requiredSkill: 'vacc-suit', sealed: true } },
    });
    t.forceDice(4, 4);
    const lacking = await t.player('alice').roll('check', {
      actorId: 'vance',
      args: { skill: 'gun-combat' },
    });
    expect(lacking.outcome).toMatchObject({ total: 8 + 1 + 2 - 1, data: { dms: { armour: -1 } } });
    await t.player('alice').act('core:update-actor', {
      actorId: 'vance',
      patch: { data: { ...VANCE, skills: { ...VANCE.skills, 'vacc-suit': 0 } } },
    });
    t.forceDice(4, 4);
    const trained = await t.player('alice').roll('check', {
      actorId: 'vance',
      args: { skill: 'gun-combat' },
    });
    expect(trained.outcome).toMatchObject({ total: 11, data: { dms: { armour: 0 } } });
    expect(await t.derived('vance')).toMatchObject({
      armour: { protection: 8, worn: ['Mesh Vest', 'Sealed Vacc Shell'] },
    });
  });
});
