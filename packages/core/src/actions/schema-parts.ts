/**
 * JSON Schema pieces shared by the action schemas. Every string, array and
 * map is capped; every object closes with `additionalProperties: false`
 * except module-owned JSON (`data`, flag values).
 */
import { FOG_LIMITS } from '../geometry/index.js';
import { STATE_LIMITS } from '../limits/state-limits.js';

/**
 * Caps on sizes in action payloads, enforced by the action schemas.
 *
 * @example
 * if (text.length > ACTION_LIMITS.chatLength) warnUser();
 */
export const ACTION_LIMITS = {
  idLength: 64,
  nameLength: 200,
  textLength: 20_000,
  chatLength: 4_000,
  notationLength: 1_000,
  maxFlags: 32,
  maxBars: 8,
  maxStatuses: 32,
  maxWhisper: 64,
  maxLinks: 32,
  maxOwnership: 256,
  maxModules: 64,
  /** Serialised size of a whole action, in UTF-16 code units. */
  maxActionLength: 256 * 1024,
  /** Nesting of a whole action: a document's bound plus the action's own levels. */
  maxDepth: STATE_LIMITS.maxDepth + 4,
  maxCoordinate: FOG_LIMITS.maxCoordinate,
  /** Rounds an effect may last. */
  maxEffectRounds: 10_000,
  /** In-world seconds one `core:advance-time` (or an effect's duration) may span: 10 years. */
  maxAdvanceSeconds: 315_360_000,
} as const;

/** Document ids: letters, digits and `_ . : -`. */
export const idSchema = {
  type: 'string',
  pattern: `^[A-Za-z0-9_.:-]{1,${ACTION_LIMITS.idLength}}$`,
} as const;
/** Module ids: kebab-case. */
export const moduleIdSchema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } as const;
/** A display name. */
export const nameSchema = {
  type: 'string',
  minLength: 1,
  maxLength: ACTION_LIMITS.nameLength,
} as const;
/** A long text (notes, timeline). */
export const textSchema = { type: 'string', maxLength: ACTION_LIMITS.textLength } as const;
/** An asset id or URL, or null. */
export const assetSchema = { type: ['string', 'null'], maxLength: 2048 } as const;
/** A scene coordinate in pixels. */
export const coordSchema = {
  type: 'number',
  minimum: -ACTION_LIMITS.maxCoordinate,
  maximum: ACTION_LIMITS.maxCoordinate,
} as const;
/** A positive size or count. */
export const positiveSchema = { type: 'number', exclusiveMinimum: 0, maximum: 1_000_000 } as const;
/** Module data: `flags[moduleId]`, any JSON per module. */
export const flagsSchema = {
  type: 'object',
  maxProperties: ACTION_LIMITS.maxFlags,
  propertyNames: moduleIdSchema,
  additionalProperties: {},
} as const;

/** A scene's grid (see geometry's `Grid`). */
export const gridSchema = {
  type: 'object',
  required: ['type', 'size', 'offsetX', 'offsetY', 'units', 'distance'],
  additionalProperties: false,
  properties: {
    type: { enum: ['square', 'hex-flat', 'hex-pointy', 'gridless'] },
    size: positiveSchema,
    offsetX: { type: 'number', minimum: -1_000_000, maximum: 1_000_000 },
    offsetY: { type: 'number', minimum: -1_000_000, maximum: 1_000_000 },
    units: { type: 'string', maxLength: 32 },
    distance: positiveSchema,
  },
} as const;

const intCoord = {
  type: 'integer',
  minimum: -FOG_LIMITS.maxCoordinate,
  maximum: FOG_LIMITS.maxCoordinate,
} as const;

/** A fog shape: `all`, `cells` or `polygon` (see geometry's `FogShape`). */
export const fogShapeSchema = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: ['all', 'cells', 'polygon'] } },
  discriminator: { propertyName: 'kind' },
  oneOf: [
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'all' } },
    },
    {
      type: 'object',
      required: ['kind', 'cells'],
      additionalProperties: false,
      properties: {
        kind: { const: 'cells' },
        cells: {
          type: 'array',
          minItems: 1,
          maxItems: FOG_LIMITS.maxCellsPerShape,
          items: {
            type: 'object',
            required: ['q', 'r'],
            additionalProperties: false,
            properties: { q: intCoord, r: intCoord },
          },
        },
      },
    },
    {
      type: 'object',
      required: ['kind', 'points'],
      additionalProperties: false,
      properties: {
        kind: { const: 'polygon' },
        points: {
          type: 'array',
          minItems: 3,
          maxItems: FOG_LIMITS.maxPolygonPoints,
          items: {
            type: 'object',
            required: ['x', 'y'],
            additionalProperties: false,
            properties: { x: coordSchema, y: coordSchema },
          },
        },
      },
    },
  ],
} as const;

/** Resource bars of a token, by key. */
export const barsSchema = {
  type: 'object',
  maxProperties: ACTION_LIMITS.maxBars,
  propertyNames: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' },
  additionalProperties: {
    type: 'object',
    required: ['value', 'max'],
    additionalProperties: false,
    properties: {
      value: { type: 'number', minimum: -1e9, maximum: 1e9 },
      max: { type: 'number', minimum: -1e9, maximum: 1e9 },
    },
  },
} as const;

/** Status effect ids of a token. */
export const statusesSchema = {
  type: 'array',
  maxItems: ACTION_LIMITS.maxStatuses,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: 64 },
} as const;

/** Ownership levels. */
export const ownershipLevelSchema = { enum: ['none', 'limited', 'observer', 'owner'] } as const;

/** Per-user ownership of an actor. */
export const ownershipSchema = {
  type: 'object',
  maxProperties: ACTION_LIMITS.maxOwnership,
  propertyNames: idSchema,
  additionalProperties: ownershipLevelSchema,
} as const;

/** `'public'` or `'gm'`. */
export const visibilitySchema = { enum: ['public', 'gm'] } as const;

/** An in-world date. */
export const dateSchema = {
  type: 'object',
  required: ['value', 'label'],
  additionalProperties: false,
  properties: {
    value: { type: 'number', minimum: -1e15, maximum: 1e15 },
    label: { type: 'string', maxLength: 200 },
  },
} as const;

/** Links of a timeline entry. */
export const linksSchema = {
  type: 'array',
  maxItems: ACTION_LIMITS.maxLinks,
  items: {
    type: 'object',
    required: ['collection', 'id'],
    additionalProperties: false,
    properties: {
      collection: { enum: ['scenes', 'tokens', 'actors', 'items', 'notes', 'timeline'] },
      id: idSchema,
    },
  },
} as const;

/** A closed object schema with `required` fields. */
export function object(
  properties: Record<string, object>,
  required: readonly string[] = [],
  extra: Record<string, unknown> = {},
): object {
  return { type: 'object', required, additionalProperties: false, properties, ...extra };
}

/** A patch: the same fields, all optional, at least one. */
export function patch(properties: Record<string, object>): object {
  return object(properties, [], { minProperties: 1 });
}
