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
      attributes: {
        body: 5,
        agility: 6,
        reaction: 6,
        strength: 4,
        willpower: 4,
        logic: 4,
        intuition: 5,
        charisma: 3,
        edge: 3,
        magic: 0,
      },
      capped: [],
      essence: 5.5,
      armor: 12,
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
