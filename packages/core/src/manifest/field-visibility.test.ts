import { describe, expect, it } from 'vitest';
import { compileDataSchema } from './compile-data-schema.js';
import { compileFieldVisibility } from './field-visibility.js';
import { exampleFiles, exampleManifest } from './test-fixtures.js';
import { validateManifest } from './validate-manifest.js';
import { validateModuleData } from './validate-module-data.js';
import { compileVisibilityPolicy } from './visibility-policy.js';

const located = (list: ReadonlyArray<{ code: string; pointer: string }>) =>
  list.map(({ code, pointer }) => ({ code, pointer }));

const monster = {
  type: 'object',
  definitions: {
    attack: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        bonus: { type: 'integer', 'x-vtt-visibility': 'gm' },
      },
    },
  },
  properties: {
    hp: { 'x-vtt-visibility': 'gm', type: 'integer' },
    ac: { $ref: '#/definitions/ac', 'x-vtt-visibility': 'gm' },
    attacks: { type: 'array', items: { $ref: '#/definitions/attack' } },
    journal: {
      type: 'object',
      additionalProperties: { type: 'string', 'x-vtt-visibility': 'owner' },
    },
    both: {
      allOf: [{ 'x-vtt-visibility': 'owner' }, { 'x-vtt-visibility': 'gm' }],
    },
    name: { type: 'string' },
  },
};

describe('compileFieldVisibility', () => {
  it('follows properties, $ref, items, additionalProperties and allOf; the stricter wins', () => {
    const schema = { ...monster, definitions: { ...monster.definitions, ac: { type: 'integer' } } };
    expect(compileFieldVisibility(schema)).toEqual({
      errors: [],
      visibility: {
        properties: {
          hp: { visibility: 'gm' },
          ac: { visibility: 'gm' },
          attacks: { items: { properties: { bonus: { visibility: 'gm' } } } },
          journal: { additional: { visibility: 'owner' } },
          both: { visibility: 'gm' },
        },
      },
    });
  });

  it('declares nothing for a schema without the keyword', () => {
    expect(compileFieldVisibility({ type: 'object', properties: { a: {} } })).toEqual({
      errors: [],
    });
  });

  it('refuses a declaration where the projection cannot apply it', () => {
    const under = compileFieldVisibility(
      {
        type: 'object',
        patternProperties: { '^x': { 'x-vtt-visibility': 'gm' } },
        properties: { a: { not: { 'x-vtt-visibility': 'gm' } } },
      },
      '/actorTypes/npc/schema',
    );
    expect(located(under.errors)).toEqual([
      {
        code: 'VTT_ERR_MODULE_SCHEMA_VISIBILITY_PLACE',
        pointer: '/actorTypes/npc/schema/properties/a/not',
      },
      {
        code: 'VTT_ERR_MODULE_SCHEMA_VISIBILITY_PLACE',
        pointer: '/actorTypes/npc/schema/patternProperties',
      },
    ]);
    const recursive = compileFieldVisibility({
      type: 'object',
      definitions: {
        node: {
          type: 'object',
          properties: {
            secret: { 'x-vtt-visibility': 'gm' },
            children: { type: 'array', items: { $ref: '#/definitions/node' } },
          },
        },
      },
      properties: { tree: { $ref: '#/definitions/node' } },
    });
    expect(located(recursive.errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SCHEMA_VISIBILITY_PLACE', pointer: '/definitions/node' },
    ]);
  });
});

describe('x-vtt-visibility in vtt validate', () => {
  it('is accepted by strict ajv, and data is still validated', () => {
    const schema = { ...monster, definitions: { ...monster.definitions, ac: { type: 'integer' } } };
    const compiled = compileDataSchema(schema);
    expect(compiled.errors).toEqual([]);
    expect(compiled.validate?.({ hp: 'many' }).map((d) => d.pointer)).toEqual(['/hp']);
  });

  it('reports a bad value with its pointer and a fix', () => {
    const manifest = exampleManifest();
    const bad = {
      ...manifest,
      actorTypes: {
        npc: {
          label: 'NPC',
          schema: {
            type: 'object',
            properties: { hp: { type: 'integer', 'x-vtt-visibility': 'gm-only' } },
          },
        },
      },
      sheets: [],
      compendium: [],
    };
    const { errors } = validateModuleData({ manifest: bad, files: exampleFiles() });
    expect(located(errors)).toEqual([
      {
        code: 'VTT_ERR_MODULE_SCHEMA_VISIBILITY_VALUE',
        pointer: '/actorTypes/npc/schema/properties/hp/x-vtt-visibility',
      },
    ]);
    expect(errors[0]!.fix).toContain('"owner"');
  });

  it('warns where the keyword has no effect (derived data), not in item types', () => {
    const manifest = exampleManifest();
    const declared = {
      type: 'object',
      properties: { dc: { type: 'integer', 'x-vtt-visibility': 'gm' } },
    };
    const odd = {
      ...manifest,
      actorTypes: { npc: { label: 'NPC', schema: { type: 'object' }, derived: declared } },
      itemTypes: { trap: { label: 'Trap', schema: declared } },
      sheets: [],
      compendium: [],
    };
    const { errors, warnings } = validateModuleData({ manifest: odd, files: exampleFiles() });
    expect(errors).toEqual([]);
    expect(located(warnings)).toEqual([
      { code: 'VTT_ERR_MODULE_SCHEMA_VISIBILITY_UNUSED', pointer: '/actorTypes/npc/derived' },
    ]);
    expect(compileVisibilityPolicy([odd as never]).itemTypes).toEqual({
      trap: { properties: { dc: { visibility: 'gm' } } },
    });
  });

  it('checks the flags declaration of a manifest', () => {
    const ok = validateManifest({
      ...exampleManifest(),
      flags: { visibility: 'viewer', keys: { dc: 'gm' } },
    });
    expect(ok.errors).toEqual([]);
    const bad = validateManifest({ ...exampleManifest(), flags: { visibility: 'everyone' } });
    expect(bad.errors.map((d) => d.pointer)).toEqual(['/flags/visibility']);
  });
});

describe('compileVisibilityPolicy', () => {
  it('keeps the first declaration of an actor type and each module`s flags', () => {
    const system = {
      ...exampleManifest(),
      id: 'sys',
      flags: { visibility: 'viewer' as const },
      actorTypes: {
        npc: {
          label: 'NPC',
          schema: { type: 'object', properties: { hp: { 'x-vtt-visibility': 'gm' } } },
        },
      },
    };
    const addon = {
      ...exampleManifest(),
      id: 'addon',
      actorTypes: { npc: { label: 'NPC', schema: { type: 'object' } } },
    };
    expect(compileVisibilityPolicy([system, addon])).toEqual({
      actorTypes: { npc: { properties: { hp: { visibility: 'gm' } } } },
      flags: { sys: { visibility: 'viewer' } },
    });
  });

  it('hides all data of a type whose declarations cannot be applied (fail closed)', () => {
    const broken = {
      ...exampleManifest(),
      actorTypes: {
        npc: { label: 'NPC', schema: { type: 'object', not: { 'x-vtt-visibility': 'gm' } } },
      },
    };
    expect(compileVisibilityPolicy([broken]).actorTypes['npc']).toEqual({ visibility: 'gm' });
  });
});
