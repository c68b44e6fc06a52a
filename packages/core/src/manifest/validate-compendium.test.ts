import { describe, expect, it } from 'vitest';
import { exampleSpells, spellSchema } from './test-fixtures.js';
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
});
