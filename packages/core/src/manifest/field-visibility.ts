/**
 * Field visibility declared in a module's data schema: the keyword
 * `"x-vtt-visibility": "gm" | "owner"` on a property (or array items)
 * compiles into the {@link FieldVisibility} tree that core's projection
 * applies to actor data (see `redactData`).
 */
import type { FieldVisibility, FieldVisibilityLevel } from '../model/visibility-policy.js';
import {
  createDiagnostic,
  isJsonObject,
  parsePointer,
  pointerOf,
  type Diagnostic,
} from './diagnostics.js';
import type { JsonSchema } from './manifest-types.js';

/** The schema keyword that declares who sees a field. */
export const VISIBILITY_KEYWORD = 'x-vtt-visibility';

/** Nodes of one compiled tree, counted with shared parts expanded (as it is stored). */
const MAX_NODES = 2_000;

/** Subschema keywords under which the projection cannot apply a declaration. */
const UNSUPPORTED = [
  'not',
  'if',
  'contains',
  'propertyNames',
  'patternProperties',
  'additionalItems',
  'dependencies',
  'dependentSchemas',
  'unevaluatedProperties',
  'unevaluatedItems',
] as const;

const RANK: Readonly<Record<FieldVisibilityLevel, number>> = { owner: 1, gm: 2 };

function isLevel(value: unknown): value is FieldVisibilityLevel {
  return value === 'gm' || value === 'owner';
}

/**
 * The objects of `root` from which a declaration can be reached, through
 * nesting or local `$ref`s (conservative: a property named like the keyword
 * counts too).
 */
function reachingDeclarations(root: JsonSchema): Set<unknown> {
  const parents = new Map<unknown, unknown[]>();
  const declared: unknown[] = [];
  const seen = new Set<unknown>([root]);
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> | unknown[];
    const children: unknown[] = Array.isArray(node) ? [...node] : Object.values(node);
    if (!Array.isArray(node)) {
      if (Object.hasOwn(node, VISIBILITY_KEYWORD)) declared.push(node);
      const ref = node['$ref'];
      if (typeof ref === 'string') children.push(resolveRef(root, ref).schema);
    }
    for (const child of children) {
      if (typeof child !== 'object' || child === null) continue;
      const list = parents.get(child);
      if (list === undefined) parents.set(child, [node]);
      else list.push(node);
      if (!seen.has(child)) {
        seen.add(child);
        stack.push(child);
      }
    }
  }
  const reaching = new Set<unknown>();
  while (declared.length > 0) {
    const node = declared.pop();
    if (reaching.has(node)) continue;
    reaching.add(node);
    declared.push(...(parents.get(node) ?? []));
  }
  return reaching;
}

