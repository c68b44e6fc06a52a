/**
 * States and views as JSON, and back. Collections are {@link DocMap}s in
 * memory and plain `{ id: document }` objects as JSON (`JSON.stringify`
 * calls `DocMap.toJSON`); whoever parses a state or a view revives it here.
 */
import { DocMap } from './doc-map.js';
import { KEYED_COLLECTIONS, type TableDocs, type TableState, type TableView } from './state.js';

/** The JSON form of `D`: each collection a plain `{ id: document }` object (or still a map). */
export type DocsJson<D extends TableDocs> = {
  readonly [K in keyof D]: D[K] extends DocMap<infer T>
    ? Readonly<Record<string, T>> | DocMap<T>
    : D[K];
};

/**
 * `json` with every collection of {@link KEYED_COLLECTIONS} as a DocMap (a
 * missing one empty). Idempotent: a collection that already is a map stays
 * the same object.
 *
 * @example
 * const docs = reviveDocs(JSON.parse(text) as DocsJson<TableDocs>);
 */
export function reviveDocs<D extends TableDocs>(json: DocsJson<D>): D {
  const out: Record<string, unknown> = { ...json };
  for (const collection of KEYED_COLLECTIONS) {
    const value = out[collection] as
      DocMap<unknown> | Readonly<Record<string, unknown>> | undefined;
    out[collection] = value === undefined ? DocMap.empty() : DocMap.from(value);
  }
  return out as D;
}

/**
 * A full state from its JSON form: a snapshot read from disk or a test's
 * `JSON.parse(JSON.stringify(state))`.
 *
 * @example
 * const state = reviveState(JSON.parse(await readFile('snapshot.json', 'utf8')));
 */
export function reviveState(json: DocsJson<TableState>): TableState {
  return reviveDocs<TableState>(json);
}

/**
 * A viewer's view from its JSON form: a snapshot a client received.
 *
 * @example
 * let view = reviveView(JSON.parse(message.data).view);
 */
export function reviveView(json: DocsJson<TableView>): TableView {
  return reviveDocs<TableView>(json);
}
