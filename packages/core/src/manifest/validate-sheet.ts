import type { ValidateFunction } from 'ajv';
import { ajvToDiagnostics } from './ajv-diagnostics.js';
import { createStrictAjv } from './ajv-setup.js';
import {
  createDiagnostic,
  describeJsonType,
  isJsonObject,
  pointerOf,
  type Diagnostic,
  type DiagnosticReport,
} from './diagnostics.js';
import type { JsonSchema } from './manifest-types.js';
import { resolveSchemaPath } from './schema-paths.js';
import { SHEET_SCHEMA } from './sheet-schema.js';
import type { SheetDefinition, SheetWidget } from './sheet-types.js';
import { SHEET_WIDGETS } from './sheet-types.js';
import { checkWidget } from './sheet-widgets.js';

/** How deep a sheet layout may nest (objects and arrays). */
export const MAX_SHEET_DEPTH = 32;

/** The result of {@link validateSheet}: `sheet` is set only when there are no errors. */
export interface SheetValidation extends DiagnosticReport {
  readonly sheet?: SheetDefinition;
}

let compiled: ValidateFunction | undefined;

function sheetValidator(): ValidateFunction {
  compiled ??= createStrictAjv().compile(SHEET_SCHEMA);
  return compiled;
}

/**
 * Validates a parsed sheet file against {@link SHEET_SCHEMA} and against the
 * data it shows: every field `path` must exist in `dataSchema` (or, for
 * `derived` fields, in `derivedSchema`; without one they are warnings), each
 * widget must fit the type of its value, and node ids must be unique. An
 * `items` node must list item types of `itemTypes` (the module's item type
 * schemas by type), and each of its field paths must exist, with a fitting
 * widget, in every listed type's schema. Runs when a module is validated.
 * Reports every problem at once.
 *
 * @example
 * const { errors } = validateSheet(sheetJson, manifest.actorTypes.character.schema);
 * errors.map((e) => `${e.pointer}: ${e.code}`); // ['/layout/0/children/2/path: VTT_ERR_MODULE_SHEET_PATH_UNKNOWN']
 */
export function validateSheet(
  sheet: unknown,
  dataSchema: JsonSchema,
  derivedSchema?: JsonSchema,
  itemTypes: Readonly<Record<string, JsonSchema>> = {},
): SheetValidation {
  if (!isJsonObject(sheet)) {
    const error = createDiagnostic('VTT_ERR_MODULE_NOT_OBJECT', '', {
      actual: describeJsonType(sheet),
    });
    return { errors: [error], warnings: [] };
  }
  const tooDeep = findTooDeep(sheet, MAX_SHEET_DEPTH);
  if (tooDeep !== undefined) {
    const error = createDiagnostic('VTT_ERR_MODULE_SHEET_TOO_DEEP', tooDeep, {
      max: MAX_SHEET_DEPTH,
    });
    return { errors: [error], warnings: [] };
  }
  const validate = sheetValidator();
  const errors = validate(sheet) ? [] : ajvToDiagnostics(validate.errors ?? [], '');
  const warnings: Diagnostic[] = [];
  const firstUse = new Map<string, string>();
  const visit = (node: Record<string, unknown>, pointer: string): void => {
    const id = node['id'];
    if (typeof id === 'string') {
      const first = firstUse.get(id);
      if (first === undefined) firstUse.set(id, `${pointer}/id`);
      else
        errors.push(
          createDiagnostic('VTT_ERR_MODULE_DUPLICATE_ID', `${pointer}/id`, { id, first }),
        );
    }
    if (node['kind'] === 'field')
      checkField(node, pointer, { dataSchema, derivedSchema, errors, warnings });
    if (node['kind'] === 'items') errors.push(...checkItemsNode(node, pointer, itemTypes));
    for (const key of ['children', 'tabs'] as const) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      list.forEach((child, index) => {
        if (isJsonObject(child)) visit(child, `${pointer}/${key}/${index}`);
      });
    }
  };
  const layout = sheet['layout'];
  if (Array.isArray(layout)) {
    layout.forEach((node, index) => {
      if (isJsonObject(node)) visit(node, `/layout/${index}`);
    });
  }
  if (errors.length > 0) return { errors, warnings };
  return { sheet: sheet as unknown as SheetDefinition, errors, warnings };
}

