import { describe, expect, it } from 'vitest';
import type { SheetDefinition, SheetNode } from './sheet-types.js';
import { characterSchema, exampleSheet } from './test-fixtures.js';
import { MAX_SHEET_DEPTH, validateSheet } from './validate-sheet.js';

const codes = (list: ReadonlyArray<{ code: string; pointer: string }>) =>
  list.map(({ code, pointer }) => ({ code, pointer }));
const derived = { type: 'object', properties: { armorClass: { type: 'integer' } } };

/** A sheet whose layout is the given nodes. */
function sheetWith(...layout: unknown[]): Record<string, unknown> {
  return { id: 'test-sheet', documentType: 'actor', type: 'character', layout };
}

describe('validateSheet', () => {
  it('accepts the example sheet', () => {
    const result = validateSheet(exampleSheet(), characterSchema(), derived);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.sheet?.id).toBe('character-sheet');
  });

  it('reports a field path the schema does not define, with a suggestion', () => {
    const { errors } = validateSheet(
      sheetWith(
        { kind: 'field', path: '/abilities/stren/score', label: 'STR', widget: 'number' },
        { kind: 'field', path: '/abilities/str/value', label: 'STR', widget: 'number' },
        { kind: 'field', path: '/hp/value/x', label: 'HP', widget: 'number' },
        { kind: 'field', path: '/notes/first', label: 'Note', widget: 'text' },
      ),
      characterSchema(),
    );
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SHEET_PATH_UNKNOWN', pointer: '/layout/0/path' },
      { code: 'VTT_ERR_MODULE_SHEET_PATH_UNKNOWN', pointer: '/layout/1/path' },
      { code: 'VTT_ERR_MODULE_SHEET_PATH_UNKNOWN', pointer: '/layout/2/path' },
      { code: 'VTT_ERR_MODULE_SHEET_PATH_UNKNOWN', pointer: '/layout/3/path' },
    ]);
    expect(errors[0]?.fix).toContain("'/abilities/str/score'");
  });

  it.each([
    ['number', '/biography'],
    ['text', '/abilities/str/score'],
    ['checkbox', '/alignment'],
    ['select', '/biography'],
    ['resource', '/abilities/str'],
    ['number', '/hp'],
  ])('refuses the %s widget on %s', (widget, path) => {
    const { errors } = validateSheet(
      sheetWith({ kind: 'field', path, label: 'X', widget }),
      characterSchema(),
    );
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SHEET_WIDGET_MISMATCH', pointer: '/layout/0/widget' },
    ]);
  });

  it('accepts a select on a plain string when the field lists options', () => {
    const field = {
      kind: 'field',
      path: '/biography',
      label: 'Background',
      widget: 'select',
      options: [{ value: 'sage', label: 'Sage' }],
    };
    expect(validateSheet(sheetWith(field), characterSchema()).errors).toEqual([]);
  });

  it('checks derived fields against the derived schema, or warns without one', () => {
    const field = (path: string) => ({ kind: 'field', path, label: 'AC', widget: 'derived' });
    const checked = validateSheet(
      sheetWith(field('/armorClass'), field('/armourClass')),
      characterSchema(),
      derived,
    );
    expect(codes(checked.errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SHEET_PATH_UNKNOWN', pointer: '/layout/1/path' },
    ]);
    const unchecked = validateSheet(sheetWith(field('/armorClass')), characterSchema());
    expect(unchecked.errors).toEqual([]);
    expect(codes(unchecked.warnings)).toEqual([
      { code: 'VTT_ERR_MODULE_SHEET_DERIVED_UNCHECKED', pointer: '/layout/0/path' },
    ]);
  });

  it('reports duplicate ids across nodes and tabs', () => {
    const { errors } = validateSheet(
      sheetWith(
        { kind: 'section', id: 'main', children: [] },
        { kind: 'tabs', tabs: [{ id: 'main', label: 'Main', children: [] }] },
      ),
      characterSchema(),
    );
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_DUPLICATE_ID', pointer: '/layout/1/tabs/0/id' },
    ]);
  });

  it('reports shape errors of nodes by pointer', () => {
    const { errors } = validateSheet(
      {
        ...sheetWith(
          { kind: 'bogus', children: [] },
          { kind: 'field', path: 'abilities/str', label: 'STR', widget: 'slider' },
          { kind: 'roll', label: 'Roll' },
          { kind: 'row', children: [{ kind: 'section', children: [], colour: 'red' }] },
        ),
        documentType: 'scene',
      },
      characterSchema(),
    );
    expect(codes(errors)).toEqual(
      expect.arrayContaining([
        { code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/documentType' },
        { code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/layout/0/kind' },
        { code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/layout/1/path' },
        { code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/layout/1/widget' },
        { code: 'VTT_ERR_MODULE_FIELD_MISSING', pointer: '/layout/2/roll' },
        { code: 'VTT_ERR_MODULE_FIELD_UNKNOWN', pointer: '/layout/3/children/0/colour' },
      ]),
    );
  });

  it('follows $ref, items and additionalProperties', () => {
    const schema = {
      type: 'object',
      definitions: { skill: { type: 'object', properties: { rank: { type: 'integer' } } } },
      properties: {
        skills: { type: 'object', additionalProperties: { $ref: '#/definitions/skill' } },
        gear: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' } } },
        },
      },
    };
    const { errors } = validateSheet(
      sheetWith(
        { kind: 'field', path: '/skills/stealth/rank', label: 'Stealth', widget: 'number' },
        { kind: 'field', path: '/gear/0/name', label: 'Item', widget: 'text' },
        { kind: 'field', path: '/gear/0/weight', label: 'Weight', widget: 'number' },
      ),
      schema,
    );
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SHEET_PATH_UNKNOWN', pointer: '/layout/2/path' },
    ]);
  });

  it('refuses a layout nested past the depth cap without recursing', () => {
    let node: SheetNode = { kind: 'field', path: '/biography', label: 'Bio', widget: 'text' };
    for (let i = 0; i < 5000; i++) node = { kind: 'row', children: [node] };
    const sheet: SheetDefinition = {
      id: 'deep-sheet',
      documentType: 'actor',
      type: 'character',
      layout: [node],
    };
    const { errors } = validateSheet(sheet, characterSchema());
    expect(errors.map((e) => e.code)).toEqual(['VTT_ERR_MODULE_SHEET_TOO_DEEP']);
    expect((errors[0]?.pointer ?? '').split('/').length - 1).toBe(MAX_SHEET_DEPTH + 1);
  });

  it('refuses what is not an object', () => {
    expect(codes(validateSheet([], characterSchema()).errors)).toEqual([
      { code: 'VTT_ERR_MODULE_NOT_OBJECT', pointer: '' },
    ]);
  });
});
