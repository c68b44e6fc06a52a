/**
 * Actions: what a user asks for. `core:<verb-noun>` names; payload types per
 * action name are in {@link TableActionMap}; JSON Schemas in `action-schemas.ts`.
 */
import type { FogMode, FogShape, Grid } from '../geometry/index.js';
import type {
  CampaignSettings,
  DocLink,
  EffectTarget,
  EffectTick,
  InWorldDate,
  OwnershipLevel,
  ResourceBar,
  Role,
  SceneBackground,
  TokenLayer,
  Visibility,
} from '../model/documents.js';
import type { Flags, JsonValue } from '../model/json.js';
import type { JournalActionMap } from './journal-action-types.js';
import type { RollTableActionMap } from './roll-table-action-types.js';
import type { SceneMarkActionMap } from './scene-mark-action-types.js';

/**
 * How long a new effect lasts: `rounds` of combat (ticking at `tick`,
 * default `turn-start`), `seconds` of in-world time from now (it ends when
 * the clock reaches now + seconds), or until removed.
 */
export type AddEffectDuration =
  | { readonly unit: 'rounds'; readonly rounds: number; readonly tick?: EffectTick }
  | { readonly unit: 'seconds'; readonly seconds: number }
  | { readonly unit: 'permanent' };

/** Settable fields of a document in create and update actions. */
export interface TokenFields {
  readonly name?: string;
  readonly sceneId?: string;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly rotation?: number;
  readonly elevation?: number;
  readonly image?: string | null;
  readonly layer?: TokenLayer;
  readonly hidden?: boolean;
  readonly actorId?: string | null;
  readonly bars?: Readonly<Record<string, ResourceBar>>;
  readonly statuses?: readonly string[];
  readonly flags?: Flags;
}

/** Settable fields of a document in create and update actions. */
export interface SceneFields {
  readonly name?: string;
  readonly background?: SceneBackground | null;
  readonly width?: number;
  readonly height?: number;
  readonly grid?: Grid;
  readonly hidden?: boolean;
  readonly flags?: Flags;
}

/** Settable fields of a document in create and update actions. */
export interface ActorFields {
  readonly name?: string;
  readonly type?: string;
  readonly image?: string | null;
  readonly data?: JsonValue;
  readonly ownership?: Readonly<Record<string, OwnershipLevel>>;
  readonly defaultOwnership?: OwnershipLevel;
  readonly flags?: Flags;
}

/** Settable fields of an item in create and update actions (`actorId`: see `core:move-item`). */
export interface ItemFields {
  readonly name?: string;
  readonly type?: string;
  readonly image?: string | null;
  readonly data?: JsonValue;
  /** Position in the inventory, ascending; defaults to after the last item. */
  readonly sort?: number;
  readonly flags?: Flags;
}

/** Settable fields of a document in create and update actions. */
export interface NoteFields {
  readonly x?: number;
  readonly y?: number;
  readonly title?: string;
  readonly text?: string;
  readonly icon?: string | null;
  readonly visibility?: Visibility;
  readonly flags?: Flags;
}

/** Settable fields of a document in create and update actions. */
export interface TimelineFields {
  readonly date?: InWorldDate;
  readonly category?: string;
  readonly title?: string;
  readonly text?: string;
  readonly links?: readonly DocLink[];
  readonly visibility?: Visibility;
  readonly flags?: Flags;
}

