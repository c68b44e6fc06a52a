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
import { unknown } from './manifest-references.js';
import type { JsonSchema } from './manifest-types.js';

/**
 * An item embedded in an actor entry: imported with the actor, as an item it
 * owns (in this order). `type` is one of the module's item types and `data`
 * is valid against that type's schema.
 */
export interface CompendiumEmbeddedItem {
  readonly name: string;
  /** An item type the module declares, e.g. `'weapon'`. */
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Relative path of an image in the module. */
  readonly image?: string;
}

/** Most tags one entry may carry, and the longest tag. */
export const COMPENDIUM_TAG_LIMITS = { maxTags: 20, maxLength: 40 } as const;
/** Most items one actor entry may embed. */
export const COMPENDIUM_MAX_ITEMS = 100;

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
  /** Search tags, e.g. `['undead', 'cr-1/4']`: at most 20, each 1-40 characters. */
  readonly tags?: readonly string[];
  /** Actor entries only: the items the actor is imported with (at most 100). */
  readonly items?: readonly CompendiumEmbeddedItem[];
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
    tags: {
      type: 'array',
      maxItems: COMPENDIUM_TAG_LIMITS.maxTags,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: COMPENDIUM_TAG_LIMITS.maxLength },
    },
    items: {
      type: 'array',
      maxItems: COMPENDIUM_MAX_ITEMS,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type', 'data'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          type: { type: 'string', format: 'vtt-type-name' },
          data: { type: 'object' },
          image: { type: 'string', format: 'vtt-path' },
        },
      },
    },
  },
} as const;

/** Data validators of the module's item types by name, for embedded items. */
export type ItemTypeValidators = ReadonlyMap<string, DataValidator | undefined>;

let compiled: ValidateFunction | undefined;

function entryValidator(): ValidateFunction {
  compiled ??= createStrictAjv().compile(COMPENDIUM_ENTRY_SCHEMA);
  return compiled;
}

/** Options of {@link validateCompendiumEntries}. */
export interface CompendiumValidationOptions {
  /** The pack's type: every entry's `type` must equal it. */
  readonly type?: string;
  /**
   * The module's item type schemas by name, for an actor pack: entries may
   * then embed `items`, each checked against its type. Without it (item
   * packs) an entry with `items` is refused.
   */
  readonly itemTypes?: Readonly<Record<string, JsonSchema>>;
}

/**
 * Validates a parsed compendium pack (a JSON array of entries): each entry's
 * shape (tags bounded by {@link COMPENDIUM_TAG_LIMITS}), unique ids, `type`
 * equal to `options.type` when given, `data` against `typeSchema` (checked
 * and compiled first by `compileDataSchema`; if the schema itself is refused,
 * those errors are returned, with pointers into the schema), and each
 * embedded item against its item type in `options.itemTypes`. Pointers start
 * with the entry index: `/3/data/level`, `/0/items/1/data/damage`.
 *
 * @example
 * const { errors } = validateCompendiumEntries(JSON.parse(packText), npcSchema, {
 *   type: 'npc',
 *   itemTypes: { weapon: weaponSchema },
 * });
 */
export function validateCompendiumEntries(
  entries: unknown,
  typeSchema: JsonSchema,
  options: CompendiumValidationOptions = {},
): CompendiumValidation {
  const schema = compileDataSchema(typeSchema);
  if (schema.validate === undefined) return { errors: schema.errors, warnings: schema.warnings };
  let itemTypes: Map<string, DataValidator | undefined> | undefined;
  if (options.itemTypes !== undefined) {
    itemTypes = new Map();
    for (const [name, itemSchema] of Object.entries(options.itemTypes)) {
      const compiled = compileDataSchema(itemSchema);
      if (compiled.validate === undefined)
        return { errors: compiled.errors, warnings: compiled.warnings };
      itemTypes.set(name, compiled.validate);
    }
  }
  return checkCompendiumEntries(entries, schema.validate, options.type, itemTypes);
}

/**
 * {@link validateCompendiumEntries} with already compiled validators;
 * `itemTypes` is given for actor packs only (embedded items allowed).
 */
export function checkCompendiumEntries(
  entries: unknown,
  validateData: DataValidator | undefined,
  type: string | undefined,
  itemTypes?: ItemTypeValidators,
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
    if (Array.isArray(entry['items'])) errors.push(...checkItems(entry['items'], at, itemTypes));
  });
  if (errors.length > 0) return { errors, warnings: [] };
  return { entries: entries as CompendiumEntry[], errors, warnings: [] };
}

/** Embedded items: allowed with `itemTypes` only, each of a declared type, data valid. */
function checkItems(
  items: readonly unknown[],
  at: string,
  itemTypes: ItemTypeValidators | undefined,
): Diagnostic[] {
  if (itemTypes === undefined) {
    return [
      createDiagnostic('VTT_ERR_MODULE_FIELD_INVALID', `${at}/items`, {
        problem: 'embeds items, which only actor entries may do',
      }),
    ];
  }
  const errors: Diagnostic[] = [];
  items.forEach((item: unknown, index) => {
    if (!isJsonObject(item) || typeof item['type'] !== 'string') return;
    const itemAt = `${at}/items/${index}`;
    if (!itemTypes.has(item['type'])) {
      errors.push(unknown(`${itemAt}/type`, 'the item type', item['type'], [...itemTypes.keys()]));
      return;
    }
    const validate = itemTypes.get(item['type']);
    if (validate !== undefined && isJsonObject(item['data'])) {
      errors.push(...validate(item['data'], `${itemAt}/data`));
    }
  });
  return errors;
}
