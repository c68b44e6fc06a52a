/**
 * The messages of the live-table protocol: what a client sends on a
 * campaign's WebSocket and what the server sends back. JSON text frames,
 * one message each, every message an object with a `type`.
 *
 * A connection is for one campaign (`GET /api/campaigns/:id/live`, see
 * docs/reference/protocol.md). The client's first message is `join`; the
 * server answers with a `snapshot` (or a `replay` of what a reconnecting
 * client missed), then `events` as the table changes. Every request
 * (`action`, `roll`, ...) carries a client id and gets exactly one `ack` or
 * `rejected` with that id.
 */
import type { ErrorCode } from '../errors/codes.js';
import type { ErrorParams } from '../errors/vtt-error.js';
import type { ViewEvent } from '../events/event-types.js';
import type { JsonValue } from '../model/json.js';
import type { Role } from '../model/documents.js';
import type { DocsJson } from '../model/revive.js';
import type { TableView } from '../model/state.js';

/** Types of the messages a client sends. */
export const CLIENT_MESSAGE_TYPES = [
  'join',
  'action',
  'roll',
  'initiative',
  'chat',
  'macro',
  'derived',
  'restart-module',
  'ephemeral',
] as const;

/** A client message's `type`. */
export type ClientMessageType = (typeof CLIENT_MESSAGE_TYPES)[number];

/** Types of the messages the server sends. */
export const SERVER_MESSAGE_TYPES = [
  'snapshot',
  'replay',
  'events',
  'ack',
  'rejected',
  'error',
  'presence',
  'ephemeral',
  'modules',
] as const;

/** A server message's `type`. */
export type ServerMessageType = (typeof SERVER_MESSAGE_TYPES)[number];

/** Kinds of ephemeral message: broadcast to those who may see them, never stored. */
export const EPHEMERAL_KINDS = ['pointer', 'drag', 'typing'] as const;

/** An ephemeral message's `kind`. */
export type EphemeralKind = (typeof EPHEMERAL_KINDS)[number];

/** An error as it crosses the wire: a code to branch on, a message to show. */
export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly params: ErrorParams;
}

/** First message on a connection; `since` is the last seq a reconnecting client applied. */
export interface JoinMessage {
  readonly type: 'join';
  readonly since?: number;
}

/** Fields every request carries: the client's id for it, echoed by its `ack` or `rejected`. */
interface RequestBase {
  /** Unique per user and campaign; resending the same id after a reconnect applies it once. */
  readonly id: string;
}

/** A core action (`core:move-token`, ...) or a module's custom action. */
export interface ActionMessage extends RequestBase {
  readonly type: 'action';
  readonly action: { readonly type: string; readonly payload: JsonValue };
}

/** A module's named roll; the `ack` carries its typed outcome in `result`. */
export interface RollMessage extends RequestBase {
  readonly type: 'roll';
  readonly name: string;
  readonly actorId?: string | null;
  readonly args?: JsonValue;
  readonly moduleId?: string;
}

/** Rolls initiative with the system's model. */
export interface InitiativeMessage extends RequestBase {
  readonly type: 'initiative';
  readonly combatantIds?: readonly string[];
  readonly args?: JsonValue;
}

/** A chat line: `/command args` runs a module's chat command, other text is posted. */
export interface ChatMessageRequest extends RequestBase {
  readonly type: 'chat';
  readonly text: string;
  readonly speaker?: string | null;
}

/** Runs a module's macro. */
export interface MacroMessage extends RequestBase {
  readonly type: 'macro';
  readonly name: string;
  readonly args?: JsonValue;
  readonly moduleId?: string;
  readonly speaker?: string | null;
}

/** Asks for an actor's derived data as the sender may see it; the `ack` carries it in `result`. */
export interface DerivedMessage extends RequestBase {
  readonly type: 'derived';
  readonly actorId: string;
}

/** A GM restarts a suspended module at the table. */
export interface RestartModuleMessage extends RequestBase {
  readonly type: 'restart-module';
  readonly moduleId: string;
}

