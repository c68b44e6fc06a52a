import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { effectsOf } from '@vtt/sdk';
import { VANCE, VANCE_GEAR, createCharacter, travellerTable } from './test-helpers.js';

const data = (t: TestTable, id: string) =>
  t.state.actors.get(id)!.data as { damage?: Record<string, number> };

describe('initiative: 2D6 + DEX or INT DM, ties to the higher DEX', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await travellerTable(31);
    await createCharacter(t, {
      id: 'quick',
      name: 'Quick',
      owner: 'alice',
      data: { characteristics: { str: 7, dex: 12, end: 7, int: 6, edu: 7, soc: 7 } },
    });
    await createCharacter(t, {
      id: 'clever',
      name: 'Clever',
      owner: 'bob',
      data: { characteristics: { str: 7, dex: 5, end: 7, int: 13, edu: 7, soc: 7 } },
    });
    await t.gm.act('core:start-combat', {});
    await t.gm.act('core:add-combatant', { id: 'c-quick', actorId: 'quick', name: 'Quick' });
    await t.gm.act('core:add-combatant', { id: 'c-clever', actorId: 'clever', name: 'Clever' });
  });
  afterAll(() => t.close());
  const initiativeOf = (id: string) => t.state.combat!.combatants[id]!.initiative!;

  it('uses the higher of the DEX and INT DMs by default, and breaks ties by DEX', async () => {
    t.forceDice(3, 4);
    await t.player('alice').rollInitiative(['c-quick']);
    t.forceDice(4, 3);
    await t.player('bob').rollInitiative(['c-clever']);
    expect(initiativeOf('c-quick')).toBeCloseTo(7 + 2 + 0.12); // DEX DM +2
    expect(initiativeOf('c-clever')).toBeCloseTo(7 + 2 + 0.05); // INT DM +2 beats DEX -1
    expect(initiativeOf('c-quick')).toBeGreaterThan(initiativeOf('c-clever'));
  });

  it('uses the DM the character data chooses', async () => {
    await t.player('bob').act('core:update-actor', {
      actorId: 'clever',
      patch: {
        data: {
          characteristics: { str: 7, dex: 5, end: 7, int: 13, edu: 7, soc: 7 },
          initiative: 'dex',
        },
      },
    });
    t.forceDice(4, 3);
    await t.player('bob').rollInitiative(['c-clever']);
    expect(initiativeOf('c-clever')).toBeCloseTo(7 - 1 + 0.05);
  });

  it('uses the DM asked for when rolling, over the character data', async () => {
    t.forceDice(4, 3);
    await t.player('bob').rollInitiative(['c-clever'], { use: 'int' });
    expect(initiativeOf('c-clever')).toBeCloseTo(7 + 2 + 0.05); // INT DM +2, though the data says DEX
  });

  it("does not let a player roll another player's initiative", async () => {
    const error = await rejectionOf(t.player('bob').rollInitiative(['c-quick']));
    expect(error.code).toMatch(/^VTT_ERR_PERMISSION_/);
  });
});

describe('attack and damage', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await travellerTable(32);
    await createCharacter(t, {
      id: 'vance',
      name: 'Vance',
      data: VANCE,
      items: VANCE_GEAR,
      owner: 'alice',
    });
  });
  afterAll(() => t.close());

  it("adds a hit's Effect to the weapon's damage dice", async () => {
    t.forceDice(5, 4);
    const attack = await t.player('alice').roll('attack', {
      actorId: 'vance',
      args: { weapon: 'needle pistol' },
    });
    // 9 + DEX 1 + Gun Combat 2 = 12 against 8+.
    expect(attack.outcome).toMatchObject({ total: 12, effect: 4 });
    expect(attack.outcome.data).toMatchObject({
      hit: true,
      weapon: 'Needle Pistol',
      damage: '2D6',
    });
    t.forceDice(3, 3);
    const damage = await t.player('alice').roll('damage', {
      actorId: 'vance',
      args: { weapon: 'Needle Pistol', effect: attack.outcome.effect! },
    });
    expect(damage.outcome).toMatchObject({ name: 'damage', total: 10 });
    t.forceDice(6, 6, 6);
    const dice = await t.player('alice').roll('damage', {
      actorId: 'vance',
      args: { dice: '3D+2' },
    });
    expect(dice.outcome.total).toBe(20);
  });

  it('refuses damage for a missed attack', async () => {
    t.forceDice(1, 2);
    const attack = await t.player('alice').roll('attack', { actorId: 'vance', args: {} });
    expect(attack.outcome).toMatchObject({ effect: -2, data: { hit: false } });
    const error = await rejectionOf(
      t.player('alice').roll('damage', {
        actorId: 'vance',
        args: { weapon: 'Needle Pistol', effect: attack.outcome.effect! },
      }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });
});