function mergeMaps(
  a: Readonly<Record<string, FieldVisibility>> | undefined,
  b: Readonly<Record<string, FieldVisibility>> | undefined,
): Record<string, FieldVisibility> | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const out: Record<string, FieldVisibility> = Object.fromEntries(Object.entries(a));
  for (const [key, node] of Object.entries(b)) {
    const merged = Object.hasOwn(out, key) ? merge(out[key], node) : node;
    Object.defineProperty(out, key, {
      value: merged,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Both declarations at once: the stricter visibility wins at every place. */
function merge(
  a: FieldVisibility | undefined,
  b: FieldVisibility | undefined,
): FieldVisibility | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const visibility =
    a.visibility === undefined || b.visibility === undefined
      ? (a.visibility ?? b.visibility)
      : RANK[a.visibility] >= RANK[b.visibility]
        ? a.visibility
        : b.visibility;
  const properties = mergeMaps(a.properties, b.properties);
  const additional = merge(a.additional, b.additional);
  const items = merge(a.items, b.items);
  return {
    ...(visibility === undefined ? {} : { visibility }),
    ...(properties === undefined ? {} : { properties }),
    ...(additional === undefined ? {} : { additional }),
    ...(items === undefined ? {} : { items }),
  };
}

function resolveRef(root: JsonSchema, ref: string): { schema: unknown; pointer: string } {
  if (ref !== '#' && !ref.startsWith('#/')) return { schema: undefined, pointer: '' };
  let tokens: string[] | undefined;
  try {
    tokens = parsePointer(decodeURIComponent(ref.slice(1)));
  } catch {
    return { schema: undefined, pointer: '' };
  }
  let node: unknown = root;
  for (const token of tokens ?? []) {
    if (!isJsonObject(node) && !Array.isArray(node)) return { schema: undefined, pointer: '' };
    node = (node as Record<string, unknown>)[token];
  }
  return { schema: node, pointer: pointerOf(...(tokens ?? [])) };
}

function size(node: FieldVisibility | undefined, memo: Map<FieldVisibility, number>): number {
  if (node === undefined) return 0;
  const known = memo.get(node);
  if (known !== undefined) return known;
  let n = 1 + size(node.additional, memo) + size(node.items, memo);
  for (const child of Object.values(node.properties ?? {})) n += size(child, memo);
  n = Math.min(n, MAX_NODES + 1);
  memo.set(node, n);
  return n;
}

/**
 * Compiles the `x-vtt-visibility` declarations of a data schema (already
 * checked by `inspectDataSchema`, which refuses values other than `"gm"` and
 * `"owner"`). Declarations are followed through `properties`,
 * `additionalProperties`, `items`, local `$ref`s, `allOf`, `anyOf`, `oneOf`
 * and `then`/`else`; where two apply, the stricter wins. A declaration
 * where the projection cannot apply it (under `not`, `patternProperties`,
 * a recursive `$ref`, ...) is an error, so that nothing an author meant to
 * hide is shown. Returns `visibility` only when the schema declares some.
 *
 * @example
 * compileFieldVisibility({ type: 'object', properties: { hp: { type: 'integer', 'x-vtt-visibility': 'gm' } } });
 * // { visibility: { properties: { hp: { visibility: 'gm' } } }, errors: [] }
 */
export function compileFieldVisibility(
  schema: JsonSchema,
  at = '',
): { readonly visibility?: FieldVisibility; readonly errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const reaching = reachingDeclarations(schema);
  if (reaching.size === 0) return { errors };
  const mentions = (node: unknown) => reaching.has(node);
  const memo = new Map<unknown, FieldVisibility | undefined>();
  const active = new Set<unknown>();
  const place = (pointer: string, problem: string) =>
    errors.push(
      createDiagnostic('VTT_ERR_MODULE_SCHEMA_VISIBILITY_PLACE', at + pointer, { problem }),
    );

  const walk = (node: unknown, pointer: string): FieldVisibility | undefined => {
    if (!isJsonObject(node) || !mentions(node)) return undefined;
    if (memo.has(node)) return memo.get(node);
    if (active.has(node)) {
      place(pointer, 'is inside a recursive definition, which the projection does not follow');
      return undefined;
    }
    active.add(node);
    let out: FieldVisibility | undefined;
    const add = (part: FieldVisibility | undefined) => {
      out = merge(out, part);
    };
    const level = node[VISIBILITY_KEYWORD];
    if (isLevel(level)) add({ visibility: level });
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const target = resolveRef(schema, ref);
      add(walk(target.schema, target.pointer));
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((sub, i) => add(walk(sub, `${pointer}/${key}/${i}`)));
    }
    for (const key of ['then', 'else'] as const) add(walk(node[key], `${pointer}/${key}`));
    const properties = node['properties'];
    if (isJsonObject(properties)) {
      const declared: Array<[string, FieldVisibility]> = [];
      for (const [name, sub] of Object.entries(properties)) {
        const child = walk(sub, pointer + pointerOf('properties', name));
        if (child !== undefined) declared.push([name, child]);
      }
      if (declared.length > 0) add({ properties: Object.fromEntries(declared) });
    }
    const additional = walk(node['additionalProperties'], `${pointer}/additionalProperties`);
    if (additional !== undefined) add({ additional });
    const items = node['items'];
    if (Array.isArray(items)) {
      items.forEach((sub, i) => {
        const child = walk(sub, `${pointer}/items/${i}`);
        if (child !== undefined) add({ items: child });
      });
    } else {
      const child = walk(items, `${pointer}/items`);
      if (child !== undefined) add({ items: child });
    }
    for (const key of UNSUPPORTED) {
      if (node[key] !== undefined && mentions(node[key])) {
        place(`${pointer}/${key}`, `is under "${key}", where the projection cannot apply it`);
      }
    }
    active.delete(node);
    memo.set(node, out);
    return out;
  };

  const visibility = walk(schema, '');
  if (visibility !== undefined && size(visibility, new Map()) > MAX_NODES) {
    place('', `expands to more than ${MAX_NODES} declared places through shared definitions`);
  }
  if (errors.length > 0 || visibility === undefined) return { errors };
  return { visibility, errors };
}
