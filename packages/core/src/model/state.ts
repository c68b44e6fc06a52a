/**
 * The whole state of one table, and the per-viewer view of it. Collections are DocMaps; JSON round-trips through `reviveState`.
 */
import { createRng, normalizeSeed, seedCommitment, type RngState } from '../random/rng.js';
import { DocMap } from './doc-map.js';
import type {
  ActiveEffect,
  Actor,
  Campaign,
  ChatMessage,
  Combat,
  Item,
  Member,
  Note,
  Scene,
  TimelineEntry,
  Token,
} from './documents.js';
import type { JournalEntry, JournalFolder, Playlist } from './journal-documents.js';
import type { RollTable } from './roll-tables.js';
import type { Drawing, MeasuredTemplate } from './scene-marks.js';

/** The documents of a table: the part that views share with the full state. */
export interface TableDocs {
  readonly campaign: Campaign;
  readonly members: DocMap<Member>;
  readonly scenes: DocMap<Scene>;
  readonly tokens: DocMap<Token>;
  readonly actors: DocMap<Actor>;
  /** Items in actors' inventories and the GM's library (`actorId: null`). */
  readonly items: DocMap<Item>;
  readonly notes: DocMap<Note>;
  readonly combat: Combat | null;
  /** The last `campaign.settings.chatLimit` messages, oldest first. */
  readonly chat: readonly ChatMessage[];
  readonly timeline: DocMap<TimelineEntry>;
  /** Journal entries and handouts. */
  readonly journal: DocMap<JournalEntry>;
  /** Folders of journal entries. */
  readonly folders: DocMap<JournalFolder>;
  readonly playlists: DocMap<Playlist>;
  /** Conditions and effects on actors and tokens. */
  readonly effects: DocMap<ActiveEffect>;
  /** Roll tables (`core:draw-table`). */
  readonly rollTables: DocMap<RollTable>;
  /** Measured templates (areas of effect) on scenes. */
  readonly templates: DocMap<MeasuredTemplate>;
  /** Freehand and shape drawings on scenes. */
  readonly drawings: DocMap<Drawing>;
}

/**
 * The collections of {@link TableDocs} that hold documents by id, each a
 * {@link DocMap}. A new collection is added here, and everything that
 * handles collections alike (reviving JSON, loading a module's replica,
 * state limits) follows.
 */
export const KEYED_COLLECTIONS = [
  'members',
  'scenes',
  'tokens',
  'actors',
  'items',
  'notes',
  'timeline',
  'journal',
  'folders',
  'playlists',
  'effects',
  'rollTables',
  'templates',
  'drawings',
] as const;
/** One of {@link KEYED_COLLECTIONS}. */
export type KeyedCollection = (typeof KEYED_COLLECTIONS)[number];

/** Collections of {@link TableDocs} addressed by a {@link DocRef}. */
export const DOC_COLLECTIONS = {
  campaign: 'campaign',
  members: 'members',
  scenes: 'scenes',
  tokens: 'tokens',
  actors: 'actors',
  items: 'items',
  notes: 'notes',
  combat: 'combat',
  timeline: 'timeline',
  journal: 'journal',
  folders: 'folders',
  playlists: 'playlists',
  effects: 'effects',
  rollTables: 'rollTables',
  templates: 'templates',
  drawings: 'drawings',
} as const;
/** One of {@link DOC_COLLECTIONS}. */
export type DocCollection = (typeof DOC_COLLECTIONS)[keyof typeof DOC_COLLECTIONS];

/** The address of one document; `id` is ignored for the singletons `campaign` and `combat`. */
export interface DocRef {
  readonly collection: DocCollection;
  readonly id: string;
}

/** One document an undoable action changed: how it was before and after (`null`: absent). */
export interface UndoChange {
  readonly collection: DocCollection;
  readonly id: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One undoable action of a user: the seq of its first event and what it changed. */
export interface UndoEntry {
  readonly batch: number;
  readonly changes: readonly UndoChange[];
}

/**
 * The full, authoritative state of a table, held by the server. `rng` and
 * `undo` are server-only: no view contains them, not even a GM's.
 */
export interface TableState extends TableDocs {
  /** Seq of the last applied event; 0 for a new table. */
  readonly seq: number;
  /** The table's dice generator. Secret: it predicts every future roll. */
  readonly rng: RngState;
  /** Per-user stacks of undoable actions, newest last. */
  readonly undo: Readonly<Record<string, readonly UndoEntry[]>>;
}

/** What one user sees of a table: {@link TableDocs} with every secret removed. */
export interface TableView extends TableDocs {
  readonly viewerId: string;
}

/** Options of {@link createTableState}. */
export interface CreateTableOptions {
  readonly campaignId: string;
  readonly name: string;
  /** The user who creates the campaign; becomes its first GM. */
  readonly gmUserId: string;
  readonly gmName?: string;
  /**
   * Seed of the table's first dice session: on a server, 32 bytes from a
   * cryptographic source as 64 hex digits (anything else is hashed to that).
   * Its commitment is public from the start; the seed itself stays secret
   * until a GM ends the session.
   */
  readonly seed: number | string;
  readonly system?: string | null;
}

/** Defaults of {@link CampaignSettings}. */
export const DEFAULT_CAMPAIGN_SETTINGS = {
  chatLimit: 200,
  undoDepth: 20,
  roundSeconds: 6,
} as const;

/**
 * Creates the state of a new, empty table with one GM. Called once when a
 * campaign is created; everything after that changes through events.
 *
 * @example
 * const state = createTableState({ campaignId: 'c1', name: 'Tomb', gmUserId: 'u-gm', seed: 42 });
 * state.members.get('u-gm').role; // 'gm'
 */
export function createTableState(options: CreateTableOptions): TableState {
  const seed = normalizeSeed(options.seed);
  return {
    campaign: {
      id: options.campaignId,
      name: options.name,
      system: options.system ?? null,
      modules: [],
      settings: { ...DEFAULT_CAMPAIGN_SETTINGS },
      clock: 0,
      flags: {},
      dice: { session: 1, commitment: seedCommitment(seed), seed: null },
    },
    members: DocMap.from<Member>({
      [options.gmUserId]: { id: options.gmUserId, name: options.gmName ?? 'GM', role: 'gm' },
    }),
    scenes: DocMap.empty(),
    tokens: DocMap.empty(),
    actors: DocMap.empty(),
    items: DocMap.empty(),
    notes: DocMap.empty(),
    combat: null,
    chat: [],
    timeline: DocMap.empty(),
    journal: DocMap.empty(),
    folders: DocMap.empty(),
    playlists: DocMap.empty(),
    effects: DocMap.empty(),
    rollTables: DocMap.empty(),
    templates: DocMap.empty(),
    drawings: DocMap.empty(),
    seq: 0,
    rng: createRng(seed).state(),
    undo: {},
  };
}
