/** Small helpers shared by the event handler tables. */
import { VttError } from '../errors/vtt-error.js';
import { DocMap } from '../model/doc-map.js';
import type { Flags } from '../model/json.js';
import type { DocCollection } from '../model/state.js';

/**
 * `doc` with the fields of `patch` set; `flags` merge per module id.
 * Fields set to `undefined` are ignored.
 */
export function applyPatch<D extends object>(doc: D, patch: object): D {
  const out: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] =
      key === 'flags' ? { ...(out.flags as Flags | undefined), ...(value as Flags) } : value;
  }
  return out as D;
}

/** A collection, or a record inside a document (a combat's combatants). */
type Keyed<T> = DocMap<T> | Readonly<Record<string, T>>;

const lookup = <T>(map: Keyed<T>, id: string): T | undefined =>
  DocMap.isDocMap(map)
    ? (map as DocMap<T>).get(id)
    : Object.hasOwn(map, id)
      ? (map as Readonly<Record<string, T>>)[id]
      : undefined;

/** Throws `VTT_ERR_DOCUMENT_NOT_FOUND` unless `map` holds `id`. */
export function mustExist<T>(map: Keyed<T>, collection: DocCollection | 'chat', id: string): T {
  const doc = lookup(map, id);
  if (doc === undefined) throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection, id });
  return doc;
}

/** Throws `VTT_ERR_DOCUMENT_EXISTS` when `map` already holds `id`. */
export function mustBeFree(map: Keyed<unknown>, collection: DocCollection, id: string): void {
  if (lookup(map, id) !== undefined)
    throw new VttError('VTT_ERR_DOCUMENT_EXISTS', { collection, id });
}

/** Throws `VTT_ERR_DOCUMENT_INVALID` with `problem` when it is not null. */
export function mustBeValid(
  problem: string | null,
  collection: DocCollection,
  id: string,
  fix: string,
): void {
  if (problem !== null)
    throw new VttError('VTT_ERR_DOCUMENT_INVALID', { collection, id, problem, fix });
}
