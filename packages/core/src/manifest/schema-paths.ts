import { closestMatch } from './closest-match.js';
import { isJsonObject, parsePointer, pointerOf } from './diagnostics.js';
import type { JsonSchema } from './manifest-types.js';
import { findUnsafePattern } from './regex-safety.js';

/** What a JSON pointer reaches in a schema: the subschemas, or where the walk stopped. */
export type SchemaPathResult =
  | {
      readonly found: true;
      /** The subschemas that may apply; empty when any value is allowed there. */
      readonly schemas: readonly JsonSchema[];
    }
  | {
      readonly found: false;
      /** The pointer up to and including the first segment the schema does not define. */
      readonly missing: string;
      /** The property names the schema defines at that level (for a did-you-mean). */
      readonly known: readonly string[];
      /** `pointer` with the missing segment replaced by the closest known name, if any. */
      readonly suggestion?: string;
    };

/** Bound on `$ref`/combinator expansions of one lookup (schemas may be recursive). */
const MAX_EXPANSIONS = 512;

/**
 * Follows a JSON pointer into the data a schema describes, through
 * `properties`, `patternProperties`, an explicit `additionalProperties`,
 * `items` and `additionalItems`, expanding local `$ref`s, `allOf`, `anyOf`,
 * `oneOf` and `then`/`else`. A property the schema does not name is missing
 * even when `additionalProperties` is left open, since sheets should only
 * show declared data.
 *
 * @example
 * resolveSchemaPath(schema, '/abilities/str/score'); // { found: true, schemas: [{ type: 'integer' }] }
 */
export function resolveSchemaPath(root: JsonSchema, pointer: string): SchemaPathResult {
  const segments = parsePointer(pointer) ?? [];
  let current = expand(root, [root]);
  const walked: string[] = [];
  for (const segment of segments) {
    walked.push(segment);
    if (current.open) return { found: true, schemas: [] };
    const next: unknown[] = [];
    for (const schema of current.schemas) next.push(...childSchemas(schema, segment));
    const expanded = expand(root, next);
    if (expanded.schemas.length === 0 && !expanded.open) {
      const known = current.schemas.flatMap((s) =>
        isJsonObject(s['properties']) ? Object.keys(s['properties']) : [],
      );
      const best = closestMatch(segment, known);
      const missing = pointerOf(...walked);
      if (best === undefined) return { found: false, missing, known };
      const suggestion = pointerOf(...walked.slice(0, -1), best, ...segments.slice(walked.length));
      return { found: false, missing, known, suggestion };
    }
    current = expanded;
  }
  return { found: true, schemas: current.open ? [] : current.schemas };
}

function childSchemas(schema: JsonSchema, segment: string): unknown[] {
  const out: unknown[] = [];
  const properties = schema['properties'];
  if (isJsonObject(properties) && Object.hasOwn(properties, segment)) out.push(properties[segment]);
  const patterns = schema['patternProperties'];
  if (isJsonObject(patterns)) {
    for (const [pattern, sub] of Object.entries(patterns)) {
      if (findUnsafePattern(pattern) === undefined && safeTest(pattern, segment)) out.push(sub);
    }
  }
  const additional = schema['additionalProperties'];
  if (out.length === 0 && (additional === true || isJsonObject(additional))) out.push(additional);
  if (/^(0|[1-9]\d*)$/.test(segment)) {
    const items = schema['items'];
    if (Array.isArray(items)) {
      const index = Number(segment);
      out.push(index < items.length ? items[index] : schema['additionalItems']);
    } else if (items !== undefined) {
      out.push(items);
    }
  }
  return out.filter((s) => s !== undefined && s !== false);
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

/** Expands `$ref`s and combinators into the object schemas that apply; `open` when one is `true` or `{}`-like. */
function expand(
  root: JsonSchema,
  start: readonly unknown[],
): { schemas: JsonSchema[]; open: boolean } {
  const schemas: JsonSchema[] = [];
  const seen = new Set<unknown>();
  const queue = [...start];
  let open = false;
  let budget = MAX_EXPANSIONS;
  while (queue.length > 0 && budget-- > 0) {
    const schema = queue.shift();
    if (schema === true) open = true;
    if (!isJsonObject(schema) || seen.has(schema)) continue;
    seen.add(schema);
    const ref = schema['$ref'];
    if (typeof ref === 'string') queue.push(resolveRef(root, ref));
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = schema[key];
      if (Array.isArray(list)) queue.push(...list);
    }
    queue.push(schema['then'], schema['else']);
    if (
      Object.keys(schema).every((k) => k === '$comment' || k === 'description' || k === 'title')
    ) {
      open = true;
    }
    schemas.push(schema);
  }
  return { schemas, open };
}

function resolveRef(root: JsonSchema, ref: string): unknown {
  if (ref !== '#' && !ref.startsWith('#/')) return undefined;
  let tokens: string[] | undefined;
  try {
    tokens = parsePointer(decodeURIComponent(ref.slice(1)));
  } catch {
    return undefined;
  }
  let node: unknown = root;
  for (const token of tokens ?? []) {
    if (!isJsonObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
