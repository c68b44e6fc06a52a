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
import { characterData, MODULE_ENTRY, npcData } from './test-fixtures.js';

describe('what players see of creatures and characters (vtt-module.json declares it)', () => {
  let t: TestTable;

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice', 'bob'], seed: 3 });
    await t.gm.act('core:create-actor', {
      id: 'hero',
      name: 'Ayla',
      type: 'character',
      ownership: { 'player:alice': 'owner' },
      defaultOwnership: 'observer',
      data: characterData({ secrets: 'SECRETPAST: heir to the usurped throne' }),
    });
    await t.gm.act('core:create-actor', {
      id: 'ogre',
      name: 'Ogre',
      type: 'npc',
      ownership: { 'player:bob': 'limited' },
      defaultOwnership: 'observer',
      data: npcData({ hp: { value: 59, max: 59, temp: 0 }, ac: 11 }),
    });
  });
  afterAll(() => t.close());

  it('loads the policy with the module, as an event', () => {
    expect(t.table.loadEvents.map((e) => e.type)).toEqual(['core:visibility-set']);
    expect(t.state.campaign.visibility?.flags['dnd5e']?.visibility).toBe('viewer');
  });

  it("hides a creature's hit points and armour class from players, not from the GM", () => {
    const seen = t.player('alice').view().actors.get('ogre')!.data as Record<string, unknown>;
    expect(seen['hp']).toBeUndefined();
    expect(seen['ac']).toBeUndefined();
    expect(seen['cr']).toBe(0.25);
    expect((t.gm.view().actors.get('ogre')!.data as { ac: number }).ac).toBe(11);
  });

  it('shows a limited viewer the name and image of a creature, not its data', () => {
    const ogre = t.player('bob').view().actors.get('ogre')!;
    expect(ogre.name).toBe('Ogre');
    expect(ogre.data).toBeNull();
  });

  it("keeps a character's secrets to its owner and the GM", () => {
    const secrets = (viewer: 'alice' | 'bob') =>
      (t.player(viewer).view().actors.get('hero')!.data as { secrets?: string }).secrets;
    expect(secrets('alice')).toContain('SECRETPAST');
    expect(secrets('bob')).toBeUndefined();
  });

  it('gives derived data only to viewers who see the whole actor', async () => {
    expect(await t.derived('hero', 'player:alice')).not.toBeNull();
    expect(await t.derived('hero', 'player:bob')).toBeNull();
    expect(await t.derived('ogre', 'player:bob')).toBeNull();
    expect(await t.derived('ogre', 'gm')).not.toBeNull();
  });

  it('refuses rolls for an actor whose data the user cannot see, as if it did not exist', async () => {
    const error = await rejectionOf(
      t.player('bob').roll('ability-check', { actorId: 'ogre', args: { ability: 'str' } }),
    );
    expect(error.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('refuses an action on a creature whose data the user cannot see as on one that does not exist', async () => {
    await t.gm.act('core:create-actor', {
      id: 'lich',
      name: 'Vecnor the Lich',
      type: 'npc',
      defaultOwnership: 'none',
      data: npcData({ hp: { value: 0, max: 99, temp: 0 } }),
    });
    const reasons = [];
    for (const actorId of ['lich', 'ogre', 'nobody']) {
      const error = await rejectionOf(t.player('bob').act('dnd5e:heal', { actorId, amount: 5 }));
      expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
      reasons.push(String(error.params['reason']).replace(actorId, 'X'));
    }
    expect(new Set(reasons).size).toBe(1);
    expect(reasons[0]).not.toContain('Vecnor');
  });

  it('shows no hit points of a damaged creature in the card players see', async () => {
    await t.gm.act('dnd5e:apply-damage', { actorId: 'ogre', amount: 10 });
    const card = t.player('alice').view().chat.at(-1)!;
    expect(card.flags['dnd5e']).toEqual({ actorId: 'ogre', taken: 10, absorbed: 0 });
    expect((t.gm.view().chat.at(-1)!.flags['dnd5e'] as { hp: unknown }).hp).toBeDefined();
  });
});
