import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { blanks, lastMessage, startTable } from './test-support.js';

describe('the opposed roll', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await startTable(12);
  });
  afterAll(() => t.close());

  it("nets the attacker's hits against plain defender dice", async () => {
    // Razor: Agility + Pistols = 11 dice (4 hits), then the defender's 5 dice (1 hit).
    t.forceDice(5, 6, 5, 6, ...blanks(7), 6, ...blanks(4));
    const { outcome } = await t.player('alice').roll('opposed', {
      actorId: 'razor',
      args: { skill: 'pistols', defender: { dice: 5 } },
    });
    expect(outcome).toMatchObject({ successes: 4, target: 1, margin: 3, total: 3 });
    expect(outcome.data).toMatchObject({ success: true, netHits: 3, defender: { hits: 1 } });
    expect(lastMessage(t).text).toContain('wins with 3 net hits');
  });

  it("rolls a defender actor's own pool, and a tie goes to the defender", async () => {
    // Ganger: Charisma 2 + Intimidation 3 = 5 dice; Razor: Willpower 4 + Charisma 3 = 7 dice.
    t.forceDice(5, 6, ...blanks(3), 6, 5, ...blanks(5));
    const { outcome } = await t.gm.roll('opposed', {
      actorId: 'ganger',
      args: {
        skill: 'intimidation',
        defender: { actorId: 'razor', attribute: 'willpower', attribute2: 'charisma' },
      },
    });
    expect(outcome).toMatchObject({ successes: 2, target: 2, margin: 0 });
    expect(outcome.data).toMatchObject({ pool: 5, success: false, defender: { pool: 7 } });
  });

  it('refuses a defender actor the player cannot see', async () => {
    const error = await rejectionOf(
      t.player('alice').roll('opposed', {
        actorId: 'razor',
        args: { skill: 'pistols', defender: { actorId: 'ganger', attribute: 'reaction' } },
      }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('refuses a defender actor the player sees only at limited (name and image, no data)', async () => {
    await t.gm.act('core:update-actor', {
      actorId: 'ganger',
      patch: { ownership: { 'player:alice': 'limited' } },
    });
    expect(t.player('alice').view().actors.get('ganger')?.data).toBeNull();
    const error = await rejectionOf(
      t.player('alice').roll('opposed', {
        actorId: 'razor',
        args: { skill: 'pistols', defender: { actorId: 'ganger', attribute: 'reaction' } },
      }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });
});
