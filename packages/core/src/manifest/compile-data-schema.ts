import type { ErrorObject } from 'ajv';
import { ajvToDiagnostics } from './ajv-diagnostics.js';
import { createStrictAjv } from './ajv-setup.js';
import { inspectDataSchema } from './data-schema-limits.js';
import { compileFieldVisibility } from './field-visibility.js';
import {
  createDiagnostic,
  describeJsonType,
  isJsonObject,
  type Diagnostic,
  type DiagnosticReport,
} from './diagnostics.js';

/**
 * Validates one document's data against a compiled schema. Returns every
 * problem, pointers prefixed with `at` (e.g. `'/3/data'` for the fourth
 * compendium entry); an empty array when the data is valid.
 */
export type DataValidator = (data: unknown, at?: string) => Diagnostic[];

/** The result of {@link compileDataSchema}: `validate` is set only when there are no errors. */
export interface CompiledDataSchema extends DiagnosticReport {
  readonly validate?: DataValidator;
}

/**
 * Checks and compiles a JSON Schema shipped by a module (untrusted input):
 * first against `DATA_SCHEMA_LIMITS` (size, depth, keyword count), no
 * `$data`, `$id` or `$async`, `$ref` only to `#/...`, no unsafe `pattern`,
 * `x-vtt-visibility` only where the projection applies it; then compiles it with a fresh strict Ajv instance (draft-07, all errors,
 * no `$data`). Runs when a module is validated or loaded. Pointers in the
 * diagnostics are prefixed with `at` (the schema's place in its file).
 * Results are pure and kept by the schema's JSON text (the last 512), so
 * the tables of one module share their compiled validators.
 *
 * @example
 * const { validate, errors } = compileDataSchema({
 *   type: 'object',
 *   properties: { hp: { type: 'integer', minimum: 0 } },
 * });
 * validate?.({ hp: -1 }); // [{ code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/hp', ... }]
 */
export function compileDataSchema(schema: unknown, at = ''): CompiledDataSchema {
  // Every table of a module compiles the same schemas: compile each text once.
  let key: string | undefined;
  try {
    key = `${at}\u0000${JSON.stringify(schema)}`;
  } catch {
    key = undefined; // not JSON (a cycle): compiled, and refused, uncached
  }
  const known = key === undefined ? undefined : COMPILED.get(key);
  if (known !== undefined) {
    COMPILED.delete(key!);
    COMPILED.set(key!, known); // most recently used last
    return known;
  }
  const made = compileUncached(schema, at);
  // Shared by every caller with the same schema: nobody may change it.
  Object.freeze(made.errors);
  Object.freeze(made.warnings);
  const compiled = Object.freeze(made);
  if (key !== undefined) {
    COMPILED.set(key, compiled);
    if (COMPILED.size > COMPILED_MAX) COMPILED.delete(COMPILED.keys().next().value!);
  }
  return compiled;
}

/** How many compiled schemas {@link compileDataSchema} keeps, least recently used dropped first. */
const COMPILED_MAX = 512;
const COMPILED = new Map<string, CompiledDataSchema>();

function compileUncached(schema: unknown, at: string): CompiledDataSchema {
  if (!isJsonObject(schema)) {
    const actual = describeJsonType(schema);
    return {
      errors: [createDiagnostic('VTT_ERR_MODULE_NOT_OBJECT', at, { actual })],
      warnings: [],
    };
  }
  const limits = inspectDataSchema(schema, at);
  if (limits.length > 0) return { errors: limits, warnings: [] };
  const visibility = compileFieldVisibility(schema, at);
  if (visibility.errors.length > 0) return { errors: visibility.errors, warnings: [] };
  const ajv = createStrictAjv();
  if (!ajv.validateSchema(schema))
    return { errors: metaSchemaErrors(ajv.errors ?? [], at), warnings: [] };
  try {
    const compiled = ajv.compile(schema);
    const validate: DataValidator = (data, dataAt = '') =>
      compiled(data) ? [] : ajvToDiagnostics(compiled.errors ?? [], dataAt);
    return { validate, errors: [], warnings: [] };
  } catch (error) {
    return { errors: compileErrors(error, at), warnings: [] };
  }
}

/** Problems found by the draft-07 meta-schema, one diagnostic per place. */
function metaSchemaErrors(errors: readonly ErrorObject[], at: string): Diagnostic[] {
  const problems = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const list = problems.get(e.instancePath) ?? [];
    list.push(e.message ?? e.keyword);
    problems.set(e.instancePath, list);
  }
  return [...problems].map(([pointer, list]) =>
    createDiagnostic('VTT_ERR_MODULE_SCHEMA_INVALID', at + pointer, { problem: list.join(' or ') }),
  );
}

/** Ajv's strict-mode errors are messages that name the place as `"#/..."`. */
function compileErrors(error: unknown, at: string): Diagnostic[] {
  const message = error instanceof Error ? error.message : String(error);
  const problem = message.length > 200 ? `${message.slice(0, 197)}...` : message;
  const place = /at (?:path )?"#(\/[^"]*)?"/.exec(message)?.[1] ?? '';
  return [createDiagnostic('VTT_ERR_MODULE_SCHEMA_INVALID', at + place, { problem })];
}
