import { afterAll, beforeAll, describe, expect, it, type TestTable } from '@vtt/sdk/testing';
import { blanks, give, startTable } from './test-support.js';

describe('armor items', () => {
  let t: TestTable;
  const wear = (itemId: string, worn: boolean) =>
    t.player('alice').act('core:update-item', {
      itemId,
      patch: { data: { ...(t.state.items.get(itemId)!.data as object), worn } },
    });
  const soak = (args: Record<string, unknown>) =>
    t.player('alice').roll('soak', { actorId: 'razor', args: args as never });
  const armorOf = async () => ((await t.derived('razor')) as { armor: number }).armor;

  beforeAll(async () => {
    t = await startTable(22);
  });
  afterAll(() => t.close());

  it('soaks with Body + the worn armor, less the Armor Penetration', async () => {
    // Body 5 + duster 12 - 1 = 16 dice.
    t.forceDice(5, 5, 6, ...blanks(13));
    const { outcome } = await soak({ damage: 11, armorPenetration: -1 });
    expect(outcome).toMatchObject({ total: 8, successes: 3 });
    expect(outcome.data).toMatchObject({ pool: 16, armor: 11, track: 'physical' });
  });

  it('leaves armor that is not worn out of the soak and of the stun rule', async () => {
    await wear('duster', false);
    expect(await armorOf()).toBe(0);
    // Body 5 alone; DV 6 against armor 0 stays physical.
    t.forceDice(...blanks(5));
    const { outcome } = await soak({ damage: 6 });
    expect(outcome.data).toMatchObject({ pool: 5, armor: 0, track: 'physical' });
    await wear('duster', true);
    expect(await armorOf()).toBe(12);
  });

  it('counts only the best worn armor, plus accessories up to Strength and dermal plating', async () => {
    await give(t, 'armor', 'bastion-vest', 'razor', 'vest');
    expect(await armorOf()).toBe(12); // the vest's 9 does not stack on the duster's 12
    await give(t, 'armor', 'riot-helmet', 'razor', 'helmet');
    expect(await armorOf()).toBe(14);
    await give(t, 'armor', 'ballistic-shield', 'razor', 'shield');
    expect(await armorOf()).toBe(16); // helmet 2 + shield 6, capped at Strength 4
    await give(t, 'cyberware', 'dermal-plating-2', 'razor', 'plating');
    expect(await armorOf()).toBe(18);
    // Body 5 + 18 = 23 dice.
    t.forceDice(...blanks(23));
    const { outcome } = await soak({ damage: 8 });
    expect(outcome.data).toMatchObject({ pool: 23, armor: 18, track: 'stun' });
    for (const itemId of ['vest', 'helmet', 'shield', 'plating']) {
      await t.gm.act('core:delete-item', { itemId });
    }
    expect(await armorOf()).toBe(12);
  });
});
