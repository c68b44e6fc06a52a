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
import { characterData, MODULE_ENTRY, npcData } from './test-fixtures.js';

type Hp = { value: number; max: number; temp: number };

describe('hit points, damage, healing and rests', () => {
  let t: TestTable;
  const hp = (id: string) => (t.state.actors.get(id)!.data as { hp: Hp }).hp;

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 9 });
    await t.gm.act('core:create-actor', {
      id: 'hero',
      name: 'Ayla',
      type: 'character',
      ownership: { 'player:alice': 'owner' },
      data: characterData({ hp: { value: 20, max: 20, temp: 5 }, resistances: ['fire'] }),
    });
    await t.gm.act('core:create-actor', {
      id: 'skeleton',
      name: 'Skeleton',
      type: 'npc',
      data: npcData({
        hp: { value: 13, max: 13, temp: 0 },
        vulnerabilities: ['bludgeoning'],
        immunities: ['poison'],
      }),
    });
  });
  afterAll(() => t.close());

  it('spends temporary hit points before hit points', async () => {
    await t.player('alice').act('dnd5e:apply-damage', { actorId: 'hero', amount: 8 });
    expect(hp('hero')).toEqual({ value: 17, max: 20, temp: 0 });
    expect(t.state.chat.at(-1)!.text).toBe('Ayla takes 8 damage (5 absorbed by temporary HP).');
    await t.player('alice').act('dnd5e:grant-temp-hp', { actorId: 'hero', amount: 10 });
    await t.player('alice').act('dnd5e:apply-damage', { actorId: 'hero', amount: 4 });
    expect(hp('hero')).toEqual({ value: 17, max: 20, temp: 6 });
  });

  it('does not stack temporary hit points: the higher amount stays', async () => {
    await t.player('alice').act('dnd5e:grant-temp-hp', { actorId: 'hero', amount: 3 });
    expect(hp('hero').temp).toBe(6);
  });

  it('halves damage a creature resists (rounded down), doubles a vulnerability, ignores an immunity', async () => {
    await t
      .player('alice')
      .act('dnd5e:apply-damage', { actorId: 'hero', amount: 15, type: 'fire' });
    expect(hp('hero')).toEqual({ value: 16, max: 20, temp: 0 }); // 7 fire: 6 temp, then 1
    await t.gm.act('dnd5e:apply-damage', { actorId: 'skeleton', amount: 7, type: 'poison' });
    expect(hp('skeleton').value).toBe(13);
    await t.gm.act('dnd5e:apply-damage', { actorId: 'skeleton', amount: 5, type: 'bludgeoning' });
    expect(hp('skeleton').value).toBe(3);
  });

  it('heals up to the hit point maximum and no further', async () => {
    await t.player('alice').act('dnd5e:heal', { actorId: 'hero', amount: 3 });
    expect(hp('hero').value).toBe(19);
    await t.player('alice').act('dnd5e:heal', { actorId: 'hero', amount: 100 });
    expect(hp('hero').value).toBe(20);
  });

  it('refuses damage to a monster the player does not own, while the GM may deal it', async () => {
    const before = t.state.seq;
    const error = await rejectionOf(
      t.player('alice').act('dnd5e:apply-damage', { actorId: 'skeleton', amount: 2 }),
    );
    // Refused as for an actor that does not exist: the player may not see its data.
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(t.state.seq).toBe(before);
    expect(hp('skeleton').value).toBe(3);
    await t.gm.act('dnd5e:apply-damage', { actorId: 'skeleton', amount: 2 });
    expect(hp('skeleton').value).toBe(1);
  });

  it('spends hit dice on a short rest: each heals its roll + the CON modifier', async () => {
    await t.player('alice').act('dnd5e:apply-damage', { actorId: 'hero', amount: 15 });
    await t.gm.act('core:update-actor', {
      actorId: 'hero',
      patch: { data: { ...(t.state.actors.get('hero')!.data as object), level: 3 } },
    });
    t.forceDice(3, 6); // two d10s, CON 14 (+2) each
    await t.player('alice').act('dnd5e:short-rest', { actorId: 'hero', hitDice: 2 });
    expect(hp('hero').value).toBe(5 + 5 + 8);
    expect(t.state.actors.get('hero')!.data).toMatchObject({ hitDiceSpent: 2 });
    const error = await rejectionOf(
      t.player('alice').act('dnd5e:short-rest', { actorId: 'hero', hitDice: 2 }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED'); // one hit die left
  });

  it('restores hit points and half the hit dice on a long rest', async () => {
    await t.player('alice').act('dnd5e:long-rest', { actorId: 'hero' });
    expect(hp('hero')).toEqual({ value: 20, max: 20, temp: 0 });
    expect(t.state.actors.get('hero')!.data).toMatchObject({ hitDiceSpent: 1 });
  });
});
