/**
 * What every entry point of a module table shares: the authoritative state,
 * the loaded modules, the clock, and the two steps every change goes through
 * (a guarded guest call and the commit that feeds replicas and after-hooks).
 */
import type {
  CompendiumLookup,
  EventDraft,
  GuestArg,
  GuestCall,
  RngState,
  TableEvent,
  TableState,
} from '@vtt/core';
import type { actorDataValidators } from './actor-data-check.js';
import type { ItemDataChecks } from './item-data-check.js';
import type { DiceSeam } from './dice-seam.js';
import type { GuestResult } from './call-instance.js';
import type { ModuleSlot } from './module-slot.js';
import type { TableChange } from './module-table-types.js';
import type { ReplicaBacklog } from './replica-backlog.js';

/** The shared, mutable context of one table; built once by `createModuleTable`. */
export interface TableContext {
  /** The authoritative state; replaced on every commit. */
  state: TableState;
  /** The loaded modules by id, in hook order (system first). */
  readonly slots: Map<string, ModuleSlot>;
  /** The server clock, in ms since the epoch. */
  readonly clock: () => number;
  /** Committed events each module's replica (by module id) has yet to get: sent before its next call. */
  readonly backlogs: Map<string, ReplicaBacklog>;
  /** Modules whose quarantine was announced at this table. */
  readonly announced: Set<string>;
  /** Told of every committed batch (`ModuleTableOptions.onCommit`). */
  readonly onCommit: (events: readonly TableEvent[]) => void;
  /** Tests' forced dice faces, never in `state` (see `ModuleTable.forceDice`). */
  readonly dice: DiceSeam;
  /** Fresh secret seeds for `core:start-session` (`ModuleTableOptions.newSeed`). */
  readonly newSeed: () => string;
  /** Actor data checks of the modules' manifests. */
  readonly actorData: ReturnType<typeof actorDataValidators>;
  /** Item types and item data checks of the modules' manifests. */
  readonly itemData: ItemDataChecks;
  /** The pack entries of the modules, for `core:import-compendium`. */
  readonly compendium: CompendiumLookup;
  /**
   * Calls `fn` in a module's sandbox, after bringing its replica up to
   * date (its backlog, or a whole load), reloading it when it asks;
   * a failure that quarantines the module is announced, then rethrown.
   */
  call<K extends GuestCall>(
    slot: ModuleSlot,
    call: K,
    arg: GuestArg<K>,
    rng?: RngState,
  ): Promise<GuestResult<K>>;
  /** Loads the current state into a module's replica. */
  load(slot: Pick<ModuleSlot, 'id' | 'instance'>): Promise<void>;
  /** Commits drafts as one batch, queues them for the replicas, and runs after-hooks once. */
  commitAndSync(
    drafts: readonly EventDraft[],
    userId: string,
    now: number,
    runAfter?: boolean,
  ): Promise<TableChange>;
}
