/**
 * The calls between the host (server, test harness, browser) and a module's
 * guest runtime inside the sandbox. Every argument and result is JSON. The
 * guest side is built by `@vtt/sdk` (`createGuestEntry`); the host side by
 * `@vtt/sandbox` (`createModuleTable`). Changing a shape here is a breaking
 * change of the module ABI: bump {@link MODULE_PROTOCOL_VERSION}.
 */
import type { JsonValue } from '../model/json.js';
import type { TableEvent, ViewEvent } from '../events/event-types.js';
import type { Role } from '../model/documents.js';
import type { TableDocs } from '../model/state.js';
import type { RollResult } from '../dice/index.js';

/**
 * Version of the guest protocol; a bundle built for another version is
 * refused. 2: tables load in parts (`LoadCall`), dice come whole from the
 * host (`sandbox.roll`), and every roll a module presents must carry the
 * `id` of the host's record.
 */
export const MODULE_PROTOCOL_VERSION = 2;

/** The names of the functions a module bundle exports to the host. */
export const GUEST_CALLS = {
  describe: 'vttDescribe',
  load: 'vttLoad',
  apply: 'vttApply',
  action: 'vttAction',
  before: 'vttBefore',
  after: 'vttAfter',
  derive: 'vttDerive',
  initiative: 'vttInitiative',
  roll: 'vttRoll',
  chat: 'vttChat',
  macro: 'vttMacro',
} as const;
/** One of {@link GUEST_CALLS}' keys. */
export type GuestCall = keyof typeof GUEST_CALLS;

/** Who is acting, as the guest sees it. */
export interface GuestUser {
  readonly id: string;
  readonly role: Role;
}

/** What a module registered, as data: returned by `vttDescribe`. */
export interface ModuleDescription {
  readonly protocol: number;
  readonly id: string;
  /** Custom actions by full name (`<moduleId>:<verb-noun>`), with their payload JSON Schema. */
  readonly actions: Readonly<
    Record<string, { readonly schema: JsonValue; readonly description?: string }>
  >;
  /** Core action names with a before-hook, and event names with an after-hook. */
  readonly hooks: { readonly before: readonly string[]; readonly after: readonly string[] };
  /** Actor types with derived data. */
  readonly derived: readonly string[];
  /** Whether the module provides the initiative model. */
  readonly initiative: boolean;
  /** The initiative model's pass step (Shadowrun: 10), or null for one pass per round. */
  readonly initiativePassStep: number | null;
  /** Named rolls, with an optional JSON Schema for their arguments. */
  readonly rolls: Readonly<Record<string, { readonly label?: string; readonly args?: JsonValue }>>;
  /** Chat commands by name (without the slash). */
  readonly chatCommands: Readonly<Record<string, { readonly description?: string }>>;
  /** Macros by name. */
  readonly macros: Readonly<Record<string, { readonly label?: string }>>;
}

/**
 * `vttLoad`: replaces the guest's replica of the table. A table of any size
 * loads in parts, each under the sandbox's argument cap: a `begin` with the
 * singletons (collections empty or partial), `docs` and `chat` parts adding
 * documents, and an `end` that makes the replica current. Until `end` the
 * guest has no replica (calls answer `needsLoad`); a part without a `begin`
 * before it answers `needsLoad`, and the host starts over. A call without
 * `part` is a whole replica in one message.
 */
export type LoadCall = LoadWhole | LoadBegin | LoadDocs | LoadChat | LoadEnd;

/** The whole replica in one message (small tables, tests). */
export interface LoadWhole {
  readonly part?: undefined;
  readonly docs: TableDocs;
  readonly seq: number;
  /** The user whose view this is (browser), or null for the authoritative server replica. */
  readonly viewerId: string | null;
}

/** Starts a load in parts: `docs` as in {@link LoadWhole}, with collections still to come. */
export interface LoadBegin extends Omit<LoadWhole, 'part'> {
  readonly part: 'begin';
}

/** Collections of {@link TableDocs} keyed by id, loaded in {@link LoadDocs} parts. */
export type LoadCollection =
  'members' | 'scenes' | 'tokens' | 'actors' | 'notes' | 'timeline' | 'effects';

/** Adds documents (by id) to one collection of the replica being loaded. */
export interface LoadDocs {
  readonly part: 'docs';
  readonly collection: LoadCollection;
  readonly docs: Readonly<Record<string, JsonValue>>;
}

/** Appends chat messages (oldest first) to the replica being loaded. */
export interface LoadChat {
  readonly part: 'chat';
  readonly messages: readonly JsonValue[];
}

/** Ends a load in parts: the replica becomes current. */
export interface LoadEnd {
  readonly part: 'end';
}

/** What `vttLoad` answers: the replica's seq, or `needsLoad` to make the host start over. */
export type LoadReply = { readonly seq: number } | { readonly needsLoad: true };

/** `vttApply`: feeds events into the replica, in seq order. */
export interface ApplyCall {
  readonly events: readonly (TableEvent | ViewEvent)[];
}

/** A refusal a module returns on purpose: not a fault, never counted toward quarantine. */
export interface GuestRejection {
  readonly rejected: { readonly reason: string; readonly data?: JsonValue };
}

/**
 * What a module proposes, in order. The host decides each core action as the
 * acting user, with the same schema and permission checks as the user's own
 * actions, so module code can never do more than the user may.
 */
export type GuestProposal =
  | { readonly kind: 'action'; readonly type: string; readonly payload: JsonValue }
  | {
      readonly kind: 'message';
      readonly text: string;
      readonly roll: RollResult | null;
      readonly whisper: readonly string[];
      readonly data: JsonValue | null;
    };

