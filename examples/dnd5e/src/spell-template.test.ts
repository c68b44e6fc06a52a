import {
  afterAll,
  beforeAll,
  createdId,
  createTestTable,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { addCreature, addWizard, dataOf, MODULE_ENTRY } from './test-fixtures.js';

// Mira (spell save DC 14), Alice's wizard, casts into a 20 ft circle at the scene's origin. The
// default grid is 100 px squares of 5 ft: tokens at (0, 0) are inside it,
// the one moved to (3000, 3000) is 150 ft away.
describe('a fireball cast into a measured template', () => {
  let t: TestTable;
  let blast = '';
  const hp = (id: string) => dataOf(t, id).hp.value;

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 5 });
    await addWizard(t, { '3': { value: 2, max: 2 } }, ['fireball']);
    const hp = { value: 50, max: 50, temp: 0 };
    for (const id of ['goblin', 'orc', 'bystander'])
      await addCreature(t, { id, type: 'npc', owner: null, data: { hp } });
    await t.gm.act('core:move-token', { tokenId: 'tok-bystander', x: 3000, y: 3000 });
    await t.gm.act('core:create-token', {
      id: 'barrel',
      sceneId: 'scene',
      name: 'Barrel',
      x: 0,
      y: 0,
    });
    blast = createdId(
      await t.player('alice').act('core:create-template', {
        sceneId: 'scene',
        shape: 'circle',
        origin: { x: 0, y: 0 },
        size: 20,
      }),
      'core:template-created',
    );
  });
  afterAll(() => t.close());

  it('every creature the template covers saves; one outside it and a token of no creature are left out', async () => {
    // 8d6 fire = 24, then the DEX saves in token order: 4 + 2 fails, 16 + 2 saves.
    t.forceDice(3, 3, 3, 3, 3, 3, 3, 3, 4, 16);
    // Cast by the GM, who may change the NPCs' hit points (a player's cast leaves them to the GM).
    const { outcome } = await t.gm.roll('cast', {
      actorId: 'mira',
      args: { itemId: 'fireball', template: blast },
    });
    expect(outcome).toMatchObject({ total: 24 });
    const targets = (outcome.data as { targets: { name: string }[] }).targets;
    expect(targets.map((x) => x.name).sort()).toEqual(['Goblin', 'Orc']);
    expect(hp('bystander')).toBe(50);
    expect([hp('goblin'), hp('orc')].sort()).toEqual([26, 38]);
    expect(dataOf(t, 'mira').spellSlots?.['3']).toEqual({ value: 1, max: 2 });
  });

  it('refuses a template that does not exist, and spends no slot', async () => {
    const error = await rejectionOf(
      t
        .player('alice')
        .roll('cast', { actorId: 'mira', args: { itemId: 'fireball', template: 'nope' } }),
    );
    expect(error.message).toContain('no template nope');
    expect(dataOf(t, 'mira').spellSlots?.['3']).toEqual({ value: 1, max: 2 });
  });
});
