/**
 * Reading and replacing one document of a table by its {@link DocRef}.
 * Used by undo, authorization and the per-viewer projection.
 */
import { DocMap } from './doc-map.js';
import { effectsOf } from './effects.js';
import { rollTablesOf } from './roll-tables.js';
import type { DocCollection, DocRef, TableDocs } from './state.js';

type Collection = DocMap<unknown> | Readonly<Record<string, unknown>>;

/** The document at `ref`, or `undefined` when there is none. */
export function getDoc(docs: TableDocs, ref: DocRef): unknown {
  switch (ref.collection) {
    case 'campaign':
      return docs.campaign;
    case 'combat':
      return docs.combat ?? undefined;
    case 'effects': // absent in tables saved before effects; plain JSON in a replica
      return effectsOf(docs).get(ref.id);
    case 'rollTables':
      return rollTablesOf(docs).get(ref.id);
    default: // a collection newer than the table's snapshot may be absent
      return lookup((docs[ref.collection] ?? DocMap.empty()) as Collection, ref.id);
  }
}

/**
 * The top-level fields to spread over `docs` so that `ref` holds `doc`
 * (`null`/`undefined` removes it). Never mutates `docs`.
 */
export function setDoc(docs: TableDocs, ref: DocRef, doc: unknown): Partial<TableDocs> {
  switch (ref.collection) {
    case 'campaign':
      return doc == null ? {} : { campaign: doc as TableDocs['campaign'] };
    case 'combat':
      return { combat: (doc ?? null) as TableDocs['combat'] };
    case 'effects':
      return { effects: putOrRemove(effectsOf(docs), ref.id, doc) };
    case 'rollTables':
      return { rollTables: putOrRemove(rollTablesOf(docs), ref.id, doc) };
    default:
      return {
        [ref.collection]: putOrRemove(
          (docs[ref.collection] ?? DocMap.empty()) as Collection,
          ref.id,
          doc,
        ),
      };
  }
}

function lookup(map: Collection, id: string): unknown {
  return DocMap.isDocMap(map) ? map.get(id) : (map as Readonly<Record<string, unknown>>)[id];
}

/** A copy of `map` with `id` set to `doc`, or without `id` when `doc` is null/undefined. */
export function putOrRemove<T>(map: DocMap<T>, id: string, doc: unknown): DocMap<T>;
export function putOrRemove<T>(
  map: Readonly<Record<string, T>>,
  id: string,
  doc: unknown,
): Readonly<Record<string, T>>;
export function putOrRemove<T>(
  map: DocMap<T> | Readonly<Record<string, T>>,
  id: string,
  doc: unknown,
): DocMap<T> | Readonly<Record<string, T>>;
export function putOrRemove<T>(
  map: DocMap<T> | Readonly<Record<string, T>>,
  id: string,
  doc: unknown,
): DocMap<T> | Readonly<Record<string, T>> {
  if (DocMap.isDocMap(map)) {
    const m = map as DocMap<T>;
    return doc == null ? m.delete(id) : m.set(id, doc as T);
  }
  if (doc == null) {
    if (!(id in map)) return map;
    const { [id]: _removed, ...rest } = map;
    return rest;
  }
  return { ...map, [id]: doc as T };
}

/** A stable string key of a reference, e.g. `'tokens/t1'`. */
export function refKey(ref: DocRef): string {
  return `${ref.collection}/${ref.id}`;
}

/** Shorthand for a {@link DocRef}. */
export function ref(collection: DocCollection, id: string): DocRef {
  return { collection, id };
}