/** A handler's result: its proposals, applied as one undoable batch. */
export interface GuestProposals {
  readonly proposals: readonly GuestProposal[];
}

/** `vttAction`: a custom action of the module. */
export interface ActionCall {
  readonly type: string;
  readonly payload: JsonValue;
  readonly user: GuestUser;
}

/** `vttBefore`: a core action about to be decided. */
export interface BeforeCall {
  readonly type: string;
  readonly payload: JsonValue;
  readonly user: GuestUser;
}

/** What a before-hook answers: go on (maybe with an adjusted payload), or a veto. */
export type BeforeResult = GuestRejection | { readonly payload: JsonValue };

/** `vttAfter`: events were committed; the module may add follow-up events. */
export interface AfterCall {
  readonly events: readonly TableEvent[];
  readonly user: GuestUser;
}

/** `vttDerive`: derived data of one actor. */
export interface DeriveCall {
  readonly actorId: string;
}

/** `vttInitiative`: rolls initiative for combatants. */
export interface InitiativeCall {
  readonly combatantIds: readonly string[];
  readonly user: GuestUser;
  /** Options from the user's request (e.g. which characteristic), null when none. */
  readonly args: JsonValue;
}

/** One combatant's initiative as the module's model computes it. */
export interface InitiativeResult {
  readonly combatantId: string;
  readonly value: number;
  readonly rolls: readonly RollResult[];
}

/** What `vttRoll` returns: the outcome, and proposals such as the chat card. */
export interface RollReply extends GuestProposals {
  readonly outcome: RollOutcome;
}

/** `vttRoll`: a named roll. */
export interface RollCall {
  readonly name: string;
  readonly actorId: string | null;
  readonly args: JsonValue;
  readonly user: GuestUser;
}

/**
 * The typed result of a named roll. `total` is always there; the rest is
 * what the system uses: hits and glitches (dice pools), effect (Traveller),
 * margin against a target, critical success or failure.
 */
export interface RollOutcome {
  readonly name: string;
  readonly label: string;
  readonly total: number;
  readonly successes?: number;
  readonly glitch?: 'none' | 'glitch' | 'critical';
  readonly effect?: number;
  readonly margin?: number;
  readonly target?: number;
  readonly critical?: 'success' | 'failure' | null;
  readonly rolls: readonly RollResult[];
  /** System-specific details for sheets and chat cards. */
  readonly data?: JsonValue;
}

/** `vttChat`: a chat command such as `/sr 8 3`. */
export interface ChatCall {
  readonly command: string;
  readonly args: string;
  readonly user: GuestUser;
  /** The actor the user speaks as (chosen in the chat box), or null. */
  readonly speaker: string | null;
}

/** `vttMacro`: runs a macro. */
export interface MacroCall {
  readonly name: string;
  readonly args: JsonValue;
  readonly user: GuestUser;
  /** The actor the user speaks as, or null. */
  readonly speaker: string | null;
}

/** What any call but `describe` and `load` may answer when the guest lost its replica. */
export interface GuestNeedsLoad {
  readonly needsLoad: true;
}

/** What `vttLoad` and `vttApply` answer: the last seq the replica holds. */
export interface ReplicaReply {
  readonly seq: number;
}

/**
 * Every guest call: its argument and its reply, by the key of
 * {@link GUEST_CALLS} (as Lit's `HTMLElementTagNameMap` maps tags to
 * elements). The host calls only through this map (`callGuest(slot, 'load',
 * arg)` in `@vtt/sandbox`), the guest runtime implements it
 * (`createGuestEntry` in `@vtt/sdk`), and the host checks every reply
 * against it before any of it reaches the table.
 *
 * @example
 * type Reply = GuestReply<'roll'>; // RollReply | GuestRejection | GuestNeedsLoad
 */
export interface GuestCallMap {
  readonly describe: { readonly arg: null; readonly reply: ModuleDescription };
  readonly load: { readonly arg: LoadCall; readonly reply: ReplicaReply | GuestNeedsLoad };
  readonly apply: { readonly arg: ApplyCall; readonly reply: ReplicaReply | GuestNeedsLoad };
  readonly action: {
    readonly arg: ActionCall;
    readonly reply: GuestProposals | GuestRejection | GuestNeedsLoad;
  };
  readonly before: { readonly arg: BeforeCall; readonly reply: BeforeResult | GuestNeedsLoad };
  readonly after: {
    readonly arg: AfterCall;
    readonly reply: GuestProposals | GuestRejection | GuestNeedsLoad;
  };
  readonly derive: {
    readonly arg: DeriveCall;
    readonly reply: { readonly data: JsonValue } | GuestRejection | GuestNeedsLoad;
  };
  readonly initiative: {
    readonly arg: InitiativeCall;
    readonly reply:
      { readonly results: readonly InitiativeResult[] } | GuestRejection | GuestNeedsLoad;
  };
  readonly roll: {
    readonly arg: RollCall;
    readonly reply: RollReply | GuestRejection | GuestNeedsLoad;
  };
  readonly chat: {
    readonly arg: ChatCall;
    readonly reply: GuestProposals | GuestRejection | GuestNeedsLoad;
  };
  readonly macro: {
    readonly arg: MacroCall;
    readonly reply: GuestProposals | GuestRejection | GuestNeedsLoad;
  };
}

/** The argument of guest call `K`. */
export type GuestArg<K extends GuestCall> = GuestCallMap[K]['arg'];
/** The reply of guest call `K`, as the host sees it once checked. */
export type GuestReply<K extends GuestCall> = GuestCallMap[K]['reply'];

// GUEST_CALLS and GuestCallMap name the same calls: a call added to one must be added to the other.
const sameCalls: Record<keyof GuestCallMap, string> = GUEST_CALLS;
void sameCalls;
