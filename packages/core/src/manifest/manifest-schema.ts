import {
  DOCUMENT_TYPES,
  HEALTH_KINDS,
  MODULE_KINDS,
  PACK_DOCUMENT_TYPES,
} from './manifest-types.js';

const id = { type: 'string', format: 'vtt-id' } as const;
const typeName = { type: 'string', format: 'vtt-type-name' } as const;
const path = { type: 'string', format: 'vtt-path' } as const;
const label = { type: 'string', minLength: 1, maxLength: 100 } as const;
const documentType = { type: 'string', enum: DOCUMENT_TYPES } as const;
const flagVisibility = { type: 'string', enum: ['gm', 'owner', 'viewer'] } as const;
const types = {
  type: 'object',
  propertyNames: typeName,
  additionalProperties: { $ref: '#/definitions/documentType' },
} as const;

/**
 * JSON Schema (draft-07) of `vtt-module.json`. It checks the shape only:
 * shipped data schemas are checked by `compileDataSchema`, references
 * between fields by `validateManifest`. The `vtt-*` formats are those of
 * `MODULE_FORMATS`.
 */
export const MANIFEST_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'VTT module manifest (vtt-module.json)',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'version', 'kind', 'engine'],
  properties: {
    $schema: { type: 'string' },
    id,
    name: label,
    version: { type: 'string', format: 'vtt-semver' },
    kind: { type: 'string', enum: MODULE_KINDS },
    engine: { type: 'string', format: 'vtt-range' },
    dependencies: {
      type: 'object',
      propertyNames: id,
      additionalProperties: { type: 'string', format: 'vtt-range' },
    },
    entry: path,
    actorTypes: types,
    itemTypes: types,
    sheets: { type: 'array', items: { $ref: '#/definitions/sheetReference' } },
    compendium: { type: 'array', items: { $ref: '#/definitions/compendiumReference' } },
    assets: { type: 'array', items: { type: 'string', format: 'vtt-glob' } },
    authors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: label,
          email: { type: 'string', format: 'email' },
          url: { type: 'string', format: 'uri' },
        },
      },
    },
    license: { type: 'string', format: 'vtt-spdx' },
    description: { type: 'string', maxLength: 2000 },
    url: { type: 'string', format: 'uri' },
    flags: {
      type: 'object',
      additionalProperties: false,
      required: ['visibility'],
      properties: {
        visibility: flagVisibility,
        keys: {
          type: 'object',
          maxProperties: 256,
          propertyNames: { type: 'string', minLength: 1, maxLength: 100 },
          additionalProperties: flagVisibility,
        },
      },
    },
    capabilities: { $ref: '#/definitions/capabilities' },
    combat: {
      type: 'object',
      additionalProperties: false,
      required: ['health'],
      properties: {
        health: {
          type: 'array',
          maxItems: 16,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'kind'],
            properties: {
              path: { type: 'string', pattern: '^(/[^/]+)+$', maxLength: 256 },
              kind: { type: 'string', enum: HEALTH_KINDS },
              label,
              actorTypes: { type: 'array', uniqueItems: true, minItems: 1, items: typeName },
            },
          },
        },
      },
    },
  },
  definitions: {
    capabilities: {
      type: 'object',
      additionalProperties: false,
      properties: {
        propose: { $ref: '#/definitions/coreNames' },
        hooks: {
          type: 'object',
          additionalProperties: false,
          properties: {
            before: { $ref: '#/definitions/coreNames' },
            after: { $ref: '#/definitions/coreNames' },
          },
        },
      },
    },
    coreNames: {
      type: 'array',
      uniqueItems: true,
      maxItems: 200,
      items: { type: 'string', pattern: '^core:[a-z][a-z-]*$', maxLength: 64 },
    },
    documentType: {
      type: 'object',
      additionalProperties: false,
      required: ['label', 'schema'],
      properties: {
        label,
        schema: { $ref: '#/definitions/objectSchema' },
        derived: { $ref: '#/definitions/objectSchema' },
        sheet: id,
      },
    },
    objectSchema: {
      type: 'object',
      required: ['type'],
      properties: { type: { const: 'object' } },
    },
    sheetReference: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'documentType', 'type', 'path'],
      properties: { id, documentType, type: typeName, path },
    },
    compendiumReference: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'label', 'documentType', 'path'],
      properties: {
        id,
        label,
        documentType: { type: 'string', enum: PACK_DOCUMENT_TYPES },
        type: typeName,
        path,
      },
      // Actor and item packs name their type; roll-table packs have none.
      if: { type: 'object', properties: { documentType: { const: 'rollTable' } } },
      then: { not: { type: 'object', properties: { type: {} }, required: ['type'] } },
      else: { type: 'object', properties: { type: typeName }, required: ['type'] },
    },
  },
} as const;
