/**
 * Events: what happened to a table. `core:<noun-past-participle>` names, a
 * per-campaign `seq`, the author and the time. Payload types per event name
 * are in {@link TableEventMap}.
 */
import type { VisibilityPolicy } from '../model/visibility-policy.js';
import type { FogOp } from '../geometry/index.js';
import type { RngState } from '../random/rng.js';
import type {
  Actor,
  Campaign,
  CampaignSettings,
  ChatMessage,
  Combat,
  Combatant,
  ActiveEffect,
  Item,
  Member,
  Note,
  Scene,
  TimelineEntry,
  Token,
} from '../model/documents.js';
import type { DocCollection, TableView } from '../model/state.js';
import type { JournalEventMap } from './journal-event-types.js';
import type { RollTableEventMap } from './roll-table-event-types.js';
import type { SceneMarkEventMap } from './scene-mark-event-types.js';

/** Fields of a document an update event may set; `flags` merge per module id. */
export type Patch<D> = { readonly [K in Exclude<keyof D, 'id'>]?: D[K] };

/** The fields of a new chat message an event carries; the reducer adds seq, author and time. */
export type PostedMessage = Omit<ChatMessage, 'seq' | 'author' | 'time'>;

/**
 * Payloads of the core events, by event name. Modules add theirs by
 * declaration merging.
 */
export interface TableEventMap extends JournalEventMap, RollTableEventMap, SceneMarkEventMap {
  'core:campaign-updated': {
    readonly patch: Patch<Omit<Campaign, 'settings'>> & {
      readonly settings?: Partial<CampaignSettings>;
    };
  };
  'core:member-set': { readonly member: Member };
  'core:member-removed': { readonly userId: string };
  /** The visibility policy of the table's modules; `null` removes it. Only hosts commit it. */
  'core:visibility-set': { readonly policy: VisibilityPolicy | null };
  'core:scene-created': { readonly scene: Scene };
  'core:scene-updated': { readonly sceneId: string; readonly patch: Patch<Omit<Scene, 'fog'>> };
  'core:scene-deleted': { readonly sceneId: string };
  'core:fog-painted': { readonly sceneId: string; readonly op: FogOp };
  'core:fog-configured': {
    readonly sceneId: string;
    readonly enabled: boolean;
    readonly clear: boolean;
  };
  'core:token-created': { readonly token: Token };
  'core:token-moved': {
    readonly tokenId: string;
    readonly x: number;
    readonly y: number;
    readonly elevation?: number;
  };
  'core:token-updated': { readonly tokenId: string; readonly patch: Patch<Token> };
  'core:token-deleted': { readonly tokenId: string };
  'core:actor-created': { readonly actor: Actor };
  'core:actor-updated': { readonly actorId: string; readonly patch: Patch<Actor> };
  'core:actor-deleted': { readonly actorId: string };
  'core:item-created': { readonly item: Item };
  'core:item-updated': { readonly itemId: string; readonly patch: Patch<Omit<Item, 'author'>> };
  /** Into actor `actorId`'s inventory (`null`: the GM's library) at `sort`. */
  'core:item-moved': {
    readonly itemId: string;
    readonly actorId: string | null;
    readonly sort: number;
  };
  'core:item-deleted': { readonly itemId: string };
  'core:note-created': { readonly note: Note };
  'core:note-updated': { readonly noteId: string; readonly patch: Patch<Note> };
  'core:note-deleted': { readonly noteId: string };
  'core:combat-started': { readonly combat: Combat };
  'core:combat-ended': { readonly combatId: string };
  'core:combatant-added': { readonly combatant: Combatant };
  'core:combatant-updated': {
    readonly combatantId: string;
    readonly patch: Patch<Combatant>;
  };
  'core:combatant-removed': { readonly combatantId: string };
  'core:initiative-set': { readonly combatantId: string; readonly initiative: number | null };
  /**
   * The turn passed to `turn` in `round`; the effects of the combatants'
   * tokens and actors tick on the way and a new round advances the clock
   * (see `turnTicks`).
   */
  'core:turn-advanced': {
    readonly round: number;
    readonly turn: string | null;
    /** The initiative pass, for combats with passes. */
    readonly pass?: number;
  };
  'core:effect-added': { readonly effect: ActiveEffect };
  'core:effect-removed': { readonly effectId: string };
  /** The in-world clock moved on by `seconds`; `seconds` effects it reaches end. */
  'core:time-advanced': { readonly seconds: number };
  /**
   * `dropBefore`: messages with a smaller seq leave the state (the log keeps
   * them). `author: 'core'` marks core's own notices (an effect wore off):
   * the message's author is `'core'`, not the user whose action caused it.
   * Only core's rules set it; no action's payload can.
   */
  'core:message-posted': {
    readonly message: PostedMessage;
    readonly dropBefore: number;
    readonly author?: 'core';
  };
  'core:message-deleted': { readonly messageId: string };
  'core:timeline-entry-created': { readonly entry: TimelineEntry };
  'core:timeline-entry-updated': {
    readonly entryId: string;
    readonly patch: Patch<TimelineEntry>;
  };
  'core:timeline-entry-deleted': { readonly entryId: string };
  /** A dice session began; its generator (server-only) is in the event's `server.rng`. */
  'core:dice-session-started': { readonly session: number; readonly commitment: string };
  /** A dice session ended: its seed is public from now on. */
  'core:dice-session-ended': {
    readonly session: number;
    readonly commitment: string;
    readonly seed: string;
  };
  /** Sets one document as a whole (`null` removes it); undo emits these. */
  'core:document-restored': {
    readonly collection: DocCollection;
    readonly id: string;
    readonly doc: unknown;
  };
}

