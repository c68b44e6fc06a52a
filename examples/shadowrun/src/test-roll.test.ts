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

describe('the test roll', () => {
  let t: TestTable;
  const alice = () => t.player('alice');
  const test = (args: Record<string, unknown>, actorId = 'razor') =>
    alice().roll('test', { actorId, args: args as never });

  beforeAll(async () => {
    t = await startTable(11);
  });
  afterAll(() => t.close());

  it('counts every 5 and 6 as a hit', async () => {
    t.forceDice(5, 6, 1, 4, 3, 6, 2, 4, 3, 2, 4);
    const { outcome } = await test({ skill: 'pistols' });
    expect(outcome).toMatchObject({ name: 'test', total: 3, successes: 3, glitch: 'none' });
    expect(outcome.data).toMatchObject({ hits: 3, pool: 11, limit: 7, limited: false });
    expect(outcome.rolls[0]!.draws).toHaveLength(11);
    expect(lastMessage(t).text).toContain('3 hits');
  });

  it('glitches when more than half the dice show 1, and not at exactly half', async () => {
    t.forceDice(1, 1, 1, 1, 5, 6);
    const glitch = await test({ attribute: 'agility' });
    expect(glitch.outcome).toMatchObject({ successes: 2, glitch: 'glitch' });
    expect(glitch.outcome.data).toMatchObject({ pool: 6, ones: 4 });
    t.forceDice(1, 1, 1, 5, 2, 3);
    expect((await test({ attribute: 'agility' })).outcome.glitch).toBe('none');
  });

  it('makes a glitch without a single hit a critical glitch', async () => {
    t.forceDice(1, 1, 1, 1, 2, 3);
    const { outcome } = await test({ attribute: 'agility' });
    expect(outcome).toMatchObject({ successes: 0, glitch: 'critical' });
    expect(lastMessage(t).text).toContain('CRITICAL GLITCH');
  });

  it('caps hits at the limit (a named limit or a number such as Accuracy)', async () => {
    t.forceDice(5, 5, 6, 6, 5, ...blanks(6));
    const weapon = await test({ skill: 'pistols', limit: 2 });
    expect(weapon.outcome.successes).toBe(2);
    expect(weapon.outcome.data).toMatchObject({ hits: 5, limit: 2, limited: true });
    t.forceDice(5, 5, 6, 6, 5, 6, 6, 5, 6, ...blanks(2));
    const physical = await test({ skill: 'pistols' });
    expect(physical.outcome.successes).toBe(7);
    expect(physical.outcome.data).toMatchObject({ hits: 9, limit: 7 });
  });

  it('with Edge adds Edge dice, explodes 6s, ignores the limit and spends a point', async () => {
    // Pool 11 + Edge 3 = 14 dice. The first 6 explodes into an extra die (a 1):
    // hits 6 and 5 beat limit 1, and the extra 1 never counts toward a glitch
    // (7 ones of 14 pool dice is exactly half).
    t.forceDice(6, 1, 1, 1, 1, 1, 1, 1, 1, 5, 2, 2, 2, 2, 3);
    const { outcome } = await test({ skill: 'pistols', limit: 1, edge: true });
    expect(outcome).toMatchObject({ successes: 2, glitch: 'none' });
    expect(outcome.data).toMatchObject({ pool: 14, hits: 2, limit: null, edge: true, ones: 7 });
    expect(outcome.rolls[0]!.draws).toHaveLength(15);
    expect((t.state.actors.get('razor')!.data as { edgeSpent: number }).edgeSpent).toBe(1);

    t.forceDice(6, 6, 5, ...blanks(13));
    const chain = await test({ skill: 'pistols', limit: 1, edge: true });
    expect(chain.outcome.successes).toBe(3); // a 6 from an explosion explodes again and hits
    expect(chain.outcome.rolls[0]!.draws).toHaveLength(16);
  });

  it('refuses to push the limit with no Edge left', async () => {
    await t.gm.act('core:update-actor', {
      actorId: 'razor',
      patch: { data: razorWith({ edgeSpent: 3 }) },
    });
    const error = await rejectionOf(test({ skill: 'pistols', edge: true }));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    await t.gm.act('core:update-actor', { actorId: 'razor', patch: { data: razorWith({}) } });
  });

  it('meets a threshold with hits, giving net hits as the margin', async () => {
    t.forceDice(5, 6, 5, ...blanks(7));
    const met = await test({ skill: 'sneaking', threshold: 2 });
    expect(met.outcome).toMatchObject({ successes: 3, target: 2, margin: 1 });
    expect(met.outcome.data).toMatchObject({ success: true, netHits: 1 });
    t.forceDice(5, 6, 5, ...blanks(7));
    const missed = await test({ skill: 'sneaking', threshold: 4 });
    expect(missed.outcome).toMatchObject({ successes: 3, target: 4, margin: -1 });
    expect(missed.outcome.data).toMatchObject({ success: false });
  });

  it('adds 2 dice for a specialization and defaults untrained skills to attribute - 1', async () => {
    t.forceDice(...blanks(13));
    const special = await test({ skill: 'pistols', specialization: true });
    expect(special.outcome.data).toMatchObject({ pool: 13 });
    t.forceDice(...blanks(5));
    const untrained = await test({ skill: 'blades' });
    expect(untrained.outcome.data).toMatchObject({ pool: 5 });
    expect(untrained.outcome.label).toContain('defaulting');
  });

  it('loses a die per 3 boxes of damage on each track, added across both', async () => {
    await t.gm.act('core:update-actor', {
      actorId: 'razor',
      patch: { data: razorWith({ damage: { physical: 3, stun: 6, overflow: 0 } }) },
    });
    expect(await t.derived('razor')).toMatchObject({ woundModifier: -3 });
    t.forceDice(...blanks(8));
    const { outcome } = await test({ skill: 'pistols' });
    expect(outcome.data).toMatchObject({ pool: 8, parts: { wounds: -3 } });
    expect(outcome.rolls[0]!.draws).toHaveLength(8);
    await t.gm.act('core:update-actor', { actorId: 'razor', patch: { data: razorWith({}) } });
  });

  it("refuses a roll for another player's runner", async () => {
    const error = await rejectionOf(
      t.player('bob').roll('test', { actorId: 'razor', args: { skill: 'pistols' } }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });
});
