import { createDiagnostic, pointerOf, quoteValue, type Diagnostic } from './diagnostics.js';
import { VISIBILITY_KEYWORD } from './field-visibility.js';
import { findUnsafePattern, MAX_PATTERN_LENGTH } from './regex-safety.js';

/** Limits on a JSON Schema that a module ships (its types' data schemas). */
export const DATA_SCHEMA_LIMITS = {
  /** Approximate size of the schema serialized as JSON. */
  maxBytes: 256 * 1024,
  /** Nesting of JSON objects and arrays. */
  maxDepth: 32,
  /** Keywords counted over every subschema. */
  maxKeywords: 4000,
  /** Characters of one `pattern` or `patternProperties` key. */
  maxPatternLength: MAX_PATTERN_LENGTH,
} as const;

const FORBIDDEN: Readonly<Record<string, string>> = {
  $data: '$data references are disabled for module schemas',
  $id: 'module schemas are identified by their type, and $id could alias other schemas',
  $async: 'module schemas are validated synchronously',
  $dynamicRef: 'only "$ref" to "#/..." is supported',
  $recursiveRef: 'only "$ref" to "#/..." is supported',
};
const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;
const SUBSCHEMA = new Set([
  'not',
  'if',
  'then',
  'else',
  'items',
  'additionalItems',
  'contains',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
const SCHEMA_MAP = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependencies',
  'dependentSchemas',
]);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'items', 'prefixItems']);
const LITERAL = new Set(['const', 'enum', 'default', 'examples']);

/** What a value in the schema document is, for the walk. */
type Role = 'schema' | 'map' | 'list' | 'literal' | 'keyword';

interface Visit {
  readonly value: unknown;
  readonly pointer: string;
  readonly depth: number;
  readonly role: Role;
  /** For a `map`: the keyword that owns it (`patternProperties` keys are patterns). */
  readonly owner?: string;
}

/**
 * Checks an untrusted JSON Schema against {@link DATA_SCHEMA_LIMITS} and the
 * rules for shipped schemas, without recursion (so a 1000-deep schema cannot
 * exhaust the stack) and stopping early at the size cap. Runs before the
 * schema is given to ajv. Returns every problem found; pointers start at `at`.
 *
 * @example
 * inspectDataSchema({ type: 'object', properties: { a: { $ref: 'http://x/y' } } });
 * // [{ code: 'VTT_ERR_MODULE_SCHEMA_REMOTE_REF', pointer: '/properties/a/$ref', ... }]
 */
export function inspectDataSchema(schema: unknown, at = ''): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const stack: Visit[] = [{ value: schema, pointer: at, depth: 0, role: 'schema' }];
  let bytes = 0;
  let keywords = 0;
  let tooDeep = false;
  while (stack.length > 0) {
    const { value, pointer, depth, role, owner } = stack.pop() as Visit;
    bytes += sizeOf(value);
    if (bytes > DATA_SCHEMA_LIMITS.maxBytes) return [...errors, tooLarge(at)];
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= DATA_SCHEMA_LIMITS.maxDepth) {
      if (!tooDeep) {
        errors.push(
          createDiagnostic('VTT_ERR_MODULE_SCHEMA_TOO_DEEP', pointer, {
            max: DATA_SCHEMA_LIMITS.maxDepth,
          }),
        );
      }
      tooDeep = true;
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    if (role === 'schema' && !Array.isArray(value)) {
      keywords += entries.length;
      if (keywords > DATA_SCHEMA_LIMITS.maxKeywords) {
        const max = DATA_SCHEMA_LIMITS.maxKeywords;
        const limit = createDiagnostic('VTT_ERR_MODULE_SCHEMA_TOO_MANY_KEYWORDS', at, {
          count: keywords,
          max,
        });
        return [...errors, limit];
      }
    }
    for (const [key, child] of entries) {
      const childPointer = pointer + pointerOf(key);
      const next = (childRole: Role, childOwner?: string): void => {
        stack.push({
          value: child,
          pointer: childPointer,
          depth: depth + 1,
          role: childRole,
          owner: childOwner,
        });
      };
      bytes += key.length + 4;
      if (bytes > DATA_SCHEMA_LIMITS.maxBytes) return [...errors, tooLarge(at)];
      if (role === 'schema' && !Array.isArray(value)) {
        checkKeyword(key, child, childPointer, errors);
        if (LITERAL.has(key)) next('literal');
        else if (SCHEMA_LIST.has(key) && Array.isArray(child)) next('list');
        else if (SUBSCHEMA.has(key)) next('schema');
        else if (SCHEMA_MAP.has(key)) next('map', key);
        else next('keyword');
      } else if (role === 'map') {
        if (owner === 'patternProperties') checkPattern(key, childPointer, errors);
        next(Array.isArray(child) ? 'literal' : 'schema');
      } else if (role === 'list') {
        next('schema');
      } else {
        if (role === 'keyword' && key === '$data') forbid(key, childPointer, errors);
        next(role);
      }
    }
  }
  return errors;
}

function checkKeyword(key: string, value: unknown, pointer: string, errors: Diagnostic[]): void {
  if (key in FORBIDDEN) forbid(key, pointer, errors);
  if (key === '$schema' && !(typeof value === 'string' && DRAFT_07.test(value))) {
    const reason = 'module schemas are JSON Schema draft-07, the default';
    errors.push(
      createDiagnostic('VTT_ERR_MODULE_SCHEMA_FORBIDDEN_KEYWORD', pointer, {
        keyword: key,
        reason,
      }),
    );
  }
  if (key === '$ref' && !(typeof value === 'string' && (value === '#' || value.startsWith('#/')))) {
    errors.push(
      createDiagnostic('VTT_ERR_MODULE_SCHEMA_REMOTE_REF', pointer, { value: quoteValue(value) }),
    );
  }
  if (key === 'pattern' && typeof value === 'string') checkPattern(value, pointer, errors);
  if (key === VISIBILITY_KEYWORD && value !== 'gm' && value !== 'owner') {
    errors.push(
      createDiagnostic('VTT_ERR_MODULE_SCHEMA_VISIBILITY_VALUE', pointer, {
        value: quoteValue(value),
      }),
    );
  }
}

function tooLarge(at: string): Diagnostic {
  return createDiagnostic('VTT_ERR_MODULE_SCHEMA_TOO_LARGE', at, {
    max: DATA_SCHEMA_LIMITS.maxBytes,
  });
}

function forbid(keyword: string, pointer: string, errors: Diagnostic[]): void {
  const reason = FORBIDDEN[keyword] ?? 'it is not supported';
  errors.push(
    createDiagnostic('VTT_ERR_MODULE_SCHEMA_FORBIDDEN_KEYWORD', pointer, { keyword, reason }),
  );
}

function checkPattern(pattern: string, pointer: string, errors: Diagnostic[]): void {
  const problem = findUnsafePattern(pattern);
  if (problem === undefined) return;
  const max = DATA_SCHEMA_LIMITS.maxPatternLength;
  errors.push(createDiagnostic('VTT_ERR_MODULE_SCHEMA_UNSAFE_PATTERN', pointer, { problem, max }));
}

/** Approximate JSON size of a value, not counting its children. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'object' && value !== null) return 2;
  return 5;
}
