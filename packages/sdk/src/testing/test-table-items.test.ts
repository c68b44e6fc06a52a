import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, createdId, rejectionOf, type TestTable } from './create-test-table.js';

const armory = fileURLToPath(new URL('../../test-fixtures/armory/module.ts', import.meta.url));
const alice = 'player:alice';
const bob = 'player:bob';

describe('items at a module table (armory fixture)', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await createTestTable({ modules: [armory], players: ['alice', 'bob'], seed: 3 });
    await t.gm.act('core:create-actor', {
      id: 'hero',
      name: 'Alia',
      type: 'hero',
      data: { str: 14 },
      ownership: { [alice]: 'owner', [bob]: 'observer' },
    });
    await t.gm.createItem({
      id: 'sword',
      name: 'Sword',
      type: 'weapon',
      actorId: 'hero',
      data: { damage: '1d8', curse: 'CANARY-CURSE' },
    });
  });
  afterAll(() => t.close());

  it('checks item data against the item type`s schema, refusing unknown types', async () => {
    const invalid = await rejectionOf(
      t.gm.act('core:create-item', { name: 'Bad', type: 'weapon', actorId: 'hero', data: {} }),
    );
    expect(invalid.code).toBe('VTT_ERR_DOCUMENT_INVALID');
    expect(invalid.params).toMatchObject({ collection: 'items' });
    const unknown = await rejectionOf(
      t.gm.act('core:create-item', { name: 'Wand', type: 'wand', actorId: 'hero' }),
    );
    expect(unknown.code).toBe('VTT_ERR_ITEM_TYPE_UNKNOWN');
    const update = await rejectionOf(
      t
        .player('alice')
        .act('core:update-item', { itemId: 'sword', patch: { data: { damage: 7 } } }),
    );
    expect(update.code).toBe('VTT_ERR_DOCUMENT_INVALID');
    expect(t.items('hero').map((i) => i.name)).toEqual(['Sword']);
  });

  it('gives module code the items as the caller sees them (ctx.items)', async () => {
    await t.player('bob').act('armory:list-items', { actorId: 'hero' });
    const seenByBob = t.state.chat[t.state.chat.length - 1]!.text;
    expect(seenByBob).toBe('Sword {"damage":"1d8"}');
    expect(JSON.stringify(t.player('bob').view())).not.toContain('CANARY-CURSE');
    expect(t.items('hero', bob).map((i) => i.data)).toEqual([{ damage: '1d8' }]);
    await t.gm.act('armory:list-items', { actorId: 'hero' });
    expect(t.state.chat[t.state.chat.length - 1]!.text).toContain('CANARY-CURSE');
  });

  it('rolls an attack from a weapon item given by id', async () => {
    t.forceDice(6);
    const { outcome } = await t.player('alice').roll('attack', {
      actorId: 'hero',
      args: { itemId: 'sword' },
    });
    expect(outcome).toMatchObject({ label: 'Sword', total: 6 });
    const error = await rejectionOf(
      t.player('alice').roll('attack', { actorId: 'hero', args: { itemId: 'nope' } }),
    );
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('derives data from the actor`s items and follows every change of them', async () => {
    expect(await t.derived('hero')).toEqual({ ac: 10, weapons: ['Sword'] });
    const plate = await t.player('alice').createItem({
      name: 'Plate',
      type: 'armor',
      actorId: 'hero',
      data: { ac: 8, worn: false },
    });
    expect(plate).toMatchObject({ actorId: 'hero', author: alice, sort: 2 });
    expect(await t.derived('hero')).toEqual({ ac: 10, weapons: ['Sword'] });
    await t.player('alice').act('core:update-item', {
      itemId: plate.id,
      patch: { data: { ac: 8, worn: true } },
    });
    expect(await t.derived('hero')).toEqual({ ac: 18, weapons: ['Sword'] });
    await t.gm.act('core:move-item', { itemId: plate.id, actorId: null });
    expect(await t.derived('hero')).toEqual({ ac: 10, weapons: ['Sword'] });
    // Alice and Bob see the actor whole but not the sword's curse: derived data could leak it.
    expect(await t.derived('hero', alice)).toBeNull();
    expect(await t.derived('hero', bob)).toBeNull();
    await t.gm.act('core:update-item', { itemId: 'sword', patch: { data: { damage: '1d8' } } });
    expect(await t.derived('hero', alice)).toEqual({ ac: 10, weapons: ['Sword'] });
    expect(await t.derived('hero', bob)).toEqual({ ac: 10, weapons: ['Sword'] });
  });

  it('imports an item entry into the library or onto an owned actor', async () => {
    const library = await t.gm.act('core:import-compendium', {
      module: 'armory',
      pack: 'weapons',
      entry: 'longsword',
    });
    const created = library.events[0]!;
    expect(created.type).toBe('core:item-created');
    const id = created.type === 'core:item-created' ? created.payload.item.id : '';
    expect(t.state.items.get(id)).toMatchObject({
      name: 'Longsword',
      actorId: null,
      data: { damage: '1d8' },
      source: { module: 'armory', pack: 'weapons', entry: 'longsword' },
    });
    const dagger = await t.player('alice').act('core:import-compendium', {
      module: 'armory',
      pack: 'weapons',
      entry: 'dagger',
      actorId: 'hero',
    });
    const daggerId = createdId(dagger, 'core:item-created');
    expect(t.state.items.get(daggerId)).toMatchObject({ actorId: 'hero', author: alice });
    const bobs = await rejectionOf(
      t.player('bob').act('core:import-compendium', {
        module: 'armory',
        pack: 'weapons',
        entry: 'dagger',
        actorId: 'hero',
      }),
    );
    expect(bobs.code).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
    const intoLibrary = await rejectionOf(
      t.player('alice').act('core:import-compendium', {
        module: 'armory',
        pack: 'weapons',
        entry: 'dagger',
      }),
    );
    expect(intoLibrary.code).toBe('VTT_ERR_PERMISSION_GM_ONLY');
  });

  it('lets module code import from the packs as its user, with the user`s permissions', async () => {
    const { events } = await t.player('alice').act('armory:arm', { actorId: 'hero' });
    expect(events.map((e) => e.type)).toEqual(['core:item-created']);
    expect(t.items('hero').at(-1)).toMatchObject({ name: 'Dagger', source: { entry: 'dagger' } });
    const bobs = await rejectionOf(t.player('bob').act('armory:arm', { actorId: 'hero' }));
    expect(bobs.code).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
  });

  it('imports an actor entry with its embedded items, for GMs only', async () => {
    const { events } = await t.gm.act('core:import-compendium', {
      module: 'armory',
      pack: 'monsters',
      entry: 'goblin',
      id: 'gob',
    });
    expect(events.map((e) => e.type)).toEqual([
      'core:actor-created',
      'core:item-created',
      'core:item-created',
    ]);
    expect(t.state.actors.get('gob')).toMatchObject({
      name: 'Goblin',
      type: 'monster',
      data: { cr: 0.25 },
      source: { module: 'armory', pack: 'monsters', entry: 'goblin' },
    });
    expect(t.items('gob').map((i) => [i.name, i.sort, i.source?.entry])).toEqual([
      ['Scimitar', 1, 'goblin'],
      ['Leather', 2, 'goblin'],
    ]);
    const player = await rejectionOf(
      t.player('alice').act('core:import-compendium', {
        module: 'armory',
        pack: 'monsters',
        entry: 'goblin',
      }),
    );
    expect(player.code).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    const onto = await rejectionOf(
      t.gm.act('core:import-compendium', {
        module: 'armory',
        pack: 'monsters',
        entry: 'goblin',
        actorId: 'hero',
      }),
    );
    expect(onto.code).toBe('VTT_ERR_COMPENDIUM_TARGET');
    await t.gm.act('core:undo', {});
    expect(t.state.actors.get('gob')).toBeUndefined();
    expect(t.items('gob')).toEqual([]);
  });

  it('loads the items into a restarted module`s replica', async () => {
    await t.table.restartModule('armory', 'gm');
    expect(await t.derived('hero')).toEqual({ ac: 10, weapons: ['Sword', 'Dagger', 'Dagger'] });
  });

  it('refuses unknown modules, packs and entries, naming which', async () => {
    for (const [ref, missing] of [
      [{ module: 'nope', pack: 'weapons', entry: 'dagger' }, 'module'],
      [{ module: 'armory', pack: 'nope', entry: 'dagger' }, 'pack'],
      [{ module: 'armory', pack: 'weapons', entry: 'nope' }, 'entry'],
    ] as const) {
      const error = await rejectionOf(t.gm.act('core:import-compendium', ref));
      expect(error.code).toBe('VTT_ERR_COMPENDIUM_NOT_FOUND');
      expect(error.params['missing']).toBe(missing);
    }
  });
});