/** Payloads of the core actions, by action name. Modules add theirs by declaration merging. */
export interface TableActionMap extends JournalActionMap, RollTableActionMap, SceneMarkActionMap {
  'core:update-campaign': {
    readonly name?: string;
    readonly system?: string | null;
    readonly modules?: readonly string[];
    readonly settings?: Partial<CampaignSettings>;
    readonly flags?: Flags;
  };
  'core:set-member': { readonly userId: string; readonly name: string; readonly role: Role };
  'core:remove-member': { readonly userId: string };
  'core:create-scene': SceneFields & { readonly id?: string; readonly name: string };
  'core:update-scene': { readonly sceneId: string; readonly patch: SceneFields };
  'core:delete-scene': { readonly sceneId: string };
  'core:paint-fog': { readonly sceneId: string; readonly mode: FogMode; readonly shape: FogShape };
  'core:configure-fog': {
    readonly sceneId: string;
    readonly enabled: boolean;
    readonly clear?: boolean;
  };
  'core:create-token': TokenFields & {
    readonly id?: string;
    readonly sceneId: string;
    readonly name: string;
    readonly x: number;
    readonly y: number;
  };
  'core:move-token': {
    readonly tokenId: string;
    readonly x: number;
    readonly y: number;
    readonly elevation?: number;
  };
  'core:update-token': { readonly tokenId: string; readonly patch: TokenFields };
  'core:delete-token': { readonly tokenId: string };
  'core:create-actor': ActorFields & {
    readonly id?: string;
    readonly name: string;
    readonly type: string;
  };
  'core:update-actor': { readonly actorId: string; readonly patch: ActorFields };
  'core:delete-actor': { readonly actorId: string };
  'core:create-item': ItemFields & {
    readonly id?: string;
    readonly name: string;
    readonly type: string;
    /** The actor whose inventory gets it; `null` or omitted: the GM's library. */
    readonly actorId?: string | null;
  };
  'core:update-item': { readonly itemId: string; readonly patch: ItemFields };
  'core:delete-item': { readonly itemId: string };
  /** Gives an item to an actor, takes it back into the library (`null`) or reorders it. */
  'core:move-item': {
    readonly itemId: string;
    readonly actorId: string | null;
    /** Defaults to after the last item of the target (or the current sort when it stays). */
    readonly sort?: number;
  };
  /**
   * Makes a document from a loaded module's compendium pack entry: an actor
   * entry becomes an actor with its embedded items, an item entry an item in
   * the library or, with `actorId`, on that actor.
   */
  'core:import-compendium': {
    readonly module: string;
    readonly pack: string;
    readonly entry: string;
    readonly actorId?: string;
    /** The id of the new actor or item; the server chooses one when omitted. */
    readonly id?: string;
  };
  'core:create-note': NoteFields & {
    readonly id?: string;
    readonly sceneId: string;
    readonly x: number;
    readonly y: number;
    readonly title: string;
  };
  'core:update-note': { readonly noteId: string; readonly patch: NoteFields };
  'core:delete-note': { readonly noteId: string };
  'core:start-combat': {
    readonly sceneId?: string;
    /** Initiative passes: the drop per pass (10 in Shadowrun); omit for one pass per round. */
    readonly passStep?: number;
  };
  'core:end-combat': Record<string, never>;
  'core:add-combatant': {
    readonly id?: string;
    readonly name?: string;
    readonly tokenId?: string;
    readonly actorId?: string;
    readonly initiative?: number | null;
    readonly hidden?: boolean;
  };
  'core:update-combatant': {
    readonly combatantId: string;
    readonly patch: {
      /** `null`: called after its token or actor again. */
      readonly name?: string | null;
      readonly hidden?: boolean;
      readonly defeated?: boolean;
    };
  };
  'core:remove-combatant': { readonly combatantId: string };
  'core:set-initiative': { readonly combatantId: string; readonly initiative: number | null };
  'core:roll-initiative': { readonly combatantId: string; readonly formula: string };
  'core:next-turn': Record<string, never>;
  'core:add-effect': {
    readonly target: EffectTarget;
    readonly id?: string;
    readonly label: string;
    readonly icon?: string | null;
    readonly statuses?: readonly string[];
    readonly origin?: string | null;
    readonly duration: AddEffectDuration;
    /** GM-only effects; only GMs add them. */
    readonly hidden?: boolean;
    readonly flags?: Flags;
  };
  'core:remove-effect': { readonly effectId: string };
  /** GM only; at most `ACTION_LIMITS.maxAdvanceSeconds` (10 years) at once. */
  'core:advance-time': { readonly seconds: number };
  'core:send-message': {
    readonly text: string;
    /** Dice notation to roll with the message, e.g. `'1d20+5'`. */
    readonly roll?: string;
    readonly whisper?: readonly string[];
    readonly blind?: boolean;
    readonly speaker?: string;
    readonly flags?: Flags;
  };
  'core:delete-message': { readonly messageId: string };
  'core:create-timeline-entry': TimelineFields & {
    readonly id?: string;
    readonly date: InWorldDate;
    readonly title: string;
  };
  'core:update-timeline-entry': { readonly entryId: string; readonly patch: TimelineFields };
  'core:delete-timeline-entry': { readonly entryId: string };
  /** Undoes the sender's last undoable action. */
  'core:undo': Record<string, never>;
  /** GM only: begins a new dice session with a fresh seed from the host (ending a running one first). */
  'core:start-session': Record<string, never>;
  /** GM only: ends the dice session and reveals its seed; rolls wait for the next session. */
  'core:end-session': Record<string, never>;
}

/** Any action name of {@link TableActionMap}. */
export type TableActionType = keyof TableActionMap;

/** An action as sent by a client. `clientId` lets a resent action apply once. */
export type TableAction<T extends TableActionType = TableActionType> = {
  [K in T]: {
    readonly type: K;
    readonly payload: TableActionMap[K];
    readonly clientId?: string;
  };
}[T];
