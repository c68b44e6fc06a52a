import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { lastMessage, startTable } from './test-support.js';

describe('/pool', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await startTable(16);
  });
  afterAll(() => t.close());

  it('rolls a raw pool, caps it at the limit and posts the hits', async () => {
    t.forceDice(5, 6, 6, 1, 1, 2);
    await t.player('bob').chat('/pool 6 2');
    const message = lastMessage(t);
    expect(message.text).toBe('Pool: 2 hits (6 dice, 3 rolled, limit 2)');
    expect(message.flags['shadowrun']).toMatchObject({ hits: 3, successes: 2, glitch: 'none' });
    expect(message.roll?.draws).toHaveLength(6);
  });

  it('posts glitches', async () => {
    t.forceDice(1, 1, 1, 6);
    await t.player('bob').chat('/pool 4');
    expect(lastMessage(t).text).toBe('Pool: 1 hit (4 dice) - GLITCH');
    t.forceDice(1, 1, 3);
    await t.player('bob').chat('/pool 3');
    expect(lastMessage(t).flags['shadowrun']).toMatchObject({ glitch: 'critical' });
  });

  it('refuses anything but a dice count and an optional limit', async () => {
    for (const args of ['', 'many', '0', '6 two']) {
      const error = await rejectionOf(t.player('bob').chat(`/pool ${args}`));
      expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    }
  });
});