/**
 * A pointer ping, a token being dragged or "is typing": relayed to those who
 * may see it (the scene, the token), never stored, rate-limited.
 */
export interface EphemeralMessage {
  readonly type: 'ephemeral';
  readonly kind: EphemeralKind;
  /** `pointer`: the scene pinged. */
  readonly sceneId?: string;
  /** `drag`: the token being dragged. */
  readonly tokenId?: string;
  /** Position in scene pixels (`pointer`, `drag`). */
  readonly x?: number;
  readonly y?: number;
  /** `typing`: whether the user is typing. */
  readonly typing?: boolean;
}

/** Any message a client sends. */
export type ClientMessage =
  | JoinMessage
  | ActionMessage
  | RollMessage
  | InitiativeMessage
  | ChatMessageRequest
  | MacroMessage
  | DerivedMessage
  | RestartModuleMessage
  | EphemeralMessage;

/** A request message (one that gets an `ack` or `rejected`). */
export type RequestMessage = Exclude<ClientMessage, JoinMessage | EphemeralMessage>;

/** Who is at the table. */
export interface PresenceEntry {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  /** Open connections of this user to the table (0: a member who is away). */
  readonly connections: number;
}

/** Whether a module's rules apply at the table (see `TableModuleStatus`). */
export interface ModuleStatusEntry {
  readonly moduleId: string;
  readonly state: 'active' | 'suspended';
}

/** The viewer's projected view of the table at `seq`. */
export interface SnapshotMessage {
  readonly type: 'snapshot';
  readonly seq: number;
  readonly view: DocsJson<TableView>;
  readonly presence: readonly PresenceEntry[];
  readonly modules: readonly ModuleStatusEntry[];
}

/** What a reconnecting client missed since its `since`, projected; it ends at `seq`. */
export interface ReplayMessage {
  readonly type: 'replay';
  readonly seq: number;
  readonly events: readonly ViewEvent[];
  readonly presence: readonly PresenceEntry[];
  readonly modules: readonly ModuleStatusEntry[];
}

/** Events of the table, projected for the receiver, in seq order. */
export interface EventsMessage {
  readonly type: 'events';
  readonly events: readonly ViewEvent[];
}

/** A request succeeded; its events (if any) are durable and end at `seq`. */
export interface AckMessage {
  readonly type: 'ack';
  readonly id: string;
  readonly seq: number;
  /** A roll's outcome, derived data: what the request returns. */
  readonly result?: JsonValue;
  /** After-hook failures: the request itself was applied. */
  readonly warnings?: readonly WireError[];
  /** True when this id was already applied and this ack repeats the first. */
  readonly duplicate?: boolean;
}

/** A request was refused; nothing changed. */
export interface RejectedMessage {
  readonly type: 'rejected';
  readonly id: string;
  readonly error: WireError;
}

/** A message without a usable id was refused (malformed JSON, unknown type, over the rate). */
export interface ErrorMessage {
  readonly type: 'error';
  readonly error: WireError;
}

/** Presence changed. */
export interface PresenceMessage {
  readonly type: 'presence';
  readonly presence: readonly PresenceEntry[];
}

/** An ephemeral message relayed from `from`. */
export interface ServerEphemeralMessage extends Omit<EphemeralMessage, 'type'> {
  readonly type: 'ephemeral';
  readonly from: string;
}

/** A module's rules were suspended or restarted. */
export interface ModulesMessage {
  readonly type: 'modules';
  readonly modules: readonly ModuleStatusEntry[];
}

/** Any message the server sends. */
export type ServerMessage =
  | SnapshotMessage
  | ReplayMessage
  | EventsMessage
  | AckMessage
  | RejectedMessage
  | ErrorMessage
  | PresenceMessage
  | ServerEphemeralMessage
  | ModulesMessage;

/** Each client message by type: a typed map for handlers keyed by `type`. */
export type ClientMessageMap = { [M in ClientMessage as M['type']]: M };

/** Each server message by type. */
export type ServerMessageMap = { [M in ServerMessage as M['type']]: M };
