import type { ErrorObject } from 'ajv';
import type { ErrorCode } from '../errors/codes.js';
import { closestMatch } from './closest-match.js';
import {
  createDiagnostic,
  describeJsonType,
  isJsonObject,
  pointerOf,
  quoteValue,
  type Diagnostic,
} from './diagnostics.js';

/** Error codes of the `vtt-*` formats; other formats get `VTT_ERR_MODULE_FIELD_INVALID`. */
const FORMAT_CODES: Readonly<Record<string, ErrorCode>> = {
  'vtt-id': 'VTT_ERR_MODULE_ID_INVALID',
  'vtt-semver': 'VTT_ERR_MODULE_VERSION_INVALID',
  'vtt-range': 'VTT_ERR_MODULE_RANGE_INVALID',
  'vtt-path': 'VTT_ERR_MODULE_PATH_INVALID',
  'vtt-glob': 'VTT_ERR_MODULE_PATH_INVALID',
  'vtt-spdx': 'VTT_ERR_MODULE_LICENSE_INVALID',
};
const FORMAT_PROBLEMS: Readonly<Record<string, string>> = {
  'vtt-type-name': "must be a name like 'character' (a letter, then letters, digits, _ or -)",
  email: "must be an email address like 'ada@example.org'",
  uri: "must be an absolute URL like 'https://example.org'",
  'json-pointer': "must be a JSON pointer into the document's data like '/abilities/str/score'",
};
/** Wrapper keywords whose inner errors are reported on their own. */
const SKIPPED = new Set(['propertyNames', 'if']);

/**
 * Turns ajv's errors into diagnostics with our codes, each naming the field
 * by JSON pointer (prefixed with `at`) and saying how to fix it. Needs an
 * Ajv instance with `verbose: true` (for the offending values). Duplicates
 * are dropped.
 *
 * @example
 * validate(json);
 * const errors = ajvToDiagnostics(validate.errors ?? [], '');
 */
export function ajvToDiagnostics(errors: readonly ErrorObject[], at: string): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  const tags: Diagnostic[] = [];
  for (const error of errors) {
    if (SKIPPED.has(error.keyword)) continue;
    const d = translate(error, at + error.instancePath);
    if (error.keyword === 'discriminator') tags.push(d);
    else out.set(`${d.code} ${d.pointer} ${d.message}`, d);
  }
  // A bad tag is often reported by the tag's own schema too; keep one.
  const reported = new Set([...out.values()].map((d) => d.pointer));
  return [...out.values(), ...tags.filter((d) => !reported.has(d.pointer))];
}

function translate(error: ErrorObject, base: string): Diagnostic {
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    // An error about a key of an object (propertyNames): point at the key.
    return formatError(error, base + pointerOf(error.propertyName), error.propertyName);
  }
  switch (error.keyword) {
    case 'required': {
      const field = String(params['missingProperty']);
      const parent = base === '' ? 'the top level' : base;
      return createDiagnostic('VTT_ERR_MODULE_FIELD_MISSING', base + pointerOf(field), {
        field,
        parent,
      });
    }
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      const known = isJsonObject(error.parentSchema?.['properties'])
        ? Object.keys(error.parentSchema['properties'])
        : [];
      const best = closestMatch(field, known);
      const suggestion = best === undefined ? '.' : `, or did you mean ${base + pointerOf(best)}?`;
      return createDiagnostic('VTT_ERR_MODULE_FIELD_UNKNOWN', base + pointerOf(field), {
        suggestion,
      });
    }
    case 'type': {
      const expected = String(params['type'])
        .split(',')
        .map((t) => (t === 'object' || t === 'array' || t === 'integer' ? `an ${t}` : `a ${t}`))
        .join(' or ');
      const actual = describeJsonType(error.data);
      return createDiagnostic('VTT_ERR_MODULE_FIELD_TYPE', base, { expected, actual });
    }
    case 'format':
      return formatError(error, base, error.data);
    case 'discriminator': {
      const tag = String(params['tag']);
      const branches = error.parentSchema?.['oneOf'];
      const kinds = (Array.isArray(branches) ? branches : [])
        .map((b: unknown) =>
          isJsonObject(b) && isJsonObject(b['properties']) ? b['properties'][tag] : undefined,
        )
        .map((p: unknown) => (isJsonObject(p) ? p['const'] : undefined))
        .filter((k: unknown) => k !== undefined);
      const problem = kinds.length > 0 ? `must be one of ${list(kinds)}` : problemOf(error);
      return invalid(base + pointerOf(tag), problem);
    }
    default:
      return invalid(base, problemOf(error));
  }
}

function formatError(error: ErrorObject, pointer: string, value: unknown): Diagnostic {
  const format = String((error.params as Record<string, unknown>)['format']);
  const code = FORMAT_CODES[format];
  if (code !== undefined) return createDiagnostic(code, pointer, { value: quoteValue(value) });
  return invalid(pointer, FORMAT_PROBLEMS[format] ?? `must be a valid ${format}`);
}

function invalid(pointer: string, problem: string): Diagnostic {
  return createDiagnostic('VTT_ERR_MODULE_FIELD_INVALID', pointer, { problem });
}

function list(values: unknown): string {
  return Array.isArray(values)
    ? values.slice(0, 12).map(quoteValue).join(', ')
    : quoteValue(values);
}

function problemOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${list(params['allowedValues'])}`;
    case 'const':
      return `must be ${list(params['allowedValue'])}`;
    case 'minLength':
      return params['limit'] === 1
        ? 'must not be empty'
        : `must have at least ${String(params['limit'])} characters`;
    case 'maxLength':
      return `must have at most ${String(params['limit'])} characters`;
    case 'uniqueItems':
      return `must not repeat items (items ${String(params['j'])} and ${String(params['i'])} are equal)`;
    case 'discriminator':
      return params['error'] === 'mapping'
        ? `has an unknown ${String(params['tag'])} ${quoteValue(params['tagValue'])}`
        : `must have a string "${String(params['tag'])}"`;
    default:
      return error.message ?? `fails the "${error.keyword}" rule`;
  }
}
