import { afterAll, beforeAll, describe, expect, it, type TestTable } from '@vtt/sdk/testing';
import { VANCE, VANCE_GEAR, createCharacter, travellerTable } from './test-helpers.js';

describe('derived data: DMs, UPP and skill totals', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await travellerTable(11);
    await createCharacter(t, {
      id: 'low',
      name: 'Low',
      data: { characteristics: { str: 0, dex: 1, end: 2, int: 3, edu: 5, soc: 6 } },
    });
    await createCharacter(t, {
      id: 'high',
      name: 'High',
      data: { characteristics: { str: 8, dex: 9, end: 11, int: 12, edu: 14, soc: 15 } },
    });
    await createCharacter(t, {
      id: 'extended',
      name: 'Extended',
      type: 'npc',
      data: { characteristics: { str: 15, dex: 16, end: 17, int: 18, edu: 23, soc: 33 } },
    });
    await createCharacter(t, {
      id: 'vance',
      name: 'Vance',
      data: VANCE,
      items: VANCE_GEAR,
      owner: 'alice',
    });
  });
  afterAll(() => t.close());

  it('gives the DM of every characteristic at each boundary of the table', async () => {
    expect(await t.derived('low')).toMatchObject({
      dm: { str: -3, dex: -2, end: -2, int: -1, edu: -1, soc: 0 },
    });
    expect(await t.derived('high')).toMatchObject({
      dm: { str: 0, dex: 1, end: 1, int: 2, edu: 2, soc: 3 },
    });
    expect(await t.derived('extended')).toMatchObject({
      dm: { str: 3, dex: 3, end: 3, int: 3, edu: 3, soc: 3 },
    });
  });

  it('renders the UPP with hex digits and the extended letters that skip I and O', async () => {
    expect(await t.derived('vance')).toMatchObject({ upp: '7A8B95' });
    expect(await t.derived('low')).toMatchObject({ upp: '012356' });
    expect(await t.derived('high')).toMatchObject({ upp: '89BCEF' });
    expect(await t.derived('extended')).toMatchObject({ upp: 'FGHJPZ' });
  });

  it('totals each skill with the DM of its usual characteristic', async () => {
    expect(await t.derived('vance')).toMatchObject({
      skills: {
        'gun-combat': { level: 2, characteristic: 'dex', total: 3 },
        pilot: { level: 0, characteristic: 'dex', total: 1 },
        'zero-g': { level: 1, characteristic: null, total: 1 },
      },
      initiativeDm: 1,
    });
  });

  it('takes DMs from wounded values while the UPP keeps the unwounded profile', async () => {
    await t.gm.act('core:update-actor', {
      actorId: 'high',
      patch: {
        data: {
          characteristics: { str: 8, dex: 9, end: 11, int: 12, edu: 14, soc: 15 },
          damage: { end: 6, dex: 9 },
        },
      },
    });
    expect(await t.derived('high')).toMatchObject({
      upp: '89BCEF',
      current: { str: 8, dex: 0, end: 5 },
      dm: { str: 0, dex: -3, end: -1 },
      unconscious: false,
      dead: false,
    });
  });
});
