import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { blanks, give, lastMessage, RAZOR_DATA, startTable } from './test-support.js';

type Damage = { physical: number; stun: number; overflow: number };

describe('attacks from weapon items', () => {
  let t: TestTable;
  const alice = () => t.player('alice');
  const damageOf = (id: string) => (t.state.actors.get(id)!.data as { damage: Damage }).damage;

  beforeAll(async () => {
    t = await startTable(21);
    await give(t, 'weapons', 'shock-baton', 'ganger', 'baton');
    await t.gm.act('core:create-actor', {
      id: 'kit',
      name: 'Kit',
      type: 'runner',
      data: RAZOR_DATA,
      ownership: { 'player:bob': 'owner' },
    });
  });
  afterAll(() => t.close());

  it("rolls skill + attribute, limited by Accuracy, and adds net hits to the weapon's DV", async () => {
    // Agility 6 + Pistols 5 = 11 dice, 4 hits; the defender's 5 dice show 1 hit.
    t.forceDice(5, 6, 5, 6, ...blanks(7), 6, ...blanks(4));
    const { outcome } = await alice().roll('attack', {
      actorId: 'razor',
      args: { itemId: 'sidewinder', defender: { dice: 5 } },
    });
    expect(outcome).toMatchObject({
      label: 'Kessler Sidewinder',
      successes: 4,
      target: 1,
      margin: 3,
      total: 3,
    });
    expect(outcome.data).toMatchObject({
      pool: 11,
      limit: 5,
      weapon: { id: 'sidewinder', skill: 'pistols' },
      damage: { base: 8, value: 11, type: 'physical', armorPenetration: -1, code: '11P' },
      soak: { damage: 11, armorPenetration: -1, track: 'physical' },
    });
    expect(lastMessage(t).text).toContain('DV 8P + 3 = 11P, AP -1');
  });

  it("caps the attacker's hits at the weapon's Accuracy, and a tie misses", async () => {
    // 6 hits, Accuracy 5; the defender's 5 hits tie the 5 that count.
    t.forceDice(5, 5, 5, 6, 6, 6, ...blanks(5), 5, 5, 5, 5, 5);
    const { outcome } = await alice().roll('attack', {
      actorId: 'razor',
      args: { itemId: 'sidewinder', defender: { dice: 5 } },
    });
    expect(outcome).toMatchObject({ successes: 5, target: 5, margin: 0 });
    expect(outcome.data).toMatchObject({ hits: 6, limited: true, success: false });
    expect((outcome.data as { damage: { value: unknown } }).damage.value).toBeNull();
    expect(outcome.data).not.toHaveProperty('soak');
    expect(lastMessage(t).text).toContain('Miss.');
  });

  it('gives the hits and the base DV when no defender is named (a sheet button)', async () => {
    t.forceDice(5, 6, ...blanks(9));
    const { outcome } = await alice().roll('attack', {
      actorId: 'razor',
      args: { itemId: 'sidewinder' },
    });
    expect(outcome).toMatchObject({ total: 2, successes: 2 });
    expect(outcome.data).toMatchObject({ damage: { base: 8, value: null, code: '8P' } });
    expect(lastMessage(t).text).toContain('DV 8P + net hits, AP -1');
  });

  it("takes the damage type from the item, and soaks it with worn armor less the weapon's AP", async () => {
    // The ganger's Shock Baton (9S, AP -5): Agility 3 + Clubs 4 = 7 dice, 3 hits,
    // against Razor's augmented Reaction 6 + Intuition 5 = 11 dice, 1 hit.
    t.forceDice(5, 5, 6, ...blanks(4), 5, ...blanks(10));
    const attack = await t.gm.roll('attack', {
      actorId: 'ganger',
      args: { itemId: 'baton', defender: { actorId: 'razor' } },
    });
    expect(attack.outcome).toMatchObject({ successes: 3, target: 1, margin: 2 });
    expect(attack.outcome.data).toMatchObject({
      defender: { name: 'Razor', pool: 11 },
      damage: { value: 11, type: 'stun', code: '11S' },
    });
    const soak = (attack.outcome.data as { soak: Record<string, unknown> }).soak;
    expect(soak).toEqual({ damage: 11, armorPenetration: -5, track: 'stun' });
    // Body 5 + duster 12 - 5 = 12 dice, 2 hits: 9 stun left.
    t.forceDice(5, 6, ...blanks(10));
    const { outcome } = await alice().roll('soak', {
      actorId: 'razor',
      args: { ...soak, apply: true } as never,
    });
    expect(outcome).toMatchObject({ total: 9, successes: 2 });
    expect(outcome.data).toMatchObject({ pool: 12, armor: 7, track: 'stun' });
    expect(damageOf('razor')).toEqual({ physical: 0, stun: 9, overflow: 0 });
    await t.gm.act('core:update-actor', { actorId: 'razor', patch: { data: RAZOR_DATA } });
  });

  it('adds augmented Strength to a melee weapon that uses it', async () => {
    await give(t, 'weapons', 'gutter-knife', 'razor', 'knife');
    await give(t, 'cyberware', 'muscle-replacement-2', 'razor', 'muscles');
    // Strength 4 + 2 (muscle replacement) + the knife's 2 = DV 8.
    t.forceDice(...blanks(7));
    const { outcome } = await alice().roll('attack', {
      actorId: 'razor',
      args: { itemId: 'knife' },
    });
    expect(outcome.data).toMatchObject({ damage: { base: 8, code: '8P', armorPenetration: -1 } });
    await t.gm.act('core:delete-item', { itemId: 'muscles' });
    await t.gm.act('core:delete-item', { itemId: 'knife' });
  });

  it("does not let a player read or use another runner's items", async () => {
    await t.player('alice').createItem({
      name: 'Lucky Charm',
      type: 'gear',
      actorId: 'razor',
      data: { category: 'tool', description: 'CANARY-CHARM' },
    });
    const before = t.state.seq;
    // Bob observes Razor: he sees the pistol but may not fire it...
    expect(t.items('razor', 'player:bob').map((i) => i.id)).toContain('sidewinder');
    const observer = await rejectionOf(
      t.player('bob').roll('attack', { actorId: 'razor', args: { itemId: 'sidewinder' } }),
    );
    expect(observer.code).toBe('VTT_ERR_MODULE_REJECTED');
    // ...nor fire it from his own runner.
    const borrowed = await rejectionOf(
      t.player('bob').roll('attack', { actorId: 'kit', args: { itemId: 'sidewinder' } }),
    );
    expect(borrowed.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(t.state.seq).toBe(before);
    // Carol does not see Razor: none of his items reach her, and no derived data either.
    expect(t.items('razor', 'player:carol')).toEqual([]);
    const view = t.player('carol').view();
    expect([...view.items.values()].filter((i) => i.actorId === 'razor')).toEqual([]);
    expect(JSON.stringify(view)).not.toContain('CANARY-CHARM');
    expect(JSON.stringify(t.player('bob').view())).toContain('CANARY-CHARM');
    const derived = await rejectionOf(t.derived('razor', 'player:carol'));
    expect(derived.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('refuses an item that is not a weapon, or none at all', async () => {
    for (const itemId of ['duster', 'nope']) {
      const error = await rejectionOf(
        alice().roll('attack', { actorId: 'razor', args: { itemId } }),
      );
      expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    }
  });
});
