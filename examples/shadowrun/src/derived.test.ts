import { afterAll, beforeAll, describe, expect, it, type TestTable } from '@vtt/sdk/testing';
import { startTable } from './test-support.js';

describe('derived data', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await startTable(13);
  });
  afterAll(() => t.close());

  it('gives a runner limits, condition monitors and the initiative base', async () => {
    expect(await t.derived('razor')).toEqual({
      limits: { physical: 7, mental: 6, social: 6 },
      monitors: {
        physical: { value: 0, max: 11 },
        stun: { value: 0, max: 10 },
        overflow: { value: 0, max: 5 },
      },
      woundModifier: 0,
      initiative: { base: 11, dice: 2 },
      edgeLeft: 3,
      status: 'ok',
    });
  });

  it('gives an NPC the same derived data from its simpler sheet', async () => {
    expect(await t.derived('ganger')).toMatchObject({
      limits: { physical: 5, mental: 3, social: 4 },
      monitors: { physical: { max: 10 }, stun: { max: 9 } },
      initiative: { base: 6, dice: 1 },
    });
  });
});
