/**
 * The links of roll tables: a result's `tableId` points to another roll
 * table, a table's `folderId` to a journal folder. Deleting a table makes
 * the results that nest it plain results (`tableId` null); deleting a
 * folder moves its tables to its surviving parent, as its entries go.
 * `links.ts` calls these for every deletion and for undo.
 */
import { putOrRemove, ref } from '../model/doc-refs.js';
import { foldersOf } from '../model/journal-documents.js';
import { tableCycle } from '../model/roll-table-ranges.js';
import { rollTablesOf, type RollTable } from '../model/roll-tables.js';
import type { DocCollection, DocRef, TableDocs } from '../model/state.js';
import { survivingParent } from './journal-links.js';

/** `table` with nested references to the tables in `gone` dropped (the same object if none). */
function withoutTables(table: RollTable, gone: ReadonlySet<string>): RollTable {
  if (!table.results.some((r) => r.tableId !== null && gone.has(r.tableId))) return table;
  const results = table.results.map((r) =>
    r.tableId !== null && gone.has(r.tableId) ? { ...r, tableId: null } : r,
  );
  return { ...table, results };
}

/**
 * The `rollTables` field of `current` after the documents among `refs`
 * (read in `before`) are deleted: nested references to deleted tables
 * dropped, tables in deleted folders moved to the surviving parent. Left
 * out when nothing changes; works on a state and on a view alike.
 *
 * @example
 * unlinkFromGone(state, state, [ref('rollTables', 'weather')]); // tables nesting it no longer do
 */
export function unlinkFromGone(
  before: TableDocs,
  current: TableDocs,
  refs: readonly DocRef[],
): Partial<Pick<TableDocs, 'rollTables'>> {
  const tables = new Set(refs.filter((r) => r.collection === 'rollTables').map((r) => r.id));
  const folders = new Set(refs.filter((r) => r.collection === 'folders').map((r) => r.id));
  if (tables.size === 0 && folders.size === 0) return {};
  const known = foldersOf(before);
  let out = rollTablesOf(current);
  const start = out;
  start.forEach((table) => {
    let next = tables.size === 0 ? table : withoutTables(table, tables);
    if (next.folderId !== null && folders.has(next.folderId))
      next = { ...next, folderId: survivingParent(known, folders, next.folderId) };
    if (next !== table) out = putOrRemove(out, table.id, next);
  });
  return out === start ? {} : { rollTables: out };
}

/** The documents a roll table links to: its folder and the tables its results nest. */
export function rollTableLinksOf(collection: DocCollection, doc: unknown): DocRef[] {
  if (collection !== 'rollTables') return [];
  const table = doc as RollTable;
  const out = table.folderId === null ? [] : [ref('folders', table.folderId)];
  for (const { tableId } of table.results)
    if (tableId !== null) out.push(ref('rollTables', tableId));
  return out;
}

/**
 * A roll table that undo puts back, without the nested references that
 * would now close a loop (another table was changed to nest it since).
 */
export function withoutTableCycle(docs: TableDocs, target: DocRef, doc: unknown): unknown {
  if (target.collection !== 'rollTables' || doc == null) return doc;
  let table = doc as RollTable;
  const tables = rollTablesOf(docs);
  for (let cycle = tableCycle(tables, table); cycle !== null; cycle = tableCycle(tables, table)) {
    const first = cycle[1]!;
    table = {
      ...table,
      results: table.results.map((r) => (r.tableId === first ? { ...r, tableId: null } : r)),
    };
  }
  return table;
}
