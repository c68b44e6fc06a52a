import { isJsonObject, type Diagnostic, createDiagnostic } from './diagnostics.js';
import type { JsonSchema } from './manifest-types.js';
import { resolveSchemaPath } from './schema-paths.js';
import type { SheetWidget } from './sheet-types.js';

/** The JSON types each value widget accepts (`null` is always accepted too). */
const WIDGET_TYPES: Readonly<
  Record<Exclude<SheetWidget, 'resource' | 'derived'>, readonly string[]>
> = {
  number: ['number', 'integer'],
  text: ['string'],
  textarea: ['string'],
  checkbox: ['boolean'],
  select: ['string', 'number', 'integer'],
};
const NEEDS: Readonly<Record<SheetWidget, string>> = {
  number: 'a number',
  text: 'a string',
  textarea: 'a string',
  checkbox: 'a boolean',
  select: 'a string or number with an enum (or options on the field)',
  resource: 'an object with numeric "value" and "max"',
  derived: 'any value',
};

/** Where a field is and what it is bound to, for {@link checkWidget}. */
export interface WidgetCheck {
  readonly pointer: string;
  readonly path: string;
  readonly widget: SheetWidget;
  readonly hasOptions: boolean;
  /** The subschemas at `path` (from `resolveSchemaPath`); empty when any value is allowed. */
  readonly schemas: readonly JsonSchema[];
  readonly root: JsonSchema;
}

/**
 * Checks that a widget fits the schema of the value it is bound to: a
 * `number` widget on a string is an error. Values whose schema names no
 * type are not checked. Returns the errors.
 */
export function checkWidget(check: WidgetCheck): Diagnostic[] {
  const { widget, schemas, path } = check;
  if (widget === 'derived') return [];
  if (widget === 'resource') {
    const ok = ['value', 'max'].every((key) => {
      const sub = resolveSchemaPath(check.root, `${path}/${key}`);
      return sub.found && fits(typesOf(sub.schemas), WIDGET_TYPES.number);
    });
    return ok ? [] : [mismatch(check, typesOf(schemas))];
  }
  const types = typesOf(schemas);
  if (!fits(types, WIDGET_TYPES[widget])) return [mismatch(check, types)];
  const hasEnum = schemas.some((s) => Array.isArray(s['enum']));
  if (widget === 'select' && !hasEnum && !check.hasOptions) return [mismatch(check, types)];
  return [];
}

function fits(types: readonly string[], allowed: readonly string[]): boolean {
  return types.every((t) => t === 'null' || allowed.includes(t));
}

/** The JSON types the schemas name (from `type`, `const` or `enum`); empty when unknown. */
export function typesOf(schemas: readonly JsonSchema[]): string[] {
  const types = new Set<string>();
  for (const schema of schemas) {
    const type = schema['type'];
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) types.add(String(t));
    const values = Array.isArray(schema['enum'])
      ? schema['enum']
      : 'const' in schema
        ? [schema['const']]
        : [];
    for (const value of values) types.add(jsonType(value));
  }
  return [...types];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return isJsonObject(value) ? 'object' : typeof value;
}

function mismatch(check: WidgetCheck, types: readonly string[]): Diagnostic {
  const actual =
    types.length === 0
      ? 'of no declared type'
      : types.map((t) => (/^[aeio]/.test(t) ? `an ${t}` : `a ${t}`)).join(' or ');
  return createDiagnostic('VTT_ERR_MODULE_SHEET_WIDGET_MISMATCH', check.pointer, {
    widget: check.widget,
    needs: NEEDS[check.widget],
    path: check.path,
    actual:
      check.widget === 'select' && fits(types, WIDGET_TYPES.select)
        ? `${actual} without enum`
        : actual,
    better: betterWidget(check, types),
  });
}

function betterWidget(check: WidgetCheck, types: readonly string[]): string {
  const object = check.schemas.find((s) => isJsonObject(s['properties']));
  if (types.includes('object') && object !== undefined) {
    const props = object['properties'] as Record<string, unknown>;
    return 'value' in props && 'max' in props ? 'resource' : 'section (one field per property)';
  }
  if (types.includes('boolean')) return 'checkbox';
  if (types.includes('number') || types.includes('integer')) return 'number';
  if (types.includes('string')) return 'text';
  return 'derived';
}
