import { DOCUMENT_TYPES } from './manifest-types.js';
import { SHEET_NODE_KINDS, SHEET_WIDGETS } from './sheet-types.js';

const label = { type: 'string', minLength: 1, maxLength: 200 } as const;
const nodeId = { type: 'string', format: 'vtt-type-name' } as const;
const children = { type: 'array', items: { $ref: '#/definitions/node' } } as const;
/** The widgets a column of an `items` node may use: values, shown per item. */
const ITEM_FIELD_WIDGETS = SHEET_WIDGETS.filter((w) => w !== 'resource' && w !== 'derived');

/** A `oneOf` branch for one node kind: the kind, its fields, nothing else. */
function node<const P extends Record<string, unknown>, const R extends readonly string[]>(
  kind: string,
  properties: P,
  required: R,
) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['kind', ...required],
    properties: { kind: { const: kind }, id: nodeId, ...properties },
  } as const;
}

/**
 * JSON Schema (draft-07) of a sheet file (see `SheetDefinition`). Checks the
 * shape; `validateSheet` also checks field paths and widgets against the
 * type's data schema. Node kinds are told apart by `kind` (ajv's
 * `discriminator`).
 */
export const SHEET_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'VTT sheet definition',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'documentType', 'type', 'layout'],
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', format: 'vtt-id' },
    documentType: { type: 'string', enum: DOCUMENT_TYPES },
    type: { type: 'string', format: 'vtt-type-name' },
    title: label,
    layout: children,
  },
  definitions: {
    node: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', enum: SHEET_NODE_KINDS } },
      discriminator: { propertyName: 'kind' },
      oneOf: [
        node('section', { title: label, children }, ['children']),
        node('row', { children }, ['children']),
        node(
          'tabs',
          {
            tabs: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'label', 'children'],
                properties: { id: nodeId, label, children },
              },
            },
          },
          ['tabs'],
        ),
        node(
          'field',
          {
            path: { type: 'string', format: 'json-pointer', minLength: 2 },
            label,
            widget: { type: 'string', enum: SHEET_WIDGETS },
            options: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['value', 'label'],
                properties: { value: { type: ['string', 'number'] }, label },
              },
            },
          },
          ['path', 'label', 'widget'],
        ),
        node(
          'roll',
          {
            roll: { type: 'string', minLength: 1, maxLength: 128 },
            label,
            args: { type: 'object' },
          },
          ['roll', 'label'],
        ),
        node(
          'items',
          {
            title: label,
            types: {
              type: 'array',
              minItems: 1,
              maxItems: 32,
              uniqueItems: true,
              items: { type: 'string', format: 'vtt-type-name' },
            },
            fields: {
              type: 'array',
              maxItems: 32,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['path', 'label'],
                properties: {
                  path: { type: 'string', format: 'json-pointer', minLength: 2 },
                  label,
                  widget: { type: 'string', enum: ITEM_FIELD_WIDGETS },
                },
              },
            },
            rolls: {
              type: 'array',
              maxItems: 16,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['roll', 'label'],
                properties: {
                  roll: { type: 'string', minLength: 1, maxLength: 128 },
                  label,
                  args: { type: 'object' },
                },
              },
            },
          },
          ['types'],
        ),
      ],
    },
  },
} as const;
