/** Event handlers of journal entries and folders: created, updated, deleted, shown. */
import { VttError } from '../errors/vtt-error.js';
import { putOrRemove, ref } from '../model/doc-refs.js';
import {
  foldersOf,
  journalOf,
  type JournalEntry,
  type JournalFolder,
} from '../model/journal-documents.js';
import type { TableDocs, TableState } from '../model/state.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeValid } from './helpers.js';
import { makesCycle } from './journal-links.js';
import { mustBeGm } from '../permissions/journal-rules.js';
import { removalChanges, removeDocs } from './links.js';

const entryRef = (id: string) => [ref('journal', id)];
const folderRef = (id: string) => [ref('folders', id)];

const notFound = (collection: string, id: string) =>
  new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection, id });

function entryMustExist(state: TableDocs, id: string): JournalEntry {
  const entry = journalOf(state).get(id);
  if (entry === undefined) throw notFound('journal', id);
  return entry;
}

function folderMustExist(state: TableDocs, id: string | null | undefined): void {
  if (id != null && !foldersOf(state).has(id)) throw notFound('folders', id);
}

/** Every id in `players` is a member of the table. */
function playersMustBeMembers(state: TableState, players: readonly string[] | undefined): void {
  for (const id of players ?? []) if (!state.members.has(id)) throw notFound('members', id);
}

function putEntry(docs: TableDocs, entry: JournalEntry): Partial<TableDocs> {
  return { journal: putOrRemove(docs.journal, entry.id, entry) };
}

function putFolder(docs: TableDocs, folder: JournalFolder): Partial<TableDocs> {
  return { folders: putOrRemove(docs.folders, folder.id, folder) };
}

function noCycle(state: TableDocs, folderId: string, parentId: string | null | undefined): void {
  if (parentId == null) return;
  mustBeValid(
    makesCycle(state, folderId, parentId)
      ? `its parent "${parentId}" is the folder itself or inside it`
      : null,
    'folders',
    folderId,
    'Choose a parent outside the folder, or null for the top level.',
  );
}

/** Handlers of the `core:journal-*` events. */
export const JOURNAL_EVENTS = defineEventHandlers({
  'core:journal-entry-created': {
    apply: ({ docs, payload }) => putEntry(docs, payload.entry),
    changes: ({ payload }) => entryRef(payload.entry.id),
    check: ({ state, payload: { entry } }) => {
      if (journalOf(state).has(entry.id))
        throw new VttError('VTT_ERR_DOCUMENT_EXISTS', { collection: 'journal', id: entry.id });
      folderMustExist(state, entry.folderId);
      playersMustBeMembers(state, entry.players);
    },
    undoable: true,
  },
  'core:journal-entry-updated': {
    apply: ({ docs, payload }) => {
      const entry = journalOf(docs).get(payload.entryId);
      return entry === undefined ? {} : putEntry(docs, applyPatch(entry, payload.patch));
    },
    changes: ({ payload }) => entryRef(payload.entryId),
    check: ({ state, payload }) => {
      entryMustExist(state, payload.entryId);
      folderMustExist(state, payload.patch.folderId);
      playersMustBeMembers(state, payload.patch.players);
    },
    undoable: true,
  },
  'core:journal-entry-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, entryRef(payload.entryId)),
    changes: ({ docs, payload }) => removalChanges(docs, entryRef(payload.entryId)),
    checked: ({ payload }) => entryRef(payload.entryId),
    check: ({ state, payload }) => void entryMustExist(state, payload.entryId),
    undoable: true,
  },
  'core:journal-folder-created': {
    apply: ({ docs, payload }) => putFolder(docs, payload.folder),
    changes: ({ payload }) => folderRef(payload.folder.id),
    permit: ({ state, member, payload: { folder } }) => {
      mustBeGm(state, member, 'folders', folder.id, false);
      if (foldersOf(state).has(folder.id))
        throw new VttError('VTT_ERR_DOCUMENT_EXISTS', { collection: 'folders', id: folder.id });
      folderMustExist(state, folder.parentId);
      noCycle(state, folder.id, folder.parentId);
    },
    undoable: true,
  },
  'core:journal-folder-updated': {
    apply: ({ docs, payload }) => {
      const folder = foldersOf(docs).get(payload.folderId);
      return folder === undefined ? {} : putFolder(docs, applyPatch(folder, payload.patch));
    },
    changes: ({ payload }) => folderRef(payload.folderId),
    permit: ({ state, member, payload }) => {
      mustBeGm(state, member, 'folders', payload.folderId, true);
      folderMustExist(state, payload.folderId);
      folderMustExist(state, payload.patch.parentId);
      noCycle(state, payload.folderId, payload.patch.parentId);
    },
    undoable: true,
  },
  'core:journal-folder-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, folderRef(payload.folderId)),
    changes: ({ docs, payload }) => removalChanges(docs, folderRef(payload.folderId)),
    checked: ({ payload }) => folderRef(payload.folderId),
    permit: ({ state, member, payload }) => {
      mustBeGm(state, member, 'folders', payload.folderId, true);
      folderMustExist(state, payload.folderId);
    },
    undoable: true,
  },
  'core:journal-shown': {
    apply: () => ({}),
    changes: () => [],
    // The role first: whether an entry exists is not for players to learn here.
    permit: ({ state, member, payload }) => {
      if (member.role !== 'gm')
        throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', {
          collection: 'journal',
          what: 'show an entry to players',
        });
      entryMustExist(state, payload.entryId);
      if (payload.players !== 'all') playersMustBeMembers(state, payload.players);
    },
    // A handout pops up for those it is shown to, and only for them.
    project: ({ member, payload, event }) => {
      const shown = payload.players === 'all' || payload.players.includes(member.id);
      if (!shown) return [];
      const { seq, author, time } = event;
      const players = [member.id];
      return [{ seq, author, time, type: 'core:journal-shown', payload: { ...payload, players } }];
    },
    // Part of the action that made the entry visible, which undo takes back.
    undoable: true,
  },
});
