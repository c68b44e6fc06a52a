/**
 * The whole state of one table, and the per-viewer view of it. Plain JSON.
 */
import { DocMap } from './doc-map.js';
import { createRng, normalizeSeed, seedCommitment, type RngState } from '../random/rng.js';
import type {
  ActiveEffect,
  Actor,
  Campaign,
  ChatMessage,
  Combat,
  Member,
  Note,
  Scene,
  TimelineEntry,
  Token,
} from './documents.js';

/** The documents of a table: the part that views share with the full state. */
export interface TableDocs {
  readonly campaign: Campaign;
  readonly members: Readonly<Record<string, Member>>;
  readonly scenes: Readonly<Record<string, Scene>>;
  readonly tokens: Readonly<Record<string, Token>>;
  readonly actors: Readonly<Record<string, Actor>>;
  readonly notes: Readonly<Record<string, Note>>;
  readonly combat: Combat | null;
  /** The last `campaign.settings.chatLimit` messages, oldest first. */
  readonly chat: readonly ChatMessage[];
  readonly timeline: Readonly<Record<string, TimelineEntry>>;
  /** Conditions and effects on actors and tokens. */
  readonly effects: DocMap<ActiveEffect>;
}

/** Collections of {@link TableDocs} addressed by a {@link DocRef}. */
export const DOC_COLLECTIONS = {
  campaign: 'campaign',
  members: 'members',
  scenes: 'scenes',
  tokens: 'tokens',
  actors: 'actors',
  notes: 'notes',
  combat: 'combat',
  timeline: 'timeline',
  effects: 'effects',
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
 * state.members['u-gm'].role; // 'gm'
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
    members: {
      [options.gmUserId]: { id: options.gmUserId, name: options.gmName ?? 'GM', role: 'gm' },
    },
    scenes: {},
    tokens: {},
    actors: {},
    notes: {},
    combat: null,
    chat: [],
    timeline: {},
    effects: DocMap.empty(),
    seq: 0,
    rng: createRng(seed).state(),
    undo: {},
  };
}
