/**
 * The public types of a table with module rules: what goes in and what a
 * change produces.
 */
import type {
  CompendiumEntry,
  JsonValue,
  ModuleDescription,
  ModuleManifest,
  RollOutcome,
  TableEvent,
  TableState,
  VttError,
} from '@vtt/core';
import type { InstanceStatus, SandboxHost } from '../types.js';

/** One module to run at the table: its bundle (built by `vtt build`) and, if known, its id. */
export interface ModuleBundle {
  /** The manifest's id; when given, the bundle must declare the same id. */
  readonly id?: string;
  readonly source: string;
  /**
   * The module's validated manifest. With it, every actor of a type it
   * declares is checked against the type's schema after each change, and
   * the module may register only the hooks and propose only the core
   * actions its `capabilities` declare. Without one (a bare bundle under
   * test) capabilities are not enforced; the server always passes it.
   */
  readonly manifest?: ModuleManifest;
  /**
   * The module's compendium packs, by pack id of `manifest.compendium`, each
   * the validated JSON array of its file: what `core:import-compendium`
   * imports from. Packs not given have no entries.
   */
  readonly packs?: Readonly<Record<string, readonly CompendiumEntry[]>>;
}

/** Options of {@link createModuleTable}. */
export interface ModuleTableOptions {
  readonly host: SandboxHost;
  /** Unique per table on the host; instance keys are `${tableId}:${moduleId}`. */
  readonly tableId: string;
  readonly state: TableState;
  /** The system module first, then add-ons: hooks run in this order. */
  readonly modules: readonly ModuleBundle[];
  /** The server clock, in ms since the epoch. */
  readonly clock?: () => number;
  /**
   * Receives every batch of committed events, in seq order, as it is
   * committed: the changes calls return, and also those no call returns
   * (the public notice that a module's rules are suspended, posted while
   * the call that caused it fails). A server broadcasts from here. Must not
   * throw.
   */
  readonly onCommit?: (events: readonly TableEvent[]) => void;
  /**
   * Fresh secret seeds for `core:start-session` (64 hex digits). Defaults to
   * 32 bytes of `crypto.getRandomValues`; tests pass a seeded one.
   */
  readonly newSeed?: () => string;
}

/** What a change to the table produced. */
export interface TableChange {
  /** Committed events, in seq order (empty when nothing changed). */
  readonly events: readonly TableEvent[];
  /** After-hook failures: the action itself was committed. */
  readonly warnings: readonly VttError[];
}

/** A named roll's typed outcome and the events it caused (its chat card). */
export interface RollChange extends TableChange {
  readonly outcome: RollOutcome;
}

/** Whether a module's rules apply at a table, for every member to see. */
export interface TableModuleStatus {
  readonly moduleId: string;
  /**
   * `'active'`, or `'suspended'` once the module was quarantined: its hooks
   * are skipped, the table plays on core rules, and its own actions, rolls
   * and commands answer `VTT_ERR_MODULE_SUSPENDED` until a GM restarts it.
   */
  readonly state: 'active' | 'suspended';
  readonly failuresInRow: number;
  readonly lastError?: InstanceStatus['lastError'];
}

/** A table whose actions run through core and its modules' rules. */
export interface ModuleTable {
  /** The authoritative state after every committed change. */
  readonly state: TableState;
  /**
   * Events committed while loading: `core:visibility-set` when the modules'
   * declared visibility differs from the state's. The server persists and
   * projects them like any other events.
   */
  readonly loadEvents: readonly TableEvent[];
  /** What each module registered, by module id. */
  readonly modules: ReadonlyMap<string, ModuleDescription>;
  /**
   * Runs one action as `userId`: a core action (after the modules' before-hooks)
   * or a module's custom action; then the modules' after-hooks.
   * @throws VttError when the action is refused; nothing changes then.
   */
  dispatch(
    action: { readonly type: string; readonly payload: unknown },
    userId: string,
  ): Promise<TableChange>;
  /** Rolls a named roll and posts its chat card. */
  roll(request: {
    readonly name: string;
    readonly userId: string;
    readonly actorId?: string | null;
    readonly args?: JsonValue;
    readonly moduleId?: string;
  }): Promise<RollChange>;
  /** Rolls initiative with the system's model for combatants (all without one when omitted). */
  rollInitiative(request: {
    readonly userId: string;
    readonly combatantIds?: readonly string[];
    /** Options for the system's initiative model (e.g. which characteristic). */
    readonly args?: JsonValue;
  }): Promise<TableChange>;
  /**
   * Runs a chat line: `/command args` goes to the module that registered it;
   * other text is posted. `speaker` is the actor the user speaks as; it must
   * be one the user can see.
   */
  chat(request: {
    readonly userId: string;
    readonly text: string;
    readonly speaker?: string | null;
  }): Promise<TableChange>;
  /** Runs a macro, optionally speaking as an actor the user can see. */
  macro(request: {
    readonly userId: string;
    readonly name: string;
    readonly args?: JsonValue;
    readonly moduleId?: string;
    readonly speaker?: string | null;
  }): Promise<TableChange>;
  /**
   * Derived data of an actor, from the module that owns its type (null when
   * none does). It is computed from the whole actor and its items, so the
   * caller says for whom: for user `viewerId` it throws NOT_FOUND when they
   * cannot see the actor and gives null unless they see it and its items
   * whole (a GM, or nothing of them hidden from them), so a limited viewer or one kept from GM-only fields
   * learns nothing from it; `null` asks for the authoritative value, which
   * only the server itself may read.
   */
  derived(actorId: string, viewerId: string | null): Promise<JsonValue>;
  /**
   * Queues die faces for the next dice rolled at this table, by modules and
   * by core alike. A test seam held by this object, never in `state` (rolls
   * with forced faces are recorded on stream `forced` and never verify). For
   * test harnesses; the server never exposes it.
   */
  forceDice(faces: readonly number[]): void;
  /** Health of each module's sandbox instance. */
  status(moduleId: string): InstanceStatus | undefined;
  /**
   * Whether each module's rules apply, in hook order: what a client shows
   * every member (a suspended module's rules do not apply).
   */
  moduleStatus(): TableModuleStatus[];
  /**
   * Restarts a module as GM `userId`: a fresh sandbox instance of the same
   * bundle, loaded with the current state, announced in public chat.
   * @throws VttError `VTT_ERR_PERMISSION_GM_ONLY` for anyone else,
   * `VTT_ERR_MODULE_NOT_FOUND`, or the load's own failure (the module then
   * stays suspended).
   * @example
   * if (table.moduleStatus().some((m) => m.state === 'suspended')) await table.restartModule('dnd5e', 'gm');
   */
  restartModule(moduleId: string, userId: string): Promise<TableChange>;
  /** Disposes the table's sandbox instances. */
  close(): Promise<void>;
}