interface FieldContext {
  readonly dataSchema: JsonSchema;
  readonly derivedSchema: JsonSchema | undefined;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

function checkField(node: Record<string, unknown>, pointer: string, context: FieldContext): void {
  const { path, widget } = node;
  if (typeof path !== 'string' || !path.startsWith('/')) return;
  if (typeof widget !== 'string' || !(SHEET_WIDGETS as readonly string[]).includes(widget)) return;
  const derived = widget === 'derived';
  const root = derived ? context.derivedSchema : context.dataSchema;
  if (root === undefined) {
    context.warnings.push(
      createDiagnostic('VTT_ERR_MODULE_SHEET_DERIVED_UNCHECKED', `${pointer}/path`, { path }),
    );
    return;
  }
  const result = resolveSchemaPath(root, path);
  if (!result.found) {
    const suggestion =
      result.suggestion === undefined ? '' : ` (did you mean '${result.suggestion}'?)`;
    context.errors.push(
      createDiagnostic('VTT_ERR_MODULE_SHEET_PATH_UNKNOWN', `${pointer}/path`, {
        path,
        schema: derived ? 'derived' : 'data',
        suggestion,
      }),
    );
    return;
  }
  context.errors.push(
    ...checkWidget({
      pointer: `${pointer}/widget`,
      path,
      widget: widget as SheetWidget,
      hasOptions: Array.isArray(node['options']),
      schemas: result.schemas,
      root,
    }),
  );
}

/** The errors of an `items` node: unknown item types, and columns their schemas do not fit. */
function checkItemsNode(
  node: Record<string, unknown>,
  pointer: string,
  itemTypes: Readonly<Record<string, JsonSchema>>,
): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const types = Array.isArray(node['types']) ? node['types'] : [];
  const schemas: Array<[string, JsonSchema]> = [];
  types.forEach((type, index) => {
    if (typeof type !== 'string') return;
    const schema = Object.hasOwn(itemTypes, type) ? itemTypes[type] : undefined;
    if (schema !== undefined) schemas.push([type, schema]);
    else {
      errors.push(
        createDiagnostic('VTT_ERR_MODULE_SHEET_ITEM_TYPE_UNKNOWN', `${pointer}/types/${index}`, {
          type,
          known: Object.keys(itemTypes).join(', ') || 'none',
        }),
      );
    }
  });
  const fields = Array.isArray(node['fields']) ? node['fields'] : [];
  fields.forEach((field, index) => {
    if (!isJsonObject(field)) return;
    const { path, widget } = field;
    if (typeof path !== 'string' || !path.startsWith('/')) return;
    const at = `${pointer}/fields/${index}`;
    for (const [type, schema] of schemas) {
      const result = resolveSchemaPath(schema, path);
      if (!result.found) {
        const suggestion =
          result.suggestion === undefined ? '' : ` (did you mean '${result.suggestion}'?)`;
        errors.push(
          createDiagnostic('VTT_ERR_MODULE_SHEET_PATH_UNKNOWN', `${at}/path`, {
            path,
            schema: `'${type}' item`,
            suggestion,
          }),
        );
      } else if (typeof widget === 'string' && widget !== 'resource' && widget !== 'derived') {
        const problems = checkWidget({
          pointer: `${at}/widget`,
          path,
          widget: widget as SheetWidget,
          hasOptions: false,
          schemas: result.schemas,
          root: schema,
        });
        errors.push(...problems);
      }
    }
  });
  return errors;
}

/** The pointer of the first value nested deeper than `max`, found without recursion. */
function findTooDeep(value: unknown, max: number): string | undefined {
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [
    { value, pointer: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; pointer: string; depth: number };
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth > max) return item.pointer;
    for (const [key, child] of Object.entries(item.value)) {
      stack.push({ value: child, pointer: item.pointer + pointerOf(key), depth: item.depth + 1 });
    }
  }
  return undefined;
}
