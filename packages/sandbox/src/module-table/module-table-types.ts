/**
 * The public types of a table with module rules: what goes in and what a
 * change produces.
 */
import type {
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
   * declares is checked against the type's schema after each change.
   */
  readonly manifest?: ModuleManifest;
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

/** A table whose actions run through core and its modules' rules. */
export interface ModuleTable {
  /** The authoritative state after every committed change. */
  readonly state: TableState;
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
  /** Derived data of an actor, from the module that owns its type (null when none does). */
  derived(actorId: string): Promise<JsonValue>;
  /**
   * Queues die faces for the next dice rolled at this table, by modules and
   * by core alike. A test seam held by this object, never in `state` (rolls
   * with forced faces are recorded on stream `forced` and never verify). For
   * test harnesses; the server never exposes it.
   */
  forceDice(faces: readonly number[]): void;
  /** Health of each module's sandbox instance. */
  status(moduleId: string): InstanceStatus | undefined;
  /** Disposes the table's sandbox instances. */
  close(): Promise<void>;
}
