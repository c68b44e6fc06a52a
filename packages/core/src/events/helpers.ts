/** Small helpers shared by the event handler tables. */
import { VttError } from '../errors/vtt-error.js';
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

/** Throws `VTT_ERR_DOCUMENT_NOT_FOUND` unless `id` is a key of `map`. */
export function mustExist<T>(
  map: Readonly<Record<string, T>>,
  collection: DocCollection | 'chat',
  id: string,
): T {
  const doc = map[id];
  if (doc === undefined) throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection, id });
  return doc;
}

/** Throws `VTT_ERR_DOCUMENT_EXISTS` when `id` is already a key of `map`. */
export function mustBeFree(
  map: Readonly<Record<string, unknown>>,
  collection: DocCollection,
  id: string,
): void {
  if (id in map) throw new VttError('VTT_ERR_DOCUMENT_EXISTS', { collection, id });
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
