/**
 * Payloads and JSON Schemas of the journal and playlist actions, merged
 * into `TableActionMap` and `ACTION_SCHEMAS`.
 */
import type { Flags } from '../model/json.js';
import type { JournalVisibility, PlaylistMode } from '../model/journal-documents.js';
import {
  ACTION_LIMITS,
  assetSchema,
  flagsSchema,
  idSchema,
  nameSchema,
  object,
  patch,
  textSchema,
} from './schema-parts.js';

/** Fields of a journal entry that an action may set. */
export interface JournalEntryFields {
  readonly title?: string;
  readonly text?: string;
  readonly images?: readonly string[];
  readonly folderId?: string | null;
  readonly visibility?: JournalVisibility;
  readonly players?: readonly string[];
  readonly sort?: number;
  readonly flags?: Flags;
}

/** Fields of a journal folder that an action may set. */
export interface JournalFolderFields {
  readonly name?: string;
  readonly parentId?: string | null;
  readonly visibility?: 'gm' | 'public';
  readonly sort?: number;
}

/** A track as an action gives it (`id` chosen by the server when left out, `volume` 1). */
export interface TrackInput {
  readonly id?: string;
  readonly name: string;
  readonly asset: string;
  readonly volume?: number;
}

/** Fields of a playlist that an action may set (`tracks` replaces the whole list). */
export interface PlaylistFields {
  readonly name?: string;
  readonly tracks?: readonly TrackInput[];
  readonly mode?: PlaylistMode;
  readonly loop?: boolean;
  readonly volume?: number;
  readonly flags?: Flags;
}

/** The journal and playlist actions, by type; part of `TableActionMap`. */
export interface JournalActionMap {
  'core:create-journal-entry': JournalEntryFields & {
    readonly id?: string;
    readonly title: string;
  };
  'core:update-journal-entry': { readonly entryId: string; readonly patch: JournalEntryFields };
  'core:delete-journal-entry': { readonly entryId: string };
  'core:create-journal-folder': JournalFolderFields & {
    readonly id?: string;
    readonly name: string;
  };
  'core:update-journal-folder': { readonly folderId: string; readonly patch: JournalFolderFields };
  /** Its entries and subfolders move to its parent. */
  'core:delete-journal-folder': { readonly folderId: string };
  /** GM only: makes the entry visible to `players` (or everyone) and pops it up on their screens. */
  'core:show-journal': { readonly entryId: string; readonly players: readonly string[] | 'all' };
  'core:create-playlist': PlaylistFields & { readonly id?: string; readonly name: string };
  'core:update-playlist': { readonly playlistId: string; readonly patch: PlaylistFields };
  'core:delete-playlist': { readonly playlistId: string };
  'core:add-track': TrackInput & { readonly playlistId: string };
  'core:update-track': {
    readonly playlistId: string;
    readonly trackId: string;
    readonly patch: Partial<Omit<TrackInput, 'id'>>;
  };
  'core:remove-track': { readonly playlistId: string; readonly trackId: string };
  /** Without `trackId`: the next track by the playlist's mode. `offset`: ms into the track. */
  'core:play-track': {
    readonly playlistId: string;
    readonly trackId?: string;
    readonly offset?: number;
  };
  'core:stop-track': { readonly playlistId: string };
  /** With `trackId` the track's volume, else the playlist's. */
  'core:set-volume': {
    readonly playlistId: string;
    readonly trackId?: string;
    readonly volume: number;
  };
}

const volumeSchema = { type: 'number', minimum: 0, maximum: 1 } as const;
const sortSchema = { type: 'number', minimum: -1e9, maximum: 1e9 } as const;
const playersSchema = {
  type: 'array',
  maxItems: ACTION_LIMITS.maxWhisper,
  uniqueItems: true,
  items: idSchema,
} as const;
const audioSchema = { type: 'string', minLength: 1, maxLength: 2048 } as const;
const trackFields = { name: nameSchema, asset: audioSchema, volume: volumeSchema };
const trackSchema = object({ id: idSchema, ...trackFields }, ['name', 'asset']);

/** Caps of the journal and playlist actions. */
export const JOURNAL_LIMITS = { maxImages: 32, maxTracks: 200 } as const;

const entryFields = {
  title: nameSchema,
  text: textSchema,
  images: {
    type: 'array',
    maxItems: JOURNAL_LIMITS.maxImages,
    items: { ...assetSchema, type: 'string', minLength: 1 },
  },
  folderId: { anyOf: [idSchema, { type: 'null' }] },
  visibility: { enum: ['gm', 'public', 'players'] },
  players: playersSchema,
  sort: sortSchema,
  flags: flagsSchema,
};

const folderFields = {
  name: nameSchema,
  parentId: { anyOf: [idSchema, { type: 'null' }] },
  visibility: { enum: ['gm', 'public'] },
  sort: sortSchema,
};

const playlistFields = {
  name: nameSchema,
  tracks: { type: 'array', maxItems: JOURNAL_LIMITS.maxTracks, items: trackSchema },
  mode: { enum: ['sequential', 'shuffle'] },
  loop: { type: 'boolean' },
  volume: volumeSchema,
  flags: flagsSchema,
};

/** Payload schemas of the journal and playlist actions; part of `ACTION_SCHEMAS`. */
export const JOURNAL_ACTION_SCHEMAS: Readonly<Record<keyof JournalActionMap, object>> = {
  'core:create-journal-entry': object({ id: idSchema, ...entryFields }, ['title']),
  'core:update-journal-entry': object({ entryId: idSchema, patch: patch(entryFields) }, [
    'entryId',
    'patch',
  ]),
  'core:delete-journal-entry': object({ entryId: idSchema }, ['entryId']),
  'core:create-journal-folder': object({ id: idSchema, ...folderFields }, ['name']),
  'core:update-journal-folder': object({ folderId: idSchema, patch: patch(folderFields) }, [
    'folderId',
    'patch',
  ]),
  'core:delete-journal-folder': object({ folderId: idSchema }, ['folderId']),
  'core:show-journal': object(
    {
      entryId: idSchema,
      players: { anyOf: [{ const: 'all' }, { ...playersSchema, minItems: 1 }] },
    },
    ['entryId', 'players'],
  ),
  'core:create-playlist': object({ id: idSchema, ...playlistFields }, ['name']),
  'core:update-playlist': object({ playlistId: idSchema, patch: patch(playlistFields) }, [
    'playlistId',
    'patch',
  ]),
  'core:delete-playlist': object({ playlistId: idSchema }, ['playlistId']),
  'core:add-track': object({ playlistId: idSchema, id: idSchema, ...trackFields }, [
    'playlistId',
    'name',
    'asset',
  ]),
  'core:update-track': object(
    { playlistId: idSchema, trackId: idSchema, patch: patch(trackFields) },
    ['playlistId', 'trackId', 'patch'],
  ),
  'core:remove-track': object({ playlistId: idSchema, trackId: idSchema }, [
    'playlistId',
    'trackId',
  ]),
  'core:play-track': object(
    {
      playlistId: idSchema,
      trackId: idSchema,
      offset: { type: 'number', minimum: 0, maximum: 1e10 },
    },
    ['playlistId'],
  ),
  'core:stop-track': object({ playlistId: idSchema }, ['playlistId']),
  'core:set-volume': object({ playlistId: idSchema, trackId: idSchema, volume: volumeSchema }, [
    'playlistId',
    'volume',
  ]),
};
