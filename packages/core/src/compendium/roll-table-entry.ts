/**
 * Roll-table compendium packs (`documentType: 'rollTable'` in the
 * manifest): their entries' shape, the checks `vtt validate` and the module
 * loader run on them, and the table `core:import-compendium` makes of one.
 */
import type { ValidateFunction } from 'ajv';
import { formulaSchema, resultsSchema } from '../actions/roll-table-action-types.js';
import { ajvToDiagnostics } from '../manifest/ajv-diagnostics.js';
import { createStrictAjv } from '../manifest/ajv-setup.js';
import {
  createDiagnostic,
  describeJsonType,
  isJsonObject,
  type Diagnostic,
} from '../manifest/diagnostics.js';
import {
  COMPENDIUM_ENTRY_SCHEMA,
  type CompendiumEntry,
  type CompendiumValidation,
} from '../manifest/validate-compendium.js';
import type { JsonValue } from '../model/json.js';
import {
  defaultFormula,
  resultsFromInputs,
  rollTableProblems,
} from '../model/roll-table-ranges.js';
import type { RollTable, RollTableResultInput } from '../model/roll-tables.js';

/** The `type` of every roll-table pack entry (entries may leave it out). */
export const ROLL_TABLE_ENTRY_TYPE = 'rollTable';

/**
 * The `data` of a roll-table pack entry: the table's formula (default
 * `1dN` over the weights), results (ranges or weights, text, a compendium
 * entry; no nested tables, whose ids are a table's own) and replacement.
 */
export interface RollTableEntryData {
  readonly formula?: string;
  readonly results: readonly Omit<RollTableResultInput, 'tableId'>[];
  readonly replacement?: boolean;
}

const props = COMPENDIUM_ENTRY_SCHEMA.properties;

/** JSON Schema of one roll-table pack entry. */
export const ROLL_TABLE_ENTRY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'data'],
  properties: {
    id: props.id,
    name: props.name,
    type: { const: ROLL_TABLE_ENTRY_TYPE },
    data: {
      type: 'object',
      additionalProperties: false,
      required: ['results'],
      properties: {
        formula: formulaSchema,
        results: resultsSchema(false),
        replacement: { type: 'boolean' },
      },
    },
    img: props.img,
    tags: props.tags,
  },
} as const;

let compiled: ValidateFunction | undefined;

/**
 * Validates a parsed roll-table pack (a JSON array of entries): each
 * entry's shape, unique ids, and that each table can be drawn (its formula
 * and ranges, as `core:create-roll-table` checks them). Pointers start with
 * the entry index: `/2/data/results/1/range`. `entries`, set only without
 * errors, carry `type: 'rollTable'`.
 *
 * @example
 * const { errors } = checkRollTableEntries(JSON.parse(packText));
 */
export function checkRollTableEntries(entries: unknown): CompendiumValidation {
  if (!Array.isArray(entries)) {
    const error = createDiagnostic('VTT_ERR_MODULE_FIELD_TYPE', '', {
      expected: 'an array of entries',
      actual: describeJsonType(entries),
    });
    return { errors: [error], warnings: [] };
  }
  compiled ??= createStrictAjv().compile(ROLL_TABLE_ENTRY_SCHEMA);
  const validate = compiled;
  const errors: Diagnostic[] = [];
  const firstUse = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const at = `/${index}`;
    if (!validate(entry)) {
      errors.push(...ajvToDiagnostics(validate.errors ?? [], at));
      return;
    }
    const e = entry as { id: string; name: string; data: RollTableEntryData };
    const first = firstUse.get(e.id);
    if (first === undefined) firstUse.set(e.id, index);
    else
      errors.push(
        createDiagnostic('VTT_ERR_MODULE_DUPLICATE_ID', `${at}/id`, {
          id: e.id,
          first: `/${first}/id`,
        }),
      );
    const table = { ...rollTableFromEntry(e), id: e.id };
    for (const problem of rollTableProblems(table)) {
      errors.push(createDiagnostic(problem.code, `${at}/data${problem.pointer}`, problem.params));
    }
  });
  if (errors.length > 0) return { errors, warnings: [] };
  const typed = entries.map((e: Record<string, unknown>) => ({
    ...e,
    type: ROLL_TABLE_ENTRY_TYPE,
  }));
  return { entries: typed as CompendiumEntry[], errors, warnings: [] };
}

/**
 * The roll table a pack entry makes, without its id: GM-only, at the top
 * level, nothing drawn; weights turned into ranges over the formula.
 *
 * @example
 * const table = { id: 'weather', ...rollTableFromEntry(entry) };
 */
export function rollTableFromEntry(entry: {
  readonly name: string;
  readonly data: JsonValue | RollTableEntryData;
}): Omit<RollTable, 'id'> {
  const data = (isJsonObject(entry.data)
    ? entry.data
    : {}) as unknown as Partial<RollTableEntryData>;
  const inputs = data.results ?? [];
  const formula = data.formula ?? defaultFormula(inputs);
  return {
    name: entry.name,
    formula,
    results: resultsFromInputs(formula, inputs),
    replacement: data.replacement ?? true,
    visibility: 'gm',
    folderId: null,
    flags: {},
  };
}
