/**
 * What a player or observer sees of roll tables: public tables only, and of
 * those neither which results were drawn (a GM may have drawn them
 * whispered) nor a nested table or folder they cannot see. GMs see tables
 * whole; a table with nothing to redact comes back as the same object.
 */
import type { Member } from '../model/documents.js';
import { rollTablesOf, type RollTable, type RollTableResult } from '../model/roll-tables.js';
import type { TableDocs } from '../model/state.js';
import { seenFolder } from './journal-visibility.js';
import { withViewedFlags } from './redact-flags.js';

/**
 * True when `member` sees `table`: GMs all, others the public ones.
 *
 * @example
 * rollTableVisible(state.rollTables.get('weather'), player);
 */
export function rollTableVisible(table: RollTable | undefined, member: Member): boolean {
  return table !== undefined && (member.role === 'gm' || table.visibility === 'public');
}

/**
 * The table as `member` sees it, or `undefined` for a GM-only table. For
 * non-GMs every result shows `drawn: false`, a nested table they cannot
 * see shows as `tableId: null`, a GM folder as the top level, and module
 * flags as the visibility policy declares.
 *
 * @example
 * viewRollTable(state, state.rollTables.get('loot')!, player); // undefined when GM-only
 */
export function viewRollTable(
  docs: TableDocs,
  table: RollTable,
  member: Member,
): RollTable | undefined {
  if (member.role === 'gm') return table;
  if (table.visibility !== 'public') return undefined;
  const tables = rollTablesOf(docs);
  let changed = false;
  const results = table.results.map((r): RollTableResult => {
    const hideRef = r.tableId !== null && !rollTableVisible(tables.get(r.tableId), member);
    if (!r.drawn && !hideRef) return r;
    changed = true;
    return { ...r, drawn: false, tableId: hideRef ? null : r.tableId };
  });
  const folderId = seenFolder(docs, table.folderId, member);
  const seen = changed || folderId !== table.folderId ? { ...table, results, folderId } : table;
  return withViewedFlags(seen, docs.campaign.visibility, false);
}

/** The roll tables as `member` sees them, for `viewFor`. */
export function viewRollTables(docs: TableDocs, member: Member): TableDocs['rollTables'] {
  const tables = rollTablesOf(docs);
  return member.role === 'gm' ? tables : tables.project((t) => viewRollTable(docs, t, member));
}

/** The tables whose view depends on whether table `tableId` is visible: those that nest it. */
export function tablesNesting(docs: TableDocs, tableId: string): string[] {
  const out: string[] = [];
  rollTablesOf(docs).forEach((t) => {
    if (t.results.some((r) => r.tableId === tableId)) out.push(t.id);
  });
  return out;
}
