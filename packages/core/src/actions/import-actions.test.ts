import { describe, expect, it } from 'vitest';
import { errorCode, fixtureTable, USERS } from '../../test-support/table-fixture.js';
import { itemsOfActor } from '../model/item-list.js';
import { commit } from '../reducer/commit.js';
import { decide } from './decide.js';
import type { CompendiumLookup, CompendiumResolution } from './import-actions.js';

const { gm, p1 } = USERS;

const lookup: CompendiumLookup = ({ module, pack, entry }): CompendiumResolution => {
  if (module !== 'srd') return { missing: 'module' };
  if (pack === 'monsters' && entry === 'orc') {
    return {
      entry: {
        documentType: 'actor',
        name: 'Orc',
        type: 'npc',
        data: { hp: 15 },
        items: [{ name: 'Greataxe', type: 'weapon', data: { damage: '1d12' } }],
      },
    };
  }
  if (pack === 'weapons' && entry === 'club') {
    return {
      entry: { documentType: 'item', name: 'Club', type: 'weapon', data: { damage: '1d4' } },
    };
  }
  return { missing: pack === 'monsters' || pack === 'weapons' ? 'entry' : 'pack' };
};

const importAs = (userId: string, payload: object, compendium?: CompendiumLookup) => {
  const s = fixtureTable();
  const action = { type: 'core:import-compendium', payload };
  const drafts = decide(s, action, { userId, now: 1, ...(compendium ? { compendium } : {}) });
  return commit(s, drafts, { author: userId, now: 1 }).state;
};

describe('core:import-compendium', () => {
  it('makes an actor with its embedded items, each with its source', () => {
    const s = importAs(gm, { module: 'srd', pack: 'monsters', entry: 'orc', id: 'orc1' }, lookup);
    const source = { module: 'srd', pack: 'monsters', entry: 'orc' };
    expect(s.actors.get('orc1')).toMatchObject({ name: 'Orc', data: { hp: 15 }, source });
    expect(itemsOfActor(s, 'orc1')).toMatchObject([{ name: 'Greataxe', sort: 1, source }]);
  });

  it('puts an item onto an actor its owner holds, and refuses players the library', () => {
    const s = importAs(
      p1,
      { module: 'srd', pack: 'weapons', entry: 'club', actorId: 'a1' },
      lookup,
    );
    expect(itemsOfActor(s, 'a1').map((i) => i.name)).toEqual(['Club']);
    expect(
      errorCode(() => importAs(p1, { module: 'srd', pack: 'weapons', entry: 'club' }, lookup)),
    ).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    expect(
      errorCode(() => importAs(p1, { module: 'srd', pack: 'monsters', entry: 'orc' }, lookup)),
    ).toBe('VTT_ERR_PERMISSION_GM_ONLY');
  });

  it('refuses what the host does not resolve, and every import without a host', () => {
    const at = (payload: object, compendium?: CompendiumLookup) => {
      try {
        importAs(gm, payload, compendium);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(at({ module: 'srd', pack: 'weapons', entry: 'nope' }, lookup)).toMatchObject({
      code: 'VTT_ERR_COMPENDIUM_NOT_FOUND',
      params: { missing: 'entry' },
    });
    expect(at({ module: 'srd', pack: 'weapons', entry: 'club' })).toMatchObject({
      code: 'VTT_ERR_COMPENDIUM_NOT_FOUND',
      params: { missing: 'module' },
    });
    expect(
      at({ module: 'srd', pack: 'monsters', entry: 'orc', actorId: 'a1' }, lookup),
    ).toMatchObject({ code: 'VTT_ERR_COMPENDIUM_TARGET' });
  });
});
