import { describe, expect, it } from 'vitest';
import { characterSchema } from './test-fixtures.js';
import { validateSheet } from './validate-sheet.js';

const codes = (list: ReadonlyArray<{ code: string; pointer: string }>) =>
  list.map(({ code, pointer }) => ({ code, pointer }));

const itemTypes = {
  weapon: {
    type: 'object',
    properties: { damage: { type: 'string' }, bonus: { type: 'integer' } },
  },
  spell: {
    type: 'object',
    properties: { damage: { type: 'string' }, level: { type: 'integer' } },
  },
};

const sheetWith = (...layout: unknown[]) => ({
  id: 'test-sheet',
  documentType: 'actor',
  type: 'character',
  layout,
});

const attacks = {
  kind: 'items',
  id: 'attacks',
  title: 'Attacks',
  types: ['weapon', 'spell'],
  fields: [{ path: '/damage', label: 'Damage', widget: 'text' }],
  rolls: [{ roll: 'attack', label: 'Attack', args: { mode: 'melee' } }],
};

describe('validateSheet: the items node', () => {
  it('accepts a list of items with columns every listed type has, and roll buttons', () => {
    const result = validateSheet(
      sheetWith({ kind: 'section', children: [attacks] }),
      characterSchema(),
      undefined,
      itemTypes,
    );
    expect(result.errors).toEqual([]);
    expect(result.sheet?.layout[0]).toMatchObject({ children: [{ kind: 'items' }] });
  });

  it('refuses item types the module does not declare', () => {
    const { errors } = validateSheet(
      sheetWith({ ...attacks, types: ['weapon', 'wand'] }),
      characterSchema(),
      undefined,
      itemTypes,
    );
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SHEET_ITEM_TYPE_UNKNOWN', pointer: '/layout/0/types/1' },
    ]);
  });

  it('refuses a column one listed type lacks, and a widget that does not fit', () => {
    const { errors } = validateSheet(
      sheetWith({
        ...attacks,
        fields: [
          { path: '/level', label: 'Level' },
          { path: '/damage', label: 'Damage', widget: 'number' },
        ],
      }),
      characterSchema(),
      undefined,
      itemTypes,
    );
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SHEET_PATH_UNKNOWN', pointer: '/layout/0/fields/0/path' },
      { code: 'VTT_ERR_MODULE_SHEET_WIDGET_MISMATCH', pointer: '/layout/0/fields/1/widget' },
      { code: 'VTT_ERR_MODULE_SHEET_WIDGET_MISMATCH', pointer: '/layout/0/fields/1/widget' },
    ]);
  });

  it('refuses a malformed items node by its shape', () => {
    for (const node of [
      { kind: 'items', types: [] },
      { kind: 'items', types: ['weapon'], rolls: [{ label: 'No roll' }] },
      {
        kind: 'items',
        types: ['weapon'],
        fields: [{ path: '/damage', label: 'D', widget: 'resource' }],
      },
      { kind: 'items', types: ['weapon'], children: [] },
    ]) {
      const { errors } = validateSheet(sheetWith(node), characterSchema(), undefined, itemTypes);
      expect(errors.length, JSON.stringify(node)).toBeGreaterThan(0);
    }
  });
});
