/** Payloads of the roll-table events; part of `TableEventMap`. */
import type { RollTable } from '../model/roll-tables.js';
import type { Patch } from './event-types.js';

/** The roll-table events, by type. */
export interface RollTableEventMap {
  'core:roll-table-created': { readonly table: RollTable };
  'core:roll-table-updated': { readonly tableId: string; readonly patch: Patch<RollTable> };
  /** Nested references to it in other tables become null in the same event. */
  'core:roll-table-deleted': { readonly tableId: string };
  /** A draw from a table without replacement: the results at `results` (indices) are drawn. */
  'core:roll-table-drawn': { readonly tableId: string; readonly results: readonly number[] };
  /** Every result of the table undrawn again. */
  'core:roll-table-reset': { readonly tableId: string };
}