describe('traveller:apply-damage: END first, then STR or DEX', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await travellerTable(33);
    await createCharacter(t, {
      id: 'vance',
      name: 'Vance',
      data: VANCE,
      items: VANCE_GEAR,
      owner: 'alice',
    });
    await createCharacter(t, {
      id: 'mara',
      name: 'Mara',
      owner: 'bob',
      data: { characteristics: { str: 9, dex: 6, end: 5, int: 8, edu: 8, soc: 8 } },
    });
  });
  afterAll(() => t.close());

  it('lets armour stop its protection and puts the rest on END', async () => {
    await t.gm.act('traveller:apply-damage', { actorId: 'vance', amount: 11 });
    expect(data(t, 'vance').damage).toEqual({ str: 0, dex: 0, end: 6 });
    expect(t.state.chat.at(-1)!.text).toBe('Vance takes 6 damage (armour stopped 5): END -6.');
  });

  it('moves what END cannot take to the higher of STR and DEX', async () => {
    await t.gm.act('traveller:apply-damage', { actorId: 'vance', amount: 9, ignoreArmour: true });
    // END 2 -> 0, then 7 from DEX (10, higher than STR 7).
    expect(data(t, 'vance').damage).toEqual({ str: 0, dex: 7, end: 8 });
    expect(await t.derived('vance')).toMatchObject({ unconscious: false });
  });

  it('knocks the character out when a second characteristic reaches 0', async () => {
    await t.player('alice').act('traveller:apply-damage', {
      actorId: 'vance',
      amount: 8,
      ignoreArmour: true,
      then: 'str',
    });
    expect(data(t, 'vance').damage).toEqual({ str: 7, dex: 8, end: 8 });
    expect(await t.derived('vance')).toMatchObject({
      current: { str: 0, dex: 2, end: 0 },
      unconscious: true,
      dead: false,
    });
    expect(t.state.chat.at(-1)!.text).toContain('is unconscious');
  });

  it("does not let a player damage another player's traveller", async () => {
    const before = t.state.actors.get('mara');
    const error = await rejectionOf(
      t.player('alice').act('traveller:apply-damage', { actorId: 'mara', amount: 3 }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(t.state.actors.get('mara')).toBe(before);
  });
});

describe('conditions with durations in rounds', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await travellerTable(34);
    await createCharacter(t, {
      id: 'vance',
      name: 'Vance',
      data: VANCE,
      items: VANCE_GEAR,
      owner: 'alice',
    });
    await t.gm.act('core:start-combat', {});
    await t.gm.act('core:add-combatant', { id: 'c-vance', actorId: 'vance', name: 'Vance' });
  });
  afterAll(() => t.close());
  const effects = () =>
    [...effectsOf(t.state).values()].map((e) => ({
      status: e.statuses[0],
      label: e.label,
      ...e.duration,
    }));

  it('gives stunned DM -2 on every check', async () => {
    await t.gm.act('traveller:add-condition', {
      combatantId: 'c-vance',
      condition: 'stunned',
      rounds: 2,
    });
    expect(effects()).toEqual([
      {
        status: 'traveller.stunned',
        label: 'Stunned',
        unit: 'rounds',
        remaining: 2,
        tick: 'turn-end',
      },
    ]);
    t.forceDice(4, 3);
    const { outcome } = await t.player('alice').roll('check', {
      actorId: 'vance',
      args: { skill: 'gun-combat' },
    });
    expect(outcome).toMatchObject({ total: 8, data: { conditions: ['stunned'] } });
  });

  it('ends a condition after its rounds of the combatant’s turns', async () => {
    await t.gm.act('core:next-turn', {}); // Vance's first turn begins
    await t.gm.act('core:next-turn', {}); // it ends: 1 round left
    expect(effects()[0]).toMatchObject({ remaining: 1 });
    await t.gm.act('core:next-turn', {});
    expect(effects()).toEqual([]);
    expect(t.state.chat.at(-1)).toMatchObject({
      author: 'core',
      text: 'Stunned on Vance wore off',
    });
    t.forceDice(4, 3);
    const { outcome } = await t.player('alice').roll('check', {
      actorId: 'vance',
      args: { skill: 'gun-combat' },
    });
    expect(outcome.total).toBe(10);
  });

  it('gives fatigued a bane, and high gravity DM -1 on STR and DEX checks only', async () => {
    await t.player('alice').act('traveller:add-condition', {
      combatantId: 'c-vance',
      condition: 'fatigued',
      rounds: 3,
    });
    await t.player('alice').act('traveller:add-condition', {
      combatantId: 'c-vance',
      condition: 'high-gravity',
      rounds: 10,
    });
    t.forceDice(6, 1, 5);
    const dex = await t.player('alice').roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'dex' },
    });
    // lowest two of 6, 1, 5 = 6; + DEX 1 - 1 high gravity.
    expect(dex.outcome).toMatchObject({ total: 6, data: { boonBane: 'bane' } });
    t.forceDice(6, 1, 5);
    const int = await t.player('alice').roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'int', boon: true },
    });
    // the boon cancels the bane: 6 + 1 + INT 1.
    expect(int.outcome).toMatchObject({ total: 8, data: { boonBane: null } });
  });

  it('keeps a condition with its rounds left after the combat ends', async () => {
    await t.gm.act('core:end-combat', {});
    expect(effects().find((e) => e.status === 'traveller.high-gravity')).toMatchObject({
      remaining: 10,
    });
    t.forceDice(6, 1, 5);
    const dex = await t.player('alice').roll('characteristic', {
      actorId: 'vance',
      args: { characteristic: 'dex' },
    });
    expect(dex.outcome).toMatchObject({ data: { conditions: ['fatigued', 'high-gravity'] } });
    await t.gm.act('core:start-combat', {});
    await t.gm.act('core:add-combatant', { id: 'c-vance', actorId: 'vance', name: 'Vance' });
  });

  it('restarts the duration when a condition is added again', async () => {
    await t.gm.act('traveller:add-condition', {
      combatantId: 'c-vance',
      condition: 'fatigued',
      rounds: 5,
    });
    expect(effects().filter((e) => e.status === 'traveller.fatigued')).toEqual([
      {
        status: 'traveller.fatigued',
        label: 'Fatigued',
        unit: 'rounds',
        remaining: 5,
        tick: 'turn-end',
      },
    ]);
  });
});
