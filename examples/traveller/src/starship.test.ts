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
import { MODULE_ENTRY, VANCE, createCharacter } from './test-helpers.js';

/** Beowulf: 200 tons, hull 40, structure 40, armour 2, handling +1, sensors +1, fire control +1. */
const BEOWULF = {
  class: 'Free Trader',
  tons: 200,
  hull: { value: 40, max: 40 },
  structure: { value: 40, max: 40 },
  armour: 2,
  thrust: 1,
  jump: 1,
  power: 60,
  sensorsDm: 1,
  handling: 1,
  fireControl: 1,
  crew: { pilot: 'vance', gunner: 'mara' },
  fuel: { value: 30, max: 40 },
  cargo: { value: 20, max: 82 },
};

const shipData = (t: TestTable, id: string) =>
  t.state.actors.get(id)!.data as {
    hull: { value: number };
    structure: { value: number };
    criticals?: { location: string; effect: number }[];
  };

describe('starships: crew rolls, ship weapons and who may use them', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await createTestTable({
      modules: [MODULE_ENTRY],
      players: ['alice', 'bob', 'carol', 'dave'],
      seed: 51,
    });
    await createCharacter(t, { id: 'vance', name: 'Vance', data: VANCE, owner: 'alice' });
    await createCharacter(t, {
      id: 'mara',
      name: 'Mara',
      owner: 'bob',
      data: {
        characteristics: { str: 9, dex: 6, end: 5, int: 8, edu: 8, soc: 8 },
        skills: { gunner: 1, 'gunner-turret': 2 },
      },
    });
    await t.gm.act('core:create-actor', {
      id: 'beowulf',
      name: 'Beowulf',
      type: 'starship',
      data: BEOWULF,
      ownership: {
        'player:alice': 'observer',
        'player:bob': 'observer',
        'player:carol': 'observer',
      },
    });
    await t.gm.createItem({
      id: 'pulse',
      name: 'Pulse Laser Turret',
      type: 'ship-weapon',
      actorId: 'beowulf',
      data: { damage: '2D6', mount: 'turret', range: 'long' },
    });
    await t.gm.createItem({
      id: 'particle',
      name: 'Particle Barbette',
      type: 'ship-weapon',
      actorId: 'beowulf',
      data: {
        damage: '4D6',
        mount: 'barbette',
        range: 'very-long',
        traits: { ap: 3 },
        gunner: 'vance',
      },
    });
  });
  afterAll(() => t.close());

  it('rolls the pilot`s Pilot + DEX DM + the ship`s handling', async () => {
    t.forceDice(3, 4);
    const { outcome } = await t.player('alice').roll('ship-pilot', { actorId: 'beowulf' });
    // 7 + DEX 1 + Pilot 0 + handling 1 = 9 against 8+.
    expect(outcome).toMatchObject({
      name: 'ship-pilot',
      total: 9,
      effect: 1,
      data: { shipId: 'beowulf', position: 'pilot', crewId: 'vance', skill: 'pilot', shipDm: 1 },
    });
    expect(outcome.label).toBe(
      'Vance: Beowulf helm: Pilot (spacecraft), DEX 8+, success, Effect +1',
    );
  });

  it('rolls sensors with the sensor operator`s INT and the ship`s sensors DM, once someone is there', async () => {
    const empty = await rejectionOf(t.player('bob').roll('ship-sensors', { actorId: 'beowulf' }));
    expect(empty.code).toBe('VTT_ERR_MODULE_REJECTED');
    await t.gm.act('core:update-actor', {
      actorId: 'beowulf',
      patch: { data: { ...BEOWULF, crew: { ...BEOWULF.crew, sensors: 'mara' } } },
    });
    t.forceDice(5, 5);
    const { outcome } = await t.player('bob').roll('ship-sensors', {
      actorId: 'beowulf',
      args: { difficulty: 'difficult' },
    });
    // 10 + INT 0 + Electronics unskilled -3 + sensors 1 = 8 against 10+.
    expect(outcome).toMatchObject({
      total: 8,
      target: 10,
      effect: -2,
      data: { crewId: 'mara', unskilled: true },
    });
  });

  it('makes any crew check with ship-check, and a gunner`s attack on a hit rolls damage + Effect', async () => {
    t.forceDice(4, 4);
    const check = await t.player('bob').roll('ship-check', {
      actorId: 'beowulf',
      args: { position: 'gunner', skill: 'gunner' },
    });
    expect(check.outcome).toMatchObject({ total: 9, data: { crewId: 'mara', shipDm: 0 } });
    t.forceDice(4, 3, 5, 6);
    const { outcome } = await t.player('bob').roll('ship-attack', {
      actorId: 'beowulf',
      args: { itemId: 'pulse' },
    });
    // 7 + DEX 0 + Gunner (turret) 2 + fire control 1 = 10: Effect 2; damage 5 + 6 + 2.
    expect(outcome).toMatchObject({ total: 10, effect: 2 });
    expect(outcome.data).toMatchObject({
      crewId: 'mara',
      skill: 'gunner-turret',
      weapon: 'Pulse Laser Turret',
      hit: true,
      ap: 0,
      damageRoll: { rolled: 11, effect: 2, total: 13 },
    });
    t.forceDice(1, 1);
    const miss = await t.player('bob').roll('ship-attack', {
      actorId: 'beowulf',
      args: { itemId: 'pulse' },
    });
    expect(miss.outcome.data).toMatchObject({ hit: false, damageRoll: null });
  });

  it('lets a weapon`s own gunner fire it, and only that gunner among the players', async () => {
    t.forceDice(6, 6, 1, 1, 1, 1);
    const { outcome } = await t.player('alice').roll('ship-attack', {
      actorId: 'beowulf',
      args: { itemId: 'particle' },
    });
    // 12 + DEX 1 + Gunner unskilled -3 + 1 = 11: Effect 3, 4D6 4 + 3; AP 3.
    expect(outcome.data).toMatchObject({ crewId: 'vance', ap: 3, damageRoll: { total: 7 } });
    const bobs = await rejectionOf(
      t.player('bob').roll('ship-attack', { actorId: 'beowulf', args: { itemId: 'particle' } }),
    );
    expect(bobs.code).toBe('VTT_ERR_MODULE_REJECTED');
    const alices = await rejectionOf(
      t.player('alice').roll('ship-attack', { actorId: 'beowulf', args: { itemId: 'pulse' } }),
    );
    expect(alices.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('refuses a player who neither crews nor owns the ship, and hides it from one who may not see it', async () => {
    const carol = await rejectionOf(t.player('carol').roll('ship-pilot', { actorId: 'beowulf' }));
    expect(carol.code).toBe('VTT_ERR_MODULE_REJECTED');
    const dave = await rejectionOf(t.player('dave').roll('ship-pilot', { actorId: 'beowulf' }));
    expect(dave.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    expect(t.player('dave').view().actors.has('beowulf')).toBe(false);
    expect(t.items('beowulf', 'player:dave')).toEqual([]);
    expect(t.player('carol').view().actors.has('beowulf')).toBe(true);
  });

  it('lets the ship`s owner roll at any position with whoever holds it', async () => {
    await t.gm.act('core:update-actor', {
      actorId: 'beowulf',
      patch: { ownership: { 'player:carol': 'owner' } },
    });
    t.forceDice(2, 2);
    const { outcome } = await t.player('carol').roll('ship-pilot', { actorId: 'beowulf' });
    expect(outcome).toMatchObject({ total: 6, data: { crewId: 'vance' } });
  });

  it('derives jump range on the fuel aboard, free cargo and the weapons mounted', async () => {
    // 200 tons: 20 tons a parsec; 30 tons aboard allow 1 parsec (jump 1).
    expect(await t.derived('beowulf')).toEqual({
      hullBreached: false,
      destroyed: false,
      fuelPerParsec: 20,
      jumpRange: 1,
      cargoFree: 62,
      criticals: 0,
      weapons: 2,
    });
  });
});

describe('traveller:damage-ship: armour, hull, then structure; criticals at Effect 6+', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 52 });
    await t.gm.act('core:create-actor', {
      id: 'corsair',
      name: 'Corsair',
      type: 'starship',
      data: {
        tons: 400,
        hull: { value: 5, max: 160 },
        structure: { value: 10, max: 160 },
        armour: 2,
      },
      ownership: { 'player:alice': 'observer' },
    });
  });
  afterAll(() => t.close());

  it('takes damage less armour from the hull, and what the hull cannot take from the structure', async () => {
    await t.gm.act('traveller:damage-ship', { shipId: 'corsair', amount: 9 });
    expect(shipData(t, 'corsair')).toMatchObject({ hull: { value: 0 }, structure: { value: 8 } });
    expect(t.state.chat.at(-1)!.text).toBe(
      'Corsair takes 7 damage (armour stopped 2): hull -5, structure -2.',
    );
    expect(await t.derived('corsair')).toMatchObject({ hullBreached: true, destroyed: false });
  });

  it('notes a critical hit and where it struck on Effect 6+, with AP reducing the armour', async () => {
    t.forceDice(3, 4);
    await t.gm.act('traveller:damage-ship', {
      shipId: 'corsair',
      amount: 12,
      armourPiercing: 2,
      effect: 6,
    });
    expect(shipData(t, 'corsair')).toMatchObject({
      structure: { value: 0 },
      criticals: [{ location: 'hull', effect: 6 }],
    });
    expect(t.state.chat.at(-1)!.text).toBe(
      'Corsair takes 12 damage: structure -8; critical hit (Effect 6): hull; the ship is destroyed.',
    );
    expect(await t.derived('corsair')).toMatchObject({ destroyed: true, criticals: 1 });
  });

  it('refuses a player who does not own the ship', async () => {
    const before = t.state.actors.get('corsair');
    const error = await rejectionOf(
      t.player('alice').act('traveller:damage-ship', { shipId: 'corsair', amount: 3 }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(t.state.actors.get('corsair')).toBe(before);
  });

  it('imports a starship from the compendium with its weapons', async () => {
    await t.gm.act('core:import-compendium', {
      module: 'traveller',
      pack: 'ships',
      entry: 'far-trader',
      id: 'trader',
    });
    expect(t.items('trader').map((i) => [i.type, i.name])).toEqual([
      ['ship-weapon', 'Pulse Laser Turret'],
      ['ship-weapon', 'Missile Rack Turret'],
    ]);
    expect(await t.derived('trader')).toMatchObject({
      fuelPerParsec: 20,
      jumpRange: 2,
      weapons: 2,
    });
  });
});
