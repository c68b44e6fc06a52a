/**
 * Who may change and draw roll tables: GMs change them; players draw the
 * public ones. A table a player cannot see answers as if it did not exist.
 */
import { VttError } from '../errors/vtt-error.js';
import type { Member } from '../model/documents.js';
import { rollTablesOf, type RollTable } from '../model/roll-tables.js';
import type { TableDocs } from '../model/state.js';
import { rollTableVisible } from '../views/roll-table-visibility.js';

const notFound = (id: string) =>
  new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'rollTables', id });

/**
 * Throws unless `member` is a GM, the role first: observers
 * `VTT_ERR_PERMISSION_OBSERVER`; players `VTT_ERR_DOCUMENT_NOT_FOUND` for
 * an existing (`existing`) table they cannot see or that does not exist,
 * `VTT_ERR_PERMISSION_GM_ONLY` for a public one or a new one.
 *
 * @example
 * mustBeTableGm(state, member, 'loot', true);
 */
export function mustBeTableGm(
  docs: TableDocs,
  member: Member,
  id: string,
  existing: boolean,
): void {
  if (member.role === 'gm') return;
  if (member.role === 'observer') throw new VttError('VTT_ERR_PERMISSION_OBSERVER');
  if (existing && !rollTableVisible(rollTablesOf(docs).get(id), member)) throw notFound(id);
  throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', { collection: 'rollTables', what: 'change' });
}

/**
 * The table `member` may draw: any for GMs, a public one for players.
 * Observers get `VTT_ERR_PERMISSION_OBSERVER`; a table that is missing or
 * that a player cannot see `VTT_ERR_DOCUMENT_NOT_FOUND`.
 *
 * @example
 * const table = drawableTable(state, member, payload.tableId);
 */
export function drawableTable(docs: TableDocs, member: Member, id: string): RollTable {
  if (member.role === 'observer') throw new VttError('VTT_ERR_PERMISSION_OBSERVER');
  const table = rollTablesOf(docs).get(id);
  if (table === undefined || !rollTableVisible(table, member)) throw notFound(id);
  return table;
}
