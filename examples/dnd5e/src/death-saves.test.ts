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
import { characterData, MODULE_ENTRY, type Derived } from './test-fixtures.js';

type Saves = { successes: number; failures: number; stable: boolean; dead: boolean };

describe('death saves', () => {
  let t: TestTable;
  const saves = (id: string) => (t.state.actors.get(id)!.data as { deathSaves: Saves }).deathSaves;
  const hpOf = (id: string) => (t.state.actors.get(id)!.data as { hp: { value: number } }).hp.value;
  const deathSave = (id: string, d20: number) => {
    t.forceDice(d20);
    return t.player('alice').roll('death-save', { actorId: id });
  };
  const dropToZero = async (id: string) => {
    await t.gm.act('core:create-actor', {
      id,
      name: id,
      type: 'character',
      ownership: { 'player:alice': 'owner' },
      data: characterData({ hp: { value: 10, max: 12, temp: 0 } }),
    });
    await t.player('alice').act('dnd5e:apply-damage', { actorId: id, amount: 10 });
  };

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice', 'bob'], seed: 4 });
  });
  afterAll(() => t.close());

  it('counts 10 or more as a success, less as a failure, a 1 as two; three failures kill', async () => {
    await dropToZero('doomed');
    expect(hpOf('doomed')).toBe(0);
    expect(((await t.derived('doomed')) as unknown as Derived).conditions).toContain('unconscious');
    expect((await deathSave('doomed', 10)).outcome.data).toMatchObject({ result: 'success' });
    expect(saves('doomed')).toEqual({ successes: 1, failures: 0, stable: false, dead: false });
    await deathSave('doomed', 9);
    expect(saves('doomed')).toEqual({ successes: 1, failures: 1, stable: false, dead: false });
    const fumble = await deathSave('doomed', 1);
    expect(fumble.outcome).toMatchObject({ critical: 'failure', data: { result: 'dead' } });
    expect(saves('doomed')).toEqual({ successes: 1, failures: 3, stable: false, dead: true });
    const again = await rejectionOf(t.player('alice').roll('death-save', { actorId: 'doomed' }));
    expect(again.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('makes a character stable after three successes', async () => {
    await dropToZero('lucky');
    for (const d20 of [12, 15]) await deathSave('lucky', d20);
    expect((await deathSave('lucky', 19)).outcome.data).toMatchObject({ result: 'stable' });
    expect(saves('lucky')).toEqual({ successes: 0, failures: 0, stable: true, dead: false });
    expect(hpOf('lucky')).toBe(0);
  });

  it('brings a character back with 1 hit point on a natural 20', async () => {
    await dropToZero('heroic');
    await deathSave('heroic', 5);
    const { outcome } = await deathSave('heroic', 20);
    expect(outcome).toMatchObject({ critical: 'success', data: { result: 'revived' } });
    expect(hpOf('heroic')).toBe(1);
    expect(saves('heroic')).toEqual({ successes: 0, failures: 0, stable: false, dead: false });
    expect(((await t.derived('heroic')) as unknown as Derived).conditions).not.toContain(
      'unconscious',
    );
  });

  it('counts damage at 0 hit points as a failed death save, two from a critical hit', async () => {
    await dropToZero('battered');
    await t.player('alice').act('dnd5e:apply-damage', { actorId: 'battered', amount: 1 });
    expect(saves('battered').failures).toBe(1);
    await t
      .player('alice')
      .act('dnd5e:apply-damage', { actorId: 'battered', amount: 1, critical: true });
    expect(saves('battered')).toMatchObject({ failures: 3, dead: true });
  });

  it('kills outright when the damage left after dropping to 0 reaches the hit point maximum', async () => {
    await t.gm.act('core:create-actor', {
      id: 'crushed',
      name: 'Crushed',
      type: 'character',
      ownership: { 'player:alice': 'owner' },
      data: characterData({ hp: { value: 5, max: 12, temp: 0 } }),
    });
    await t.player('alice').act('dnd5e:apply-damage', { actorId: 'crushed', amount: 17 });
    expect(saves('crushed').dead).toBe(true);
  });

  it("refuses a death save for a conscious character, and for another player's character", async () => {
    await t.gm.act('core:create-actor', {
      id: 'fine',
      name: 'Fine',
      type: 'character',
      ownership: { 'player:alice': 'owner' },
      data: characterData(),
    });
    const conscious = await rejectionOf(t.player('alice').roll('death-save', { actorId: 'fine' }));
    expect(conscious.code).toBe('VTT_ERR_MODULE_REJECTED');
    await dropToZero('alices');
    const other = await rejectionOf(t.player('bob').roll('death-save', { actorId: 'alices' }));
    expect(other.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND'); // bob cannot see it: the host refuses
    expect(saves('alices').successes).toBe(0);
  });
});
