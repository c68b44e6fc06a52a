import { afterAll, beforeAll, describe, expect, it, type TestTable } from '@vtt/sdk/testing';
import { GANGER_DATA, give, RAZOR_DATA, startTable } from './test-support.js';

describe('initiative and passes', () => {
  let t: TestTable;
  const initiativeOf = (id: string) => t.state.combat!.combatants[id]!.initiative!;

  beforeAll(async () => {
    t = await startTable(14);
    // Kit: Reaction 4 (5 with a synaptic accelerator) + Intuition 5 with 2 initiative dice.
    await t.gm.act('core:create-actor', {
      id: 'kit',
      name: 'Kit',
      type: 'runner',
      data: { ...RAZOR_DATA, attributes: { ...RAZOR_DATA.attributes, reaction: 4, intuition: 5 } },
      ownership: { 'player:bob': 'owner' },
    });
    await give(t, 'cyberware', 'synaptic-accelerator-1', 'kit', 'kit-accelerator');
  });
  afterAll(() => t.close());

  it('rolls Reaction + Intuition + initiative dice, and runs 3, 2 and 1 passes a round', async () => {
    await t.gm.act('core:start-combat', { sceneId: 'street' });
    expect(t.state.combat!.passStep).toBe(10);
    await t.gm.act('core:add-combatant', { id: 'c-razor', actorId: 'razor', name: 'Razor' });
    await t.gm.act('core:add-combatant', { id: 'c-kit', actorId: 'kit', name: 'Kit' });
    await t.gm.act('core:add-combatant', { id: 'c-ganger', actorId: 'ganger', name: 'Ganger' });
    t.forceDice(6, 4); // Razor: 11 + 10 = 21
    await t.player('alice').rollInitiative(['c-razor']);
    t.forceDice(5, 5); // Kit: 10 + 10 = 20, exactly two passes
    await t.player('bob').rollInitiative(['c-kit']);
    t.forceDice(4); // Ganger: 6 + 4 = 10, exactly one pass
    await t.gm.rollInitiative(['c-ganger']);
    expect(Math.round(initiativeOf('c-razor'))).toBe(21);
    expect(Math.round(initiativeOf('c-kit'))).toBe(20);
    expect(Math.round(initiativeOf('c-ganger'))).toBe(10);

    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      await t.gm.act('core:next-turn', {});
      const combat = t.state.combat!;
      seen.push(`${combat.round}.${combat.pass} ${combat.turn}`);
    }
    expect(seen).toEqual([
      '1.1 c-razor',
      '1.1 c-kit',
      '1.1 c-ganger',
      '1.2 c-razor',
      '1.2 c-kit',
      '1.3 c-razor',
      '2.1 c-razor',
    ]);
    await t.gm.act('core:end-combat', {});
  });

  it('breaks ties by Edge, then by Reaction', async () => {
    const tied = (id: string, edge: number, reaction: number) =>
      t.gm.act('core:create-actor', {
        id,
        name: id,
        type: 'npc',
        data: {
          ...GANGER_DATA,
          attributes: { ...GANGER_DATA.attributes, edge, reaction, intuition: 9 - reaction },
        },
      });
    // Ids sort the other way round, so only the tie-break can give this order.
    await tied('zulu', 4, 3);
    await tied('mike', 2, 5);
    await tied('alpha', 2, 4);
    await t.gm.act('core:start-combat', { sceneId: 'street' });
    for (const id of ['alpha', 'mike', 'zulu']) {
      await t.gm.act('core:add-combatant', { id: `c-${id}`, actorId: id, name: id });
    }
    t.forceDice(3, 3, 3); // every one of them scores 9 + 3 = 12
    await t.gm.rollInitiative(['c-alpha', 'c-mike', 'c-zulu']);
    for (const id of ['c-alpha', 'c-mike', 'c-zulu']) {
      expect(Math.round(initiativeOf(id))).toBe(12);
    }
    await t.gm.act('core:next-turn', {});
    const order = [t.state.combat!.turn];
    for (let i = 0; i < 2; i++) {
      await t.gm.act('core:next-turn', {});
      order.push(t.state.combat!.turn);
    }
    expect(order).toEqual(['c-zulu', 'c-mike', 'c-alpha']);
    await t.gm.act('core:end-combat', {});
  });

  it('lowers the initiative score by the wound modifier', async () => {
    await t.gm.act('core:update-actor', {
      actorId: 'ganger',
      patch: { data: { ...GANGER_DATA, damage: { physical: 3, stun: 3, overflow: 0 } } },
    });
    await t.gm.act('core:start-combat', { sceneId: 'street' });
    await t.gm.act('core:add-combatant', { id: 'c-hurt', actorId: 'ganger', name: 'Ganger' });
    t.forceDice(6);
    await t.gm.rollInitiative(['c-hurt']);
    expect(Math.round(initiativeOf('c-hurt'))).toBe(6 + 6 - 2);
  });
});
