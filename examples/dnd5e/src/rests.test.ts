import {
  afterAll,
  beforeAll,
  createTestTable,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { abilities, characterData, dataOf, MODULE_ENTRY } from './test-fixtures.js';

// Level 4 characters with a d10 hit die: Tarn has CON 14 (+2), Wisp CON 6 (-2).
describe('short and long rests', () => {
  let t: TestTable;
  const alice = () => t.player('alice');

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 19 });
    const create = (id: string, con: number, data: Record<string, unknown> = {}) =>
      t.gm.act('core:create-actor', {
        id,
        name: id.charAt(0).toUpperCase() + id.slice(1),
        type: 'character',
        ownership: { 'player:alice': 'owner' },
        data: characterData({
          level: 4,
          abilities: abilities([16, 12, con, 10, 10, 8]),
          hp: { value: 10, max: 36, temp: 0 },
          ...data,
        }),
      });
    await create('tarn', 14, {
      class: 'Paladin',
      exhaustion: 2,
      spellSlots: { '1': { value: 0, max: 3 } },
    });
    await create('wisp', 6);
  });
  afterAll(() => t.close());

  it('a short rest spends the hit dice the player chooses: each heals its roll + CON', async () => {
    t.forceDice(6, 1);
    await alice().act('dnd5e:short-rest', { actorId: 'tarn', hitDice: 2 });
    expect(dataOf(t, 'tarn')).toMatchObject({ hp: { value: 10 + 8 + 3 }, hitDiceSpent: 2 });
    const text = t.state.chat.at(-1)!.text;
    expect(text).toBe('Tarn spends 2 hit dice and regains 11 HP.');
  });

  it('a hit die never heals less than 0, and no more dice than are left', async () => {
    t.forceDice(1, 5);
    await alice().act('dnd5e:short-rest', { actorId: 'wisp', hitDice: 2 });
    expect(dataOf(t, 'wisp').hp.value).toBe(10 + 0 + 3);
    const error = await rejectionOf(
      alice().act('dnd5e:short-rest', { actorId: 'tarn', hitDice: 3 }),
    );
    expect(error.params['reason']).toBe('Tarn has 2 hit dice left, not 3');
  });

  it('a long rest restores hit points and spell slots, half the hit dice, one exhaustion level', async () => {
    t.forceDice(4, 4);
    await alice().act('dnd5e:short-rest', { actorId: 'tarn', hitDice: 2 });
    expect(dataOf(t, 'tarn').hitDiceSpent).toBe(4);
    await alice().act('dnd5e:long-rest', { actorId: 'tarn' });
    expect(dataOf(t, 'tarn')).toMatchObject({
      hp: { value: 36, max: 36, temp: 0 },
      hitDiceSpent: 2,
      exhaustion: 1,
      spellSlots: { '1': { value: 3, max: 3 } },
    });
  });
});