/** Any event name of {@link TableEventMap}. */
export type TableEventType = keyof TableEventMap;

/** Server-only data of an event: stripped from every projected event. */
export interface EventServerData {
  /** The dice generator after the rolls of this event. */
  readonly rng?: RngState;
  /** Seq of the first event of the action this event belongs to. */
  readonly batch?: number;
  /** Set on undo's compensating events: the batch they undo. */
  readonly undoes?: number;
}

/** An event before `commit` numbered it: what `decide` returns. */
export type EventDraft<T extends TableEventType = TableEventType> = {
  [K in T]: {
    readonly type: K;
    readonly payload: TableEventMap[K];
    readonly server?: EventServerData;
  };
}[T];

/** A committed event: a draft with its seq, author and time. */
export type TableEvent<T extends TableEventType = TableEventType> = {
  [K in T]: {
    readonly seq: number;
    readonly type: K;
    /** User id of whoever caused it. */
    readonly author: string;
    /** Server time in ms since the epoch, injected by the caller of `commit`. */
    readonly time: number;
    readonly payload: TableEventMap[K];
    readonly server?: EventServerData;
  };
}[T];

/** Payloads of events that exist only in projections, by event name. */
export interface ViewOnlyEventMap {
  /** The viewer now sees this document exactly so (it appeared or changed). */
  'core:document-synced': {
    readonly collection: DocCollection;
    readonly id: string;
    readonly doc: unknown;
  };
  /** The viewer no longer sees this document (deleted, hidden, fogged). */
  'core:document-removed': { readonly collection: DocCollection; readonly id: string };
  /** Chat messages with a smaller seq left the state. */
  'core:chat-pruned': { readonly before: number };
  /** The viewer's role changed: their whole view is replaced. */
  'core:view-replaced': { readonly view: TableView };
}

type ViewEventPayloads = Omit<TableEventMap, 'core:document-restored'> & ViewOnlyEventMap;

/** An event as one viewer receives it: no server data, secrets removed. */
export type ViewEvent = {
  [K in keyof ViewEventPayloads]: {
    readonly seq: number;
    readonly type: K;
    readonly author: string;
    readonly time: number;
    readonly payload: ViewEventPayloads[K];
  };
}[keyof ViewEventPayloads];
