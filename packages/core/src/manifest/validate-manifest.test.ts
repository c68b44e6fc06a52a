import { describe, expect, it } from 'vitest';
import { exampleManifest } from './test-fixtures.js';
import { validateManifest } from './validate-manifest.js';

const codes = (list: ReadonlyArray<{ code: string; pointer: string }>) =>
  list.map(({ code, pointer }) => ({ code, pointer }));

/** The example manifest with one field replaced (or removed with `undefined`). */
function withField(field: string, value: unknown): Record<string, unknown> {
  const manifest: Record<string, unknown> = { ...exampleManifest() };
  if (value === undefined) delete manifest[field];
  else manifest[field] = value;
  return manifest;
}

describe('validateManifest', () => {
  it('accepts the example manifest and returns it typed', () => {
    const result = validateManifest(exampleManifest());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.manifest?.id).toBe('tiny-fantasy');
  });

  it('accepts a minimal data-only addon, warning about recommended fields', () => {
    const result = validateManifest({
      id: 'extra-maps',
      name: 'Extra maps',
      version: '0.1.0-beta.1',
      kind: 'addon',
      engine: '*',
    });
    expect(result.errors).toEqual([]);
    expect(codes(result.warnings)).toEqual([
      { code: 'VTT_ERR_MODULE_FIELD_RECOMMENDED', pointer: '/description' },
      { code: 'VTT_ERR_MODULE_FIELD_RECOMMENDED', pointer: '/license' },
      { code: 'VTT_ERR_MODULE_FIELD_RECOMMENDED', pointer: '/authors' },
    ]);
  });

  it('refuses what is not an object', () => {
    for (const json of [null, [], 'vtt-module', 42]) {
      expect(codes(validateManifest(json).errors)).toEqual([
        { code: 'VTT_ERR_MODULE_NOT_OBJECT', pointer: '' },
      ]);
    }
  });

  it.each([
    ['id', 'My_System', 'VTT_ERR_MODULE_ID_INVALID', '/id'],
    ['id', 'ab', 'VTT_ERR_MODULE_ID_INVALID', '/id'],
    ['id', 'a'.repeat(65), 'VTT_ERR_MODULE_ID_INVALID', '/id'],
    ['id', 'double--hyphen', 'VTT_ERR_MODULE_ID_INVALID', '/id'],
    ['id', 7, 'VTT_ERR_MODULE_FIELD_TYPE', '/id'],
    ['name', '', 'VTT_ERR_MODULE_FIELD_INVALID', '/name'],
    ['version', '1.0', 'VTT_ERR_MODULE_VERSION_INVALID', '/version'],
    ['version', 'v1.0.0', 'VTT_ERR_MODULE_VERSION_INVALID', '/version'],
    ['kind', 'plugin', 'VTT_ERR_MODULE_FIELD_INVALID', '/kind'],
    ['engine', 'latest', 'VTT_ERR_MODULE_RANGE_INVALID', '/engine'],
    ['dependencies', { 'Bad Id': '^1.0.0' }, 'VTT_ERR_MODULE_ID_INVALID', '/dependencies/Bad Id'],
    [
      'dependencies',
      { 'dice-pack': 'soon' },
      'VTT_ERR_MODULE_RANGE_INVALID',
      '/dependencies/dice-pack',
    ],
    ['entry', '../outside.js', 'VTT_ERR_MODULE_PATH_INVALID', '/entry'],
    ['entry', '/abs/module.js', 'VTT_ERR_MODULE_PATH_INVALID', '/entry'],
    ['entry', 'dist\\module.js', 'VTT_ERR_MODULE_PATH_INVALID', '/entry'],
    ['entry', 'C:/module.js', 'VTT_ERR_MODULE_PATH_INVALID', '/entry'],
    ['entry', 'dist/*.js', 'VTT_ERR_MODULE_PATH_INVALID', '/entry'],
    ['assets', ['assets/../../etc/passwd'], 'VTT_ERR_MODULE_PATH_INVALID', '/assets/0'],
    [
      'actorTypes',
      { '1st': { label: 'x', schema: { type: 'object' } } },
      'VTT_ERR_MODULE_FIELD_INVALID',
      '/actorTypes/1st',
    ],
    [
      'actorTypes',
      { npc: { label: 'NPC' } },
      'VTT_ERR_MODULE_FIELD_MISSING',
      '/actorTypes/npc/schema',
    ],
    [
      'actorTypes',
      { npc: { label: 'NPC', schema: { type: 'array' } } },
      'VTT_ERR_MODULE_FIELD_INVALID',
      '/actorTypes/npc/schema/type',
    ],
    [
      'itemTypes',
      { spell: { label: 'Spell', schema: { type: 'object' }, sheet: 'nope-sheet' } },
      'VTT_ERR_MODULE_UNKNOWN_REFERENCE',
      '/itemTypes/spell/sheet',
    ],
    [
      'sheets',
      [{ id: 'character-sheet', documentType: 'actor', type: 'character' }],
      'VTT_ERR_MODULE_FIELD_MISSING',
      '/sheets/0/path',
    ],
    [
      'compendium',
      [{ id: 'pack', label: 'P', documentType: 'scene', type: 'spell', path: 'p.json' }],
      'VTT_ERR_MODULE_FIELD_INVALID',
      '/compendium/0/documentType',
    ],
    ['authors', [{ email: 'ada@example.org' }], 'VTT_ERR_MODULE_FIELD_MISSING', '/authors/0/name'],
    [
      'authors',
      [{ name: 'Ada', email: 'not an email' }],
      'VTT_ERR_MODULE_FIELD_INVALID',
      '/authors/0/email',
    ],
    ['license', 'MIT OR', 'VTT_ERR_MODULE_LICENSE_INVALID', '/license'],
    ['url', 'example.org', 'VTT_ERR_MODULE_FIELD_INVALID', '/url'],
    ['version', undefined, 'VTT_ERR_MODULE_FIELD_MISSING', '/version'],
  ])('refuses %s = %j with %s at %s', (field, value, code, pointer) => {
    const { errors, manifest } = validateManifest(withField(field, value));
    expect(manifest).toBeUndefined();
    expect(codes(errors)).toContainEqual({ code, pointer });
  });

  it.each([
    ['license', 'Apache-2.0 OR (MIT AND CC-BY-4.0)'],
    ['license', 'GPL-3.0+ WITH Classpath-exception-2.0'],
    ['license', 'SEE LICENSE IN LICENSE.txt'],
    ['dependencies', { 'dice-pack': '1.2.3 - 2 || ^3' }],
    ['assets', ['assets/{tokens,maps}/**/*.webp']],
  ])('accepts %s = %j', (field, value) => {
    expect(validateManifest(withField(field, value)).errors).toEqual([]);
  });

  it('names an unknown field and suggests the closest known one', () => {
    const manifest = withField('verison', '1.0.0');
    const { errors } = validateManifest(manifest);
    expect(codes(errors)).toEqual([{ code: 'VTT_ERR_MODULE_FIELD_UNKNOWN', pointer: '/verison' }]);
    expect(errors[0]?.fix).toContain('/version');
    const nested = withField('authors', [{ name: 'Ada', emial: 'a@b.c' }]);
    expect(validateManifest(nested).errors[0]?.fix).toContain('/authors/0/email');
  });

  it('reports every problem at once', () => {
    const { errors } = validateManifest({
      id: 'X',
      name: 'x',
      version: '1',
      kind: 'game',
      engine: '>>0',
      extra: true,
    });
    expect(codes(errors)).toEqual(
      expect.arrayContaining([
        { code: 'VTT_ERR_MODULE_ID_INVALID', pointer: '/id' },
        { code: 'VTT_ERR_MODULE_VERSION_INVALID', pointer: '/version' },
        { code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/kind' },
        { code: 'VTT_ERR_MODULE_RANGE_INVALID', pointer: '/engine' },
        { code: 'VTT_ERR_MODULE_FIELD_UNKNOWN', pointer: '/extra' },
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it('checks references between fields', () => {
    const manifest = exampleManifest();
    const { errors } = validateManifest({
      ...manifest,
      dependencies: { 'tiny-fantasy': '^1.0.0' },
      sheets: [
        ...(manifest.sheets ?? []),
        { id: 'character-sheet', documentType: 'actor', type: 'charakter', path: 'sheets/b.json' },
        { id: 'spell-sheet', documentType: 'actor', type: 'spell', path: 'sheets/c.json' },
      ],
      compendium: [
        ...(manifest.compendium ?? []),
        {
          id: 'basic-spells',
          label: 'Again',
          documentType: 'item',
          type: 'spel',
          path: 'packs/b.json',
        },
      ],
      itemTypes: {
        spell: { label: 'Spell', schema: { type: 'object' }, sheet: 'character-sheet' },
      },
    });
    expect(codes(errors)).toEqual(
      expect.arrayContaining([
        { code: 'VTT_ERR_MODULE_SELF_DEPENDENCY', pointer: '/dependencies/tiny-fantasy' },
        { code: 'VTT_ERR_MODULE_DUPLICATE_ID', pointer: '/sheets/1/id' },
        { code: 'VTT_ERR_MODULE_UNKNOWN_REFERENCE', pointer: '/sheets/1/type' },
        { code: 'VTT_ERR_MODULE_UNKNOWN_REFERENCE', pointer: '/sheets/2/type' },
        { code: 'VTT_ERR_MODULE_DUPLICATE_ID', pointer: '/compendium/1/id' },
        { code: 'VTT_ERR_MODULE_UNKNOWN_REFERENCE', pointer: '/compendium/1/type' },
        { code: 'VTT_ERR_MODULE_TYPE_MISMATCH', pointer: '/itemTypes/spell/sheet' },
      ]),
    );
    expect(errors).toHaveLength(7);
    const typo = errors.find((e) => e.pointer === '/sheets/1/type');
    expect(typo?.fix).toContain("'character'");
  });
});
