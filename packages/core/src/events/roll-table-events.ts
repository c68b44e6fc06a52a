/** Event handlers of roll tables: created, updated, deleted, drawn from, reset. */
import { VttError } from '../errors/vtt-error.js';
import { putOrRemove, ref } from '../model/doc-refs.js';
import { foldersOf } from '../model/journal-documents.js';
import { rollTableProblems, tableCycle } from '../model/roll-table-ranges.js';
import { rollTablesOf, type RollTable } from '../model/roll-tables.js';
import type { TableDocs } from '../model/state.js';
import { drawableTable, mustBeTableGm } from '../permissions/roll-table-rules.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustExist } from './helpers.js';
import { removalChanges, removeDocs } from './links.js';

const tableRef = (id: string) => [ref('rollTables', id)];

const tableMustExist = (docs: TableDocs, id: string): RollTable =>
  mustExist(rollTablesOf(docs), 'rollTables', id);

/**
 * Throws unless `table` can be drawn among the tables of `docs`: its
 * formula and ranges (the first of `rollTableProblems`), nested tables that
 * exist and never lead back to it, a folder that exists.
 */
function mustBeDrawable(docs: TableDocs, table: RollTable): void {
  const problem = rollTableProblems(table)[0];
  if (problem !== undefined) throw new VttError(problem.code, problem.params);
  const tables = rollTablesOf(docs);
  for (const { tableId } of table.results) {
    if (tableId !== null && tableId !== table.id) mustExist(tables, 'rollTables', tableId);
  }
  const cycle = tableCycle(tables, table);
  if (cycle !== null)
    throw new VttError('VTT_ERR_ROLLTABLE_CYCLE', { tableId: table.id, path: cycle.join(' → ') });
  if (table.folderId !== null) mustExist(foldersOf(docs), 'folders', table.folderId);
}

function update(docs: TableDocs, id: string, change: (t: RollTable) => RollTable) {
  const table = rollTablesOf(docs).get(id);
  if (table === undefined) return {};
  return { rollTables: putOrRemove(rollTablesOf(docs), id, change(table)) };
}

/** Handlers of the `core:roll-table-*` events. */
export const ROLL_TABLE_EVENTS = defineEventHandlers({
  'core:roll-table-created': {
    apply: ({ docs, payload: { table } }) => ({
      rollTables: putOrRemove(rollTablesOf(docs), table.id, table),
    }),
    changes: ({ payload }) => tableRef(payload.table.id),
    permit: ({ state, member, payload: { table } }) => {
      mustBeTableGm(state, member, table.id, false);
      mustBeFree(rollTablesOf(state), 'rollTables', table.id);
      mustBeDrawable(state, table);
    },
    undoable: true,
  },
  'core:roll-table-updated': {
    apply: ({ docs, payload }) =>
      update(docs, payload.tableId, (t) => applyPatch(t, payload.patch)),
    changes: ({ payload }) => tableRef(payload.tableId),
    permit: ({ state, member, payload }) => {
      mustBeTableGm(state, member, payload.tableId, true);
      mustBeDrawable(state, applyPatch(tableMustExist(state, payload.tableId), payload.patch));
    },
    undoable: true,
  },
  'core:roll-table-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, tableRef(payload.tableId)),
    changes: ({ docs, payload }) => removalChanges(docs, tableRef(payload.tableId)),
    checked: ({ payload }) => tableRef(payload.tableId),
    permit: ({ state, member, payload }) => {
      mustBeTableGm(state, member, payload.tableId, true);
      tableMustExist(state, payload.tableId);
    },
    undoable: true,
  },
  'core:roll-table-drawn': {
    apply: ({ docs, payload }) =>
      update(docs, payload.tableId, (t) => ({
        ...t,
        results: t.results.map((r, i) =>
          r.drawn || !payload.results.includes(i) ? r : { ...r, drawn: true },
        ),
      })),
    changes: ({ payload }) => tableRef(payload.tableId),
    permit: ({ state, member, payload }) => {
      const table = drawableTable(state, member, payload.tableId);
      const bad = payload.results.find((i) => !Number.isInteger(i) || !table.results[i]);
      if (table.replacement || bad !== undefined)
        throw new VttError('VTT_ERR_DOCUMENT_INVALID', {
          collection: 'rollTables',
          id: table.id,
          problem: table.replacement
            ? 'it draws with replacement, so no result is marked drawn'
            : `it has no result ${bad}`,
          fix: 'Draw from it with core:draw-table, which marks what it draws.',
        });
    },
    // A draw is dice: undoing it would let a GM or player re-roll until it suits them.
    undoable: false,
  },
  'core:roll-table-reset': {
    apply: ({ docs, payload }) =>
      update(docs, payload.tableId, (t) =>
        t.results.some((r) => r.drawn)
          ? { ...t, results: t.results.map((r) => (r.drawn ? { ...r, drawn: false } : r)) }
          : t,
      ),
    changes: ({ payload }) => tableRef(payload.tableId),
    permit: ({ state, member, payload }) => {
      mustBeTableGm(state, member, payload.tableId, true);
      tableMustExist(state, payload.tableId);
    },
    undoable: true,
  },
});
