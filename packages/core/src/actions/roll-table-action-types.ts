/**
 * Payloads and JSON Schemas of the roll-table actions, merged into
 * `TableActionMap` and `ACTION_SCHEMAS`.
 */
import type { Flags } from '../model/json.js';
import {
  ROLL_TABLE_LIMITS,
  type RollTableResultInput,
  type RollTableVisibility,
} from '../model/roll-tables.js';
import {
  ACTION_LIMITS,
  flagsSchema,
  idSchema,
  moduleIdSchema,
  nameSchema,
  object,
  patch,
  textSchema,
} from './schema-parts.js';

/**
 * Fields of a roll table that an action may set. Without `formula` a table
 * rolls `1dN`, N the sum of its results' weights; an update that gives
 * `results` of weights only (no ranges, no formula) rolls that again.
 */
export interface RollTableFields {
  readonly name?: string;
  readonly formula?: string;
  readonly results?: readonly RollTableResultInput[];
  readonly replacement?: boolean;
  readonly visibility?: RollTableVisibility;
  readonly folderId?: string | null;
  readonly flags?: Flags;
}

/** The roll-table actions, by type; part of `TableActionMap`. */
export interface RollTableActionMap {
  /** GM only. Refused unless the ranges cover the formula's totals exactly once. */
  'core:create-roll-table': RollTableFields & {
    readonly id?: string;
    readonly name: string;
    readonly results: readonly RollTableResultInput[];
  };
  /** GM only. New `results` start undrawn. */
  'core:update-roll-table': { readonly tableId: string; readonly patch: RollTableFields };
  /** GM only. Results of other tables that nest it lose the reference. */
  'core:delete-roll-table': { readonly tableId: string };
  /** GM only: every result undrawn again. */
  'core:reset-roll-table': { readonly tableId: string };
  /**
   * Rolls the table's formula with the table's dice and posts the result
   * (and those of nested tables) to chat. GMs draw any table, `whisper`
   * posting it to the GMs only; players draw public tables, publicly.
   */
  'core:draw-table': { readonly tableId: string; readonly whisper?: boolean };
}

const total = { type: 'integer', minimum: -1e6, maximum: 1e6 } as const;
const compendiumSchema = {
  anyOf: [
    object(
      {
        module: moduleIdSchema,
        pack: idSchema,
        entry: { type: 'string', minLength: 1, maxLength: 128 },
      },
      ['module', 'pack', 'entry'],
    ),
    { type: 'null' },
  ],
};

/**
 * JSON Schema of a list of results: each a `range` or a `weight` (exactly
 * one), its text, a compendium entry and, when `nested`, another table.
 * Pack entries (`nested` false) cannot nest tables: ids are the table's.
 */
export function resultsSchema(nested: boolean): object {
  const fields = {
    text: textSchema,
    ...(nested ? { tableId: { anyOf: [idSchema, { type: 'null' }] } } : {}),
    compendium: compendiumSchema,
  };
  const weight = { type: 'integer', minimum: 1, maximum: ROLL_TABLE_LIMITS.maxWeight };
  return {
    type: 'array',
    minItems: 1,
    maxItems: ROLL_TABLE_LIMITS.maxResults,
    items: {
      oneOf: [
        object({ range: { type: 'array', minItems: 2, maxItems: 2, items: total }, ...fields }, [
          'range',
          'text',
        ]),
        object({ weight, ...fields }, ['weight', 'text']),
      ],
    },
  };
}

/** JSON Schema of a table's formula. */
export const formulaSchema = {
  type: 'string',
  minLength: 1,
  maxLength: ACTION_LIMITS.notationLength,
} as const;

/** JSON Schemas of a roll table's settable fields, by field. */
export const ROLL_TABLE_FIELD_SCHEMAS = {
  name: nameSchema,
  formula: formulaSchema,
  results: resultsSchema(true),
  replacement: { type: 'boolean' },
  visibility: { enum: ['gm', 'public'] },
  folderId: { anyOf: [idSchema, { type: 'null' }] },
  flags: flagsSchema,
} as const;

const tableRef = object({ tableId: idSchema }, ['tableId']);

/** Payload schemas of the roll-table actions; part of `ACTION_SCHEMAS`. */
export const ROLL_TABLE_ACTION_SCHEMAS: Readonly<Record<keyof RollTableActionMap, object>> = {
  'core:create-roll-table': object({ id: idSchema, ...ROLL_TABLE_FIELD_SCHEMAS }, [
    'name',
    'results',
  ]),
  'core:update-roll-table': object({ tableId: idSchema, patch: patch(ROLL_TABLE_FIELD_SCHEMAS) }, [
    'tableId',
    'patch',
  ]),
  'core:delete-roll-table': tableRef,
  'core:reset-roll-table': tableRef,
  'core:draw-table': object({ tableId: idSchema, whisper: { type: 'boolean' } }, ['tableId']),
};
