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
import { addCreature, MODULE_ENTRY, type Derived } from './test-fixtures.js';

// Each creature is a level 1 fighter (STR 16, DEX 12, CON 14; STR and CON
// saves proficient): Longsword +5, STR check +3, DEX save +1, STR save +5.
describe("conditions on the creature's own rolls, speed and actions", () => {
  let t: TestTable;
  const alice = () => t.player('alice');
  const derived = async (id: string) => (await t.derived(id)) as unknown as Derived;
  const attack = (id: string, args: Record<string, string | number | boolean> = {}) =>
    alice().roll('attack', { actorId: id, args: { attack: 'Longsword', ...args } });
  const check = (id: string, args: Record<string, string | number | boolean> = {}) =>
    alice().roll('ability-check', { actorId: id, args: { ability: 'str', ...args } });
  const save = (id: string, ability: string) =>
    alice().roll('saving-throw', { actorId: id, args: { ability, dc: 10 } });

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 5 });
    const creatures: [string, string[]][] = [
      ['plain', []],
      ['blind', ['blinded']],
      ['charmed', ['charmed']],
      ['deaf', ['deafened']],
      ['afraid', ['frightened']],
      ['grappled', ['grappled']],
      ['dazed', ['incapacitated']],
      ['unseen', ['invisible']],
      ['frozen', ['paralyzed']],
      ['stone', ['poisoned', 'petrified']],
      ['sick', ['poisoned']],
      ['bound', ['restrained']],
      ['stunned', ['stunned']],
      ['asleep', ['unconscious']],
    ];
    for (const [id, conditions] of creatures) await addCreature(t, { id, conditions });
  });
  afterAll(() => t.close());

  it('blinded: disadvantage on attack rolls; a check that needs sight fails', async () => {
    t.forceDice(15, 3);
    expect((await attack('blind')).outcome.data).toMatchObject({
      natural: 3,
      mode: 'disadvantage',
      because: ['blinded: disadvantage'],
    });
    t.forceDice(20);
    const looking = await check('blind', { sight: true, dc: 5 });
    expect(looking.outcome.data).toMatchObject({ natural: 20, success: false, autoFail: true });
    t.forceDice(20);
    const feeling = await check('blind', { dc: 5 });
    expect(feeling.outcome.data).toMatchObject({ success: true, autoFail: false });
  });

  it('charmed: cannot attack the charmer; the charmer has advantage on social checks', async () => {
    const error = await rejectionOf(attack('charmed', { targetIsCharmer: true }));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    t.forceDice(12);
    expect((await attack('charmed')).outcome.data).toMatchObject({ mode: 'normal' });
    t.forceDice(3, 15);
    const charm = await alice().roll('skill-check', {
      actorId: 'plain',
      args: { skill: 'persuasion', vsCharmed: true },
    });
    expect(charm.outcome.data).toMatchObject({ natural: 15, mode: 'advantage' });
  });

  it('deafened: a check that needs hearing fails', async () => {
    t.forceDice(20);
    const listening = await alice().roll('skill-check', {
      actorId: 'deaf',
      args: { skill: 'perception', hearing: true, dc: 5 },
    });
    expect(listening.outcome.data).toMatchObject({ success: false, autoFail: true });
    t.forceDice(20);
    expect((await check('deaf', { sight: true, dc: 5 })).outcome.data).toMatchObject({
      success: true,
    });
  });

  it('frightened: disadvantage on attacks and checks while the source is in sight', async () => {
    t.forceDice(15, 3);
    expect((await attack('afraid')).outcome.data).toMatchObject({ mode: 'disadvantage' });
    t.forceDice(15, 3);
    expect((await check('afraid')).outcome.data).toMatchObject({ natural: 3 });
    t.forceDice(15);
    const unseen = await check('afraid', { fearInSight: false });
    expect(unseen.outcome.data).toMatchObject({ natural: 15, mode: 'normal' });
    t.forceDice(15);
    const away = await attack('afraid', { fearInSight: false });
    expect(away.outcome.data).toMatchObject({ natural: 15, mode: 'normal' });
  });

  it('invisible: advantage on attack rolls', async () => {
    t.forceDice(3, 15);
    expect((await attack('unseen')).outcome.data).toMatchObject({
      natural: 15,
      mode: 'advantage',
    });
  });

  it('poisoned: disadvantage on attack rolls and ability checks, not on saves', async () => {
    t.forceDice(15, 3);
    expect((await attack('sick')).outcome.data).toMatchObject({ mode: 'disadvantage' });
    t.forceDice(15, 3);
    expect((await check('sick')).outcome.data).toMatchObject({ mode: 'disadvantage' });
    t.forceDice(15);
    expect((await save('sick', 'con')).outcome.data).toMatchObject({ mode: 'normal' });
  });

  it('restrained: disadvantage on attack rolls and DEX saves, not on STR saves', async () => {
    t.forceDice(15, 3);
    expect((await attack('bound')).outcome.data).toMatchObject({ mode: 'disadvantage' });
    t.forceDice(15, 3);
    expect((await save('bound', 'dex')).outcome.data).toMatchObject({
      natural: 3,
      success: false,
    });
    t.forceDice(15);
    expect((await save('bound', 'str')).outcome.data).toMatchObject({ mode: 'normal' });
  });

  it('paralyzed, petrified, stunned, unconscious: STR and DEX saves fail, CON saves are rolled', async () => {
    for (const id of ['frozen', 'stone', 'stunned', 'asleep']) {
      for (const ability of ['str', 'dex']) {
        t.forceDice(20);
        const failed = await save(id, ability);
        expect(failed.outcome.data).toMatchObject({ natural: 20, success: false, autoFail: true });
      }
      t.forceDice(20);
      expect((await save(id, 'con')).outcome.data).toMatchObject({ success: true });
    }
  });

  it('incapacitated and everything that includes it: no attack', async () => {
    for (const id of ['dazed', 'frozen', 'stone', 'stunned', 'asleep']) {
      const error = await rejectionOf(attack(id));
      expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    }
    expect((await derived('asleep')).conditions).toEqual(['incapacitated', 'prone', 'unconscious']);
    expect((await derived('dazed')).conditions).toEqual(['incapacitated']);
  });

  it('petrified: a poison already in the body is suspended', async () => {
    t.forceDice(15);
    expect((await check('stone')).outcome.data).toMatchObject({ natural: 15, mode: 'normal' });
    const error = await rejectionOf(
      t.gm.act('dnd5e:apply-condition', { actorId: 'stone', condition: 'poisoned' }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('petrified: resistance to all damage, untyped included, and immunity to poison', async () => {
    const hp = () => (t.state.actors.get('stone')!.data as { hp: { value: number } }).hp.value;
    await alice().act('dnd5e:apply-damage', { actorId: 'stone', amount: 5, type: 'fire' });
    expect(hp()).toBe(12 - 2);
    await alice().act('dnd5e:apply-damage', { actorId: 'stone', amount: 3 });
    expect(hp()).toBe(10 - 1);
    await alice().act('dnd5e:apply-damage', { actorId: 'stone', amount: 8, type: 'poison' });
    expect(hp()).toBe(9);
    await alice().act('dnd5e:apply-damage', { actorId: 'plain', amount: 3 });
    expect((t.state.actors.get('plain')!.data as { hp: { value: number } }).hp.value).toBe(9);
    await alice().act('dnd5e:heal', { actorId: 'plain', amount: 3 });
  });

  it('speed is 0 while grappled, restrained, paralyzed, petrified, stunned or unconscious', async () => {
    const speeds: Record<string, number> = {};
    for (const id of [
      'plain',
      'grappled',
      'bound',
      'frozen',
      'stone',
      'stunned',
      'asleep',
      'sick',
    ]) {
      speeds[id] = (await derived(id)).speed;
    }
    expect(speeds).toEqual({
      plain: 30,
      grappled: 0,
      bound: 0,
      frozen: 0,
      stone: 0,
      stunned: 0,
      asleep: 0,
      sick: 30,
    });
  });

  it('passive scores take 5 off with disadvantage on checks (poisoned, frightened)', async () => {
    const plain = await derived('plain');
    expect(plain.passivePerception).toBe(10);
    expect((await derived('sick')).passivePerception).toBe(5);
    expect((await derived('afraid')).passiveInsight).toBe(5);
    expect((await derived('stone')).passiveInvestigation).toBe(10); // poison suspended
  });

  it('a dead creature makes no attack, check or save', async () => {
    await addCreature(t, { id: 'corpse', type: 'npc', owner: 'alice' });
    await t.gm.act('dnd5e:apply-damage', { actorId: 'corpse', amount: 50 });
    expect((await derived('corpse')).dead).toBe(true);
    const rolls = [
      ['attack', { attack: 'Scimitar' }],
      ['ability-check', { ability: 'str' }],
      ['saving-throw', { ability: 'con' }],
    ] as const;
    for (const [name, args] of rolls) {
      const error = await rejectionOf(alice().roll(name, { actorId: 'corpse', args }));
      expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    }
  });
});
