/**
 * Plain JSON values and structural equality, used by the table model for
 * module-owned data (`Actor.data`, `flags`) and by undo and views to compare
 * documents.
 */

/** Any JSON value. Module-owned data in documents has this type. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Module data on a document, one entry per module id: `flags[moduleId]`. */
export type Flags = Record<string, JsonValue>;

/**
 * Structural equality of two JSON-like values; `===` short-cuts shared
 * subtrees, which immutable updates keep. Runs in undo conflict checks and in
 * the per-viewer projection.
 *
 * @example
 * deepEqual({ a: [1, 2] }, { a: [1, 2] }); // true
 * deepEqual({ a: 1 }, { a: 1, b: undefined }); // false: JSON has no undefined
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(rb, key) || !deepEqual(ra[key], rb[key]))
      return false;
  }
  return true;
}
