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
import { addCreature, MODULE_ENTRY } from './test-fixtures.js';

// Alice's fighter attacks with a Longsword: +5 to hit, 1d8 + 3 slashing.
describe("the target's conditions on attacks against it", () => {
  let t: TestTable;
  const attack = (target: string, args: Record<string, string | number | boolean> = {}) =>
    t.player('alice').roll('attack', {
      actorId: 'fighter',
      args: { attack: 'Longsword', target: `tok-${target}`, targetAc: 15, ...args },
    });

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice', 'bob'], seed: 8 });
    await addCreature(t, { id: 'fighter' });
    const targets: [string, string][] = [
      ['blind', 'blinded'],
      ['unseen', 'invisible'],
      ['frozen', 'paralyzed'],
      ['stone', 'petrified'],
      ['down', 'prone'],
      ['bound', 'restrained'],
      ['stunned', 'stunned'],
      ['asleep', 'unconscious'],
      ['sick', 'poisoned'],
    ];
    for (const [id, condition] of targets) {
      await addCreature(t, { id, type: 'npc', owner: null, conditions: [condition] });
    }
  });
  afterAll(() => t.close());

  it('gives advantage against a blinded, paralyzed, petrified, restrained, stunned or unconscious target', async () => {
    for (const id of ['blind', 'frozen', 'stone', 'bound', 'stunned', 'asleep']) {
      t.forceDice(3, 12);
      // Within 5 feet: an unconscious target is also prone, which farther away cancels this.
      const { outcome } = await attack(id, { within5ft: true });
      expect(outcome.data).toMatchObject({ natural: 12, mode: 'advantage', hit: true });
    }
  });

  it('gives disadvantage against an invisible target, and nothing for a poisoned one', async () => {
    t.forceDice(15, 3);
    const unseen = await attack('unseen');
    expect(unseen.outcome.data).toMatchObject({
      natural: 3,
      mode: 'disadvantage',
      because: ['target invisible: disadvantage'],
    });
    t.forceDice(9);
    expect((await attack('sick')).outcome.data).toMatchObject({ natural: 9, mode: 'normal' });
  });

  it('against a prone target: advantage within 5 feet, disadvantage farther away', async () => {
    t.forceDice(3, 12);
    expect((await attack('down', { within5ft: true })).outcome.data).toMatchObject({
      natural: 12,
      mode: 'advantage',
    });
    t.forceDice(3, 12);
    expect((await attack('down', { within5ft: false })).outcome.data).toMatchObject({
      natural: 3,
      mode: 'disadvantage',
    });
    const unsaid = await rejectionOf(attack('down'));
    expect(unsaid.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('makes a hit within 5 feet of a paralyzed or unconscious target a critical hit', async () => {
    for (const id of ['frozen', 'asleep']) {
      t.forceDice(2, 11, 4, 6); // advantage: 11 + 5 hits AC 15; two d8 for the critical
      const { outcome } = await attack(id, { within5ft: true, damage: true });
      expect(outcome.critical).toBe('success');
      expect(outcome.data).toMatchObject({
        natural: 11,
        hit: true,
        critOnHit: true,
        damage: { total: 4 + 6 + 3, formula: '2d8[slashing] + 3' },
      });
    }
    t.forceDice(2, 11, 4);
    const far = await attack('frozen', { within5ft: false, damage: true });
    expect(far.outcome.critical).toBeNull();
    expect(far.outcome.data).toMatchObject({ damage: { total: 7, formula: '1d8[slashing] + 3' } });
  });

  it('lets a natural 1 miss a paralyzed target within 5 feet', async () => {
    t.forceDice(1, 1);
    const { outcome } = await attack('frozen', { within5ft: true, damage: true });
    expect(outcome).toMatchObject({ critical: 'failure', data: { hit: false } });
    expect(outcome.data).not.toHaveProperty('damage');
  });

  it('cancels the advantage against an unconscious target beyond 5 feet with its prone', async () => {
    t.forceDice(9);
    const { outcome } = await attack('asleep', { within5ft: false });
    expect(outcome.data).toMatchObject({ natural: 9, mode: 'normal', critOnHit: false });
  });

  it('refuses a hidden target to a player, and reads only what the player can see', async () => {
    await addCreature(t, { id: 'lurker', type: 'npc', owner: null, hidden: true });
    const hidden = await rejectionOf(attack('lurker'));
    expect(hidden.code).toBe('VTT_ERR_MODULE_REJECTED');
    // Bob's character at 0 HP is unconscious, but Alice cannot see its hit points.
    await addCreature(t, { id: 'bobs', owner: 'bob' });
    await t.gm.act('dnd5e:apply-damage', { actorId: 'bobs', amount: 12 });
    t.forceDice(9);
    const blindToHp = await attack('bobs');
    expect(blindToHp.outcome.data).toMatchObject({ natural: 9, mode: 'normal', because: [] });
    t.forceDice(3, 12);
    const gm = await t.gm.roll('attack', {
      actorId: 'fighter',
      args: { attack: 'Longsword', target: 'tok-bobs', within5ft: true },
    });
    expect(gm.outcome.data).toMatchObject({ natural: 12, mode: 'advantage', critOnHit: true });
  });
});
