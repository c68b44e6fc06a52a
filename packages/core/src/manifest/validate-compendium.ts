import type { ValidateFunction } from 'ajv';
import { ajvToDiagnostics } from './ajv-diagnostics.js';
import { createStrictAjv } from './ajv-setup.js';
import { compileDataSchema, type DataValidator } from './compile-data-schema.js';
import {
  createDiagnostic,
  describeJsonType,
  isJsonObject,
  type Diagnostic,
  type DiagnosticReport,
} from './diagnostics.js';
import type { JsonSchema } from './manifest-types.js';

/** One entry of a compendium pack file (a JSON array of these). */
export interface CompendiumEntry {
  /** Unique in its pack, e.g. `'fireball'`. */
  readonly id: string;
  readonly name: string;
  /** The actor or item type, the pack's `type`. */
  readonly type: string;
  /** The document's data, valid against the type's schema. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Relative path of an image in the module, e.g. `'assets/spells/fireball.webp'`. */
  readonly img?: string;
}

/** The result of {@link validateCompendiumEntries}: `entries` is set only when there are no errors. */
export interface CompendiumValidation extends DiagnosticReport {
  readonly entries?: readonly CompendiumEntry[];
}

/** JSON Schema of one compendium entry; `data` is checked against the type's schema. */
export const COMPENDIUM_ENTRY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'type', 'data'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: { type: 'string', format: 'vtt-type-name' },
    data: { type: 'object' },
    img: { type: 'string', format: 'vtt-path' },
  },
} as const;

let compiled: ValidateFunction | undefined;

function entryValidator(): ValidateFunction {
  compiled ??= createStrictAjv().compile(COMPENDIUM_ENTRY_SCHEMA);
  return compiled;
}

/**
 * Validates a parsed compendium pack (a JSON array of entries): each entry's
 * shape, unique ids, `type` equal to `options.type` when given, and `data`
 * against `typeSchema` (checked and compiled first by `compileDataSchema`;
 * if the schema itself is refused, those errors are returned, with pointers
 * into the schema). Pointers start with the entry index: `/3/data/level`.
 *
 * @example
 * const { errors } = validateCompendiumEntries(JSON.parse(packText), spellSchema, { type: 'spell' });
 */
export function validateCompendiumEntries(
  entries: unknown,
  typeSchema: JsonSchema,
  options: { readonly type?: string } = {},
): CompendiumValidation {
  const schema = compileDataSchema(typeSchema);
  if (schema.validate === undefined) return { errors: schema.errors, warnings: schema.warnings };
  return checkCompendiumEntries(entries, schema.validate, options.type);
}

/** {@link validateCompendiumEntries} with an already compiled data validator. */
export function checkCompendiumEntries(
  entries: unknown,
  validateData: DataValidator | undefined,
  type: string | undefined,
): CompendiumValidation {
  if (!Array.isArray(entries)) {
    const error = createDiagnostic('VTT_ERR_MODULE_FIELD_TYPE', '', {
      expected: 'an array of entries',
      actual: describeJsonType(entries),
    });
    return { errors: [error], warnings: [] };
  }
  const errors: Diagnostic[] = [];
  const validate = entryValidator();
  const firstUse = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const at = `/${index}`;
    if (!validate(entry)) errors.push(...ajvToDiagnostics(validate.errors ?? [], at));
    if (!isJsonObject(entry)) return;
    const { id } = entry;
    if (typeof id === 'string') {
      const first = firstUse.get(id);
      if (first === undefined) firstUse.set(id, index);
      else
        errors.push(
          createDiagnostic('VTT_ERR_MODULE_DUPLICATE_ID', `${at}/id`, {
            id,
            first: `/${first}/id`,
          }),
        );
    }
    if (type !== undefined && typeof entry['type'] === 'string' && entry['type'] !== type) {
      errors.push(
        createDiagnostic('VTT_ERR_MODULE_TYPE_MISMATCH', `${at}/type`, {
          actual: entry['type'],
          where: 'the compendium pack',
          expected: type,
        }),
      );
    }
    if (validateData !== undefined && isJsonObject(entry['data'])) {
      errors.push(...validateData(entry['data'], `${at}/data`));
    }
  });
  if (errors.length > 0) return { errors, warnings: [] };
  return { entries: entries as CompendiumEntry[], errors, warnings: [] };
}
