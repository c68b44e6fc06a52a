import { describe, expect, it } from 'vitest';
import { characterSchema, exampleSpells, spellSchema } from './test-fixtures.js';
import { validateCompendiumEntries } from './validate-compendium.js';

const codes = (list: ReadonlyArray<{ code: string; pointer: string }>) =>
  list.map(({ code, pointer }) => ({ code, pointer }));

describe('validateCompendiumEntries', () => {
  it('accepts valid entries', () => {
    const result = validateCompendiumEntries(exampleSpells(), spellSchema(), { type: 'spell' });
    expect(result.errors).toEqual([]);
    expect(result.entries).toHaveLength(2);
  });

  it('reports invalid data with the entry index in the pointer', () => {
    const entries = [
      ...exampleSpells(),
      { id: 'fireball', name: 'Fireball', type: 'spell', data: { level: 12, range: 150 } },
      { id: 'shield', name: 'Shield', type: 'spell', data: {} },
    ];
    const { errors, entries: valid } = validateCompendiumEntries(entries, spellSchema());
    expect(valid).toBeUndefined();
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_FIELD_UNKNOWN', pointer: '/2/data/range' },
      { code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/2/data/level' },
      { code: 'VTT_ERR_MODULE_FIELD_MISSING', pointer: '/3/data/level' },
    ]);
  });

  it('reports bad entry shapes, duplicate ids and a wrong type', () => {
    const entries = [
      { id: 'light', name: 'Light', type: 'spell', data: { level: 0 } },
      { id: 'light', name: 'Light again', type: 'spell', data: { level: 0 } },
      { id: 'sword', name: 'Sword', type: 'weapon', data: { level: 0 } },
      { name: 'No id', type: 'spell', data: { level: 0 }, img: '../secret.png' },
      'not an entry',
    ];
    const { errors } = validateCompendiumEntries(entries, spellSchema(), { type: 'spell' });
    expect(codes(errors)).toEqual(
      expect.arrayContaining([
        { code: 'VTT_ERR_MODULE_DUPLICATE_ID', pointer: '/1/id' },
        { code: 'VTT_ERR_MODULE_TYPE_MISMATCH', pointer: '/2/type' },
        { code: 'VTT_ERR_MODULE_FIELD_MISSING', pointer: '/3/id' },
        { code: 'VTT_ERR_MODULE_PATH_INVALID', pointer: '/3/img' },
        { code: 'VTT_ERR_MODULE_FIELD_TYPE', pointer: '/4' },
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it('refuses a pack that is not an array', () => {
    const { errors } = validateCompendiumEntries({ light: {} }, spellSchema());
    expect(codes(errors)).toEqual([{ code: 'VTT_ERR_MODULE_FIELD_TYPE', pointer: '' }]);
  });

  it('returns the schema errors when the type schema is refused', () => {
    const { errors } = validateCompendiumEntries([], {
      type: 'object',
      properties: { a: { $ref: 'http://x' } },
    });
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SCHEMA_REMOTE_REF', pointer: '/properties/a/$ref' },
    ]);
  });

  describe('tags and embedded items', () => {
    const hero = (extra: Record<string, unknown>) => ({
      id: 'hero',
      name: 'Hero',
      type: 'character',
      data: { abilities: {}, hp: { value: 5, max: 5 } },
      ...extra,
    });

    it('accepts tags and items of declared item types with valid data', () => {
      const entry = hero({
        tags: ['humanoid', 'cr-1/4'],
        items: [
          { name: 'Light', type: 'spell', data: { level: 0 }, image: 'assets/light.webp' },
          { name: 'Magic Missile', type: 'spell', data: { level: 1 } },
        ],
      });
      const result = validateCompendiumEntries([entry], characterSchema(), {
        type: 'character',
        itemTypes: { spell: spellSchema() },
      });
      expect(result.errors).toEqual([]);
      expect(result.entries?.[0]?.items).toHaveLength(2);
    });

    it('bounds tags: count, length, repeats', () => {
      const tooMany = Array.from({ length: 21 }, (_, i) => `t${i}`);
      const entries = [
        hero({ id: 'a', tags: tooMany }),
        hero({ id: 'b', tags: ['x'.repeat(41)] }),
        hero({ id: 'c', tags: ['same', 'same'] }),
        hero({ id: 'd', tags: [''] }),
        hero({ id: 'e', tags: 'undead' }),
      ];
      const { errors } = validateCompendiumEntries(entries, characterSchema(), {
        itemTypes: {},
      });
      expect(codes(errors).map((e) => e.pointer)).toEqual([
        '/0/tags',
        '/1/tags/0',
        '/2/tags',
        '/3/tags/0',
        '/4/tags',
      ]);
    });

    it('checks embedded items: shape, declared type, data against the type', () => {
      const entry = hero({
        items: [
          { name: 'Sword', type: 'spel', data: { level: 1 } },
          { name: 'Bad', type: 'spell', data: { level: 12 } },
          { name: 'No data', type: 'spell' },
          { name: 'Odd', type: 'spell', data: { level: 1 }, img: 'a.png' },
        ],
      });
      const { errors } = validateCompendiumEntries([entry], characterSchema(), {
        itemTypes: { spell: spellSchema() },
      });
      expect(codes(errors)).toEqual(
        expect.arrayContaining([
          { code: 'VTT_ERR_MODULE_UNKNOWN_REFERENCE', pointer: '/0/items/0/type' },
          { code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/0/items/1/data/level' },
          { code: 'VTT_ERR_MODULE_FIELD_MISSING', pointer: '/0/items/2/data' },
          { code: 'VTT_ERR_MODULE_FIELD_UNKNOWN', pointer: '/0/items/3/img' },
        ]),
      );
      expect(errors).toHaveLength(4);
    });

    it('refuses items in a pack that allows none (item packs)', () => {
      const light = { ...exampleSpells()[1]!, items: [] };
      const { errors } = validateCompendiumEntries([light], spellSchema());
      expect(codes(errors)).toEqual([
        { code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/0/items' },
      ]);
    });
  });
});
