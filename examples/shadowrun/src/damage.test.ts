import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { blanks, lastMessage, razorWith, startTable } from './test-support.js';
import { effectsOf } from '@vtt/sdk';

type Damage = { physical: number; stun: number; overflow: number };

describe('damage and conditions', () => {
  let t: TestTable;
  const damageOf = (id: string) => (t.state.actors.get(id)!.data as { damage: Damage }).damage;
  const setDamage = (damage: Damage) =>
    t.gm.act('core:update-actor', { actorId: 'razor', patch: { data: razorWith({ damage }) } });

  beforeAll(async () => {
    t = await startTable(15);
  });
  afterAll(() => t.close());

  it('overflows stun past its monitor into physical damage, box for box', async () => {
    await setDamage({ physical: 0, stun: 8, overflow: 0 });
    await t.player('alice').act('shadowrun:apply-damage', {
      actorId: 'razor',
      amount: 5,
      track: 'stun',
    });
    expect(damageOf('razor')).toEqual({ physical: 3, stun: 10, overflow: 0 });
    expect(lastMessage(t).text).toContain('3 overflow into physical');
    expect(await t.derived('razor')).toMatchObject({ status: 'unconscious', woundModifier: -4 });
  });

  it('tracks physical overflow past the monitor, and death past Body boxes of it', async () => {
    await setDamage({ physical: 10, stun: 0, overflow: 0 });
    await t.gm.act('shadowrun:apply-damage', { actorId: 'razor', amount: 4, track: 'physical' });
    expect(damageOf('razor')).toEqual({ physical: 11, stun: 0, overflow: 3 });
    expect(await t.derived('razor')).toMatchObject({ status: 'dying' });
    await t.gm.act('shadowrun:apply-damage', { actorId: 'razor', amount: 3, track: 'physical' });
    expect(damageOf('razor').overflow).toBe(6);
    expect(await t.derived('razor')).toMatchObject({ status: 'dead' });
    await setDamage({ physical: 0, stun: 0, overflow: 0 });
  });

  it("does not let a player damage another player's runner", async () => {
    const before = t.state.seq;
    const error = await rejectionOf(
      t.player('bob').act('shadowrun:apply-damage', { actorId: 'razor', amount: 3, track: 'stun' }),
    );
    expect(error.code).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
    expect(t.state.seq).toBe(before);
    expect(damageOf('razor')).toEqual({ physical: 0, stun: 0, overflow: 0 });
  });

  it('soaks with Body + armor, turning weak physical hits into stun', async () => {
    // Armor 12 - 2 AP = 10 > DV 8: the damage becomes stun. Body 5 + 10 = 15 dice, 3 hits.
    t.forceDice(5, 6, 5, ...blanks(12));
    const { outcome } = await t.player('alice').roll('soak', {
      actorId: 'razor',
      args: { damage: 8, armorPenetration: -2, apply: true },
    });
    expect(outcome).toMatchObject({ total: 5, successes: 3 });
    expect(outcome.data).toMatchObject({ pool: 15, track: 'stun' });
    expect(damageOf('razor')).toEqual({ physical: 0, stun: 5, overflow: 0 });
    await setDamage({ physical: 0, stun: 0, overflow: 0 });
  });

  it('puts a condition on a combatant that takes dice and ends after its rounds', async () => {
    await t.gm.act('core:start-combat', { sceneId: 'street' });
    await t.gm.act('core:add-combatant', { id: 'c-razor', actorId: 'razor', name: 'Razor' });
    await t.player('alice').act('shadowrun:apply-condition', {
      combatantId: 'c-razor',
      condition: 'dazed',
      rounds: 2,
    });
    const effects = () => [...effectsOf(t.state).values()];
    expect(effects()).toMatchObject([
      {
        target: { collection: 'actors', id: 'razor' },
        statuses: ['shadowrun.dazed'],
        label: 'Dazed',
        duration: { remaining: 2 },
      },
    ]);

    t.forceDice(...blanks(9));
    const dazed = await t.player('alice').roll('test', {
      actorId: 'razor',
      args: { skill: 'pistols' },
    });
    expect(dazed.outcome.data).toMatchObject({ pool: 9, conditions: ['dazed'] });

    await t.gm.act('core:next-turn', {}); // round 1 starts
    await t.gm.act('core:next-turn', {}); // round 2
    expect(effects()).toMatchObject([{ duration: { remaining: 1 } }]);
    await t.gm.act('core:next-turn', {}); // round 3: the condition is over
    expect(effects()).toEqual([]);
    expect(t.state.chat.at(-1)).toMatchObject({ author: 'core', text: 'Dazed on Razor wore off' });
    t.forceDice(...blanks(11));
    const clear = await t.player('alice').roll('test', {
      actorId: 'razor',
      args: { skill: 'pistols' },
    });
    expect(clear.outcome.data).toMatchObject({ pool: 11 });
  });

  it("does not let a player put a condition on the GM's combatant", async () => {
    await t.gm.act('core:add-combatant', { id: 'c-ganger', actorId: 'ganger', name: 'Ganger' });
    const error = await rejectionOf(
      t.player('alice').act('shadowrun:apply-condition', {
        combatantId: 'c-ganger',
        condition: 'blinded',
        rounds: 1,
      }),
    );
    expect(error.code).toMatch(/^VTT_ERR_(PERMISSION|DOCUMENT)_/);
  });
});
