/**
 * Roll tables: the documents of `TableDocs.rollTables`, kept in a
 * {@link DocMap}. A table rolls its formula and reads the result whose range
 * holds the total, as Foundry's RollTable and Roll20's rollable tables do.
 * See docs/reference/state-model.md.
 */
import type { DocSource } from './documents.js';
import type { DocMap } from './doc-map.js';
import type { Flags } from './json.js';
import { asDocMap } from './journal-documents.js';
import type { TableDocs } from './state.js';

/** Who sees a roll table besides GMs: nobody (`gm`) or every member (`public`). */
export const ROLL_TABLE_VISIBILITIES = { gm: 'gm', public: 'public' } as const;
/** One of {@link ROLL_TABLE_VISIBILITIES}. */
export type RollTableVisibility =
  (typeof ROLL_TABLE_VISIBILITIES)[keyof typeof ROLL_TABLE_VISIBILITIES];

/** One result of a roll table, as the state holds it. */
export interface RollTableResult {
  /** The totals that pick it, both ends included: `[3, 4]` on a d8 is 2 in 8. */
  readonly range: readonly [number, number];
  /** Plain Markdown, stored and sent as written. */
  readonly text: string;
  /** A roll table drawn from too when this result comes up (a nested table), or null. */
  readonly tableId: string | null;
  /** A compendium entry the result stands for (a monster, an item), or null. */
  readonly compendium: DocSource | null;
  /**
   * Drawn since the last reset (tables without replacement only). Players
   * and observers always see `false`: which results a GM drew, perhaps
   * whispered, is the GM's.
   */
  readonly drawn: boolean;
}

/** A roll table of results with ranges over its formula's totals. */
export interface RollTable {
  readonly id: string;
  readonly name: string;
  /** Dice notation of sums of plain dice and whole numbers, e.g. `'1d8'` or `'2d6'`. */
  readonly formula: string;
  /** In the order given; their ranges cover every total of the formula exactly once. */
  readonly results: readonly RollTableResult[];
  /** False: a drawn result is marked drawn and not drawn again until `core:reset-roll-table`. */
  readonly replacement: boolean;
  readonly visibility: RollTableVisibility;
  /** A journal folder (of `TableDocs.folders`) it is filed in, or null. */
  readonly folderId: string | null;
  readonly flags: Flags;
}

/**
 * A result as an action or a pack entry gives it: a `range`, or a `weight`
 * that takes the next `weight` totals after the previous result (the first
 * starting at the formula's lowest total).
 */
export interface RollTableResultInput {
  readonly range?: readonly [number, number];
  readonly weight?: number;
  readonly text: string;
  readonly tableId?: string | null;
  readonly compendium?: DocSource | null;
}

/** Caps of roll tables. */
export const ROLL_TABLE_LIMITS = {
  /** Results of one table. */
  maxResults: 1_000,
  /** Totals one formula may span (its highest total minus its lowest, plus one). */
  maxSpan: 100_000,
  /** Largest weight of one result. */
  maxWeight: 100_000,
  /** Nested tables one draw follows below the table drawn (deeper references are not drawn). */
  maxDepth: 5,
  /** Dice in one formula. */
  maxDice: 100,
} as const;

/**
 * The roll tables of `docs`, as a {@link DocMap} (empty for a table saved
 * before roll tables existed).
 *
 * @example
 * rollTablesOf(view).filter((t) => t.visibility === 'public');
 */
export const rollTablesOf = (docs: TableDocs): DocMap<RollTable> => asDocMap(docs.rollTables);

/** The result of `table` whose range holds `total`, with its index, or undefined. */
export function resultAt(
  table: Pick<RollTable, 'results'>,
  total: number,
): { readonly index: number; readonly result: RollTableResult } | undefined {
  const index = table.results.findIndex((r) => r.range[0] <= total && total <= r.range[1]);
  return index < 0 ? undefined : { index, result: table.results[index]! };
}
