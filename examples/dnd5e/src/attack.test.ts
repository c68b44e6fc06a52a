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
import { characterData, giveLongsword, MODULE_ENTRY } from './test-fixtures.js';

describe('attack and damage rolls', () => {
  let t: TestTable;
  // A level 1 fighter, STR 16: Longsword +5 to hit, 1d8 + 3 slashing.
  const attack = (args: Record<string, string | number | boolean>) =>
    t
      .player('alice')
      .roll('attack', { actorId: 'fighter', args: { attack: 'Longsword', ...args } });
  const damage = (args: Record<string, string | number | boolean>) =>
    t.player('alice').roll('damage', { actorId: 'fighter', args });

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 3 });
    await t.gm.act('core:create-actor', {
      id: 'fighter',
      name: 'Brann',
      type: 'character',
      ownership: { 'player:alice': 'owner' },
      data: characterData(),
    });
    await giveLongsword(t, 'fighter');
  });
  afterAll(() => t.close());

  it('hits when the total meets the target AC, with the margin', async () => {
    t.forceDice(10);
    const { outcome } = await attack({ targetAc: 15 });
    expect(outcome).toMatchObject({ total: 15, target: 15, margin: 0, critical: null });
    expect(outcome.data).toMatchObject({ natural: 10, bonus: 5, hit: true });
    t.forceDice(9);
    expect((await attack({ targetAc: 15 })).outcome.data).toMatchObject({ hit: false });
  });

  it('takes the higher d20 with advantage and the lower with disadvantage', async () => {
    t.forceDice(3, 18);
    const advantage = await attack({ targetAc: 15, mode: 'advantage' });
    expect(advantage.outcome).toMatchObject({ total: 23, data: { natural: 18, hit: true } });
    t.forceDice(3, 18);
    const disadvantage = await attack({ targetAc: 15, mode: 'disadvantage' });
    expect(disadvantage.outcome).toMatchObject({ total: 8, data: { natural: 3, hit: false } });
  });

  it('makes a natural 20 a critical hit that doubles the damage dice but not the modifier', async () => {
    t.forceDice(20, 5, 6);
    const { outcome } = await attack({ targetAc: 30, damage: true });
    expect(outcome.critical).toBe('success');
    expect(outcome.data).toMatchObject({
      hit: true,
      damage: { total: 5 + 6 + 3, formula: '2d8[slashing] + 3', byType: { slashing: 14 } },
    });
  });

  it('makes a natural 1 miss even with a huge bonus, and rolls no damage', async () => {
    t.forceDice(1);
    const { outcome } = await attack({ bonus: 50, targetAc: 5, damage: true });
    expect(outcome).toMatchObject({ total: 56, critical: 'failure' });
    expect(outcome.data).toMatchObject({ hit: false });
    expect(outcome.data).not.toHaveProperty('damage');
    expect(outcome.rolls).toHaveLength(1);
  });

  it('splits damage by type, and a critical doubles every die count but adds modifiers once', async () => {
    const formula = '2d6[slashing] + 1d4[fire] + 2';
    t.forceDice(3, 5, 2);
    const normal = await damage({ formula });
    expect(normal.outcome).toMatchObject({
      total: 12,
      critical: null,
      data: { byType: { slashing: 10, fire: 2 } },
    });
    t.forceDice(1, 2, 3, 4, 1, 2);
    const critical = await damage({ formula, critical: true });
    expect(critical.outcome).toMatchObject({
      total: 1 + 2 + 3 + 4 + 1 + 2 + 2,
      critical: 'success',
      data: { formula: '4d6[slashing] + 2d4[fire] + 2', byType: { slashing: 12, fire: 3 } },
    });
  });

  it("rolls an attack's damage with its ability modifier", async () => {
    t.forceDice(7);
    const { outcome } = await damage({ attack: 'Longsword' });
    expect(outcome).toMatchObject({ total: 10, data: { byType: { slashing: 10 } } });
  });

  it('refuses a damage formula the dice cannot roll, without counting it as a module fault', async () => {
    const error = await rejectionOf(damage({ formula: '2d+' }));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(t.table.status('dnd5e')?.failuresInRow).toBe(0);
  });
});
