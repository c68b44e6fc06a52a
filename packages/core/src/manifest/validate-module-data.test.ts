import { describe, expect, it } from 'vitest';
import { exampleFiles, exampleManifest, exampleSheet, exampleSpells } from './test-fixtures.js';
import { validateModuleData } from './validate-module-data.js';

const located = (list: ReadonlyArray<{ code: string; pointer: string; file?: string }>) =>
  list.map(({ code, pointer, file }) => ({ code, file, pointer }));

describe('validateModuleData', () => {
  it('accepts the example module', () => {
    const result = validateModuleData({ manifest: exampleManifest(), files: exampleFiles() });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.manifest?.id).toBe('tiny-fantasy');
  });

  it('reports missing files named by the manifest', () => {
    const { errors } = validateModuleData({ manifest: exampleManifest(), files: {} });
    expect(located(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_FILE_MISSING', file: 'vtt-module.json', pointer: '/sheets/0/path' },
      {
        code: 'VTT_ERR_MODULE_FILE_MISSING',
        file: 'vtt-module.json',
        pointer: '/compendium/0/path',
      },
    ]);
  });

  it('checks the engine range against the core version', () => {
    const { errors } = validateModuleData({
      manifest: exampleManifest(),
      files: exampleFiles(),
      coreVersion: '0.2.0',
    });
    expect(located(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_ENGINE_MISMATCH', file: 'vtt-module.json', pointer: '/engine' },
    ]);
  });

  it('reports problems in every file at once, each with its file', () => {
    const manifest = exampleManifest();
    const character = manifest.actorTypes?.['character'];
    const hostile = {
      ...manifest,
      actorTypes: {
        character: character!,
        npc: {
          label: 'NPC',
          schema: { type: 'object', properties: { a: { $ref: 'https://evil.example/x' } } },
        },
      },
    };
    const sheet = exampleSheet();
    const badSheet = {
      ...sheet,
      type: 'npc',
      layout: [
        ...sheet.layout,
        { kind: 'field', path: '/biography', label: 'Bio', widget: 'number' },
      ],
    };
    const spells = [
      ...exampleSpells(),
      { id: 'bad', name: 'Bad', type: 'spell', data: { level: 'high' } },
    ];
    const { errors, manifest: valid } = validateModuleData({
      manifest: hostile,
      files: { 'sheets/character.json': badSheet, 'packs/spells.json': spells },
    });
    expect(valid).toBeUndefined();
    expect(located(errors)).toEqual([
      {
        code: 'VTT_ERR_MODULE_SCHEMA_REMOTE_REF',
        file: 'vtt-module.json',
        pointer: '/actorTypes/npc/schema/properties/a/$ref',
      },
      {
        code: 'VTT_ERR_MODULE_SHEET_WIDGET_MISMATCH',
        file: 'sheets/character.json',
        pointer: '/layout/1/widget',
      },
      { code: 'VTT_ERR_MODULE_TYPE_MISMATCH', file: 'sheets/character.json', pointer: '/type' },
      { code: 'VTT_ERR_MODULE_FIELD_TYPE', file: 'packs/spells.json', pointer: '/2/data/level' },
    ]);
  });

  it('reports sheets and packs that point to unknown types', () => {
    const manifest = exampleManifest();
    const { errors } = validateModuleData({
      manifest: {
        ...manifest,
        sheets: [{ ...manifest.sheets![0]!, type: 'wizard' }],
        compendium: [{ ...manifest.compendium![0]!, documentType: 'actor' }],
        actorTypes: { character: { ...manifest.actorTypes!['character']!, sheet: undefined } },
      },
      files: exampleFiles(),
    });
    expect(located(errors)).toEqual([
      {
        code: 'VTT_ERR_MODULE_UNKNOWN_REFERENCE',
        file: 'vtt-module.json',
        pointer: '/sheets/0/type',
      },
      {
        code: 'VTT_ERR_MODULE_UNKNOWN_REFERENCE',
        file: 'vtt-module.json',
        pointer: '/compendium/0/type',
      },
    ]);
  });

  it('checks the items embedded in actor pack entries against the item types', () => {
    const manifest = exampleManifest();
    const heroes = [
      {
        id: 'hero',
        name: 'Hero',
        type: 'character',
        tags: ['pregenerated'],
        data: { abilities: {}, hp: { value: 5, max: 5 } },
        items: [
          { name: 'Light', type: 'spell', data: { level: 0 } },
          { name: 'Sword', type: 'weapon', data: {} },
          { name: 'Bad', type: 'spell', data: { level: 'high' } },
        ],
      },
    ];
    const badSpells = [{ ...exampleSpells()[0]!, items: [] }];
    const { errors } = validateModuleData({
      manifest: {
        ...manifest,
        compendium: [
          ...manifest.compendium!,
          {
            id: 'heroes',
            label: 'Heroes',
            documentType: 'actor',
            type: 'character',
            path: 'packs/heroes.json',
          },
        ],
      },
      files: { ...exampleFiles(), 'packs/spells.json': badSpells, 'packs/heroes.json': heroes },
    });
    expect(located(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_FIELD_INVALID', file: 'packs/spells.json', pointer: '/0/items' },
      {
        code: 'VTT_ERR_MODULE_UNKNOWN_REFERENCE',
        file: 'packs/heroes.json',
        pointer: '/0/items/1/type',
      },
      {
        code: 'VTT_ERR_MODULE_FIELD_TYPE',
        file: 'packs/heroes.json',
        pointer: '/0/items/2/data/level',
      },
    ]);
  });

  it('reports a manifest that is not an object and stops there', () => {
    const { errors } = validateModuleData({ manifest: 'nope', files: exampleFiles() });
    expect(located(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_NOT_OBJECT', file: 'vtt-module.json', pointer: '' },
    ]);
  });
});
