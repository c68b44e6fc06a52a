/**
 * The links of the journal: an entry's `folderId` and a folder's `parentId`
 * point to folders. Deleting a folder moves what is in it (entries and
 * subfolders) to its parent, or to the nearest ancestor that stays, so no
 * link dangles; `links.ts` calls these for every deletion and for undo.
 */
import { ref } from '../model/doc-refs.js';
import {
  foldersOf,
  journalOf,
  type JournalEntry,
  type JournalFolder,
} from '../model/journal-documents.js';
import type { DocCollection, DocRef, TableDocs } from '../model/state.js';
import { putOrRemove } from '../model/doc-refs.js';

/**
 * Where the contents of folder `id` go when the folders in `gone` are
 * deleted: its parent, or the parent's parent when that goes too, ... or
 * the top level (`null`). Parents are read in `before`, which still holds
 * the deleted folders; a folder `before` does not hold leads to the top.
 *
 * @example
 * survivingParent(foldersOf(state), new Set(['f1']), 'f1'); // f1's parent, or null
 */
export function survivingParent(
  folders: ReturnType<typeof foldersOf>,
  gone: ReadonlySet<string>,
  id: string,
): string | null {
  let current: string | null = id;
  const visited = new Set<string>();
  while (current !== null && gone.has(current) && !visited.has(current)) {
    visited.add(current);
    current = folders.get(current)?.parentId ?? null;
  }
  return current !== null && gone.has(current) ? null : current;
}

/**
 * The `journal` and `folders` fields of `current` after the folders among
 * `refs` are deleted (read in `before`): those folders removed, their
 * entries and subfolders moved to the surviving parent. Unchanged fields
 * are left out; works on a state and on a view alike.
 *
 * @example
 * moveOutOfGoneFolders(state, state, [ref('folders', 'f1')]); // f1's entries now in f1's parent
 */
export function moveOutOfGoneFolders(
  before: TableDocs,
  current: TableDocs,
  refs: readonly DocRef[],
): Partial<Pick<TableDocs, 'journal' | 'folders'>> {
  const gone = new Set(refs.filter((r) => r.collection === 'folders').map((r) => r.id));
  if (gone.size === 0) return {};
  const known = foldersOf(before);
  const target = (id: string) => survivingParent(known, gone, id);
  let folders = current.folders;
  let journal = current.journal;
  for (const id of gone) folders = putOrRemove(folders, id, null);
  foldersOf({ ...current, folders }).forEach((f) => {
    if (f.parentId !== null && gone.has(f.parentId)) {
      const moved: JournalFolder = { ...f, parentId: target(f.parentId) };
      folders = putOrRemove(folders, f.id, moved);
    }
  });
  journalOf(current).forEach((e) => {
    if (e.folderId !== null && gone.has(e.folderId)) {
      const moved: JournalEntry = { ...e, folderId: target(e.folderId) };
      journal = putOrRemove(journal, e.id, moved);
    }
  });
  const out: Partial<Pick<TableDocs, 'journal' | 'folders'>> = {};
  if (folders !== current.folders) Object.assign(out, { folders });
  if (journal !== current.journal) Object.assign(out, { journal });
  return out;
}

/** The folder `doc` (an entry or folder at `collection`) links to, if any. */
export function journalLinksOf(collection: DocCollection, doc: unknown): DocRef[] {
  if (collection === 'journal') {
    const { folderId } = doc as JournalEntry;
    return folderId === null ? [] : [ref('folders', folderId)];
  }
  if (collection === 'folders') {
    const { parentId } = doc as JournalFolder;
    return parentId === null ? [] : [ref('folders', parentId)];
  }
  return [];
}

/**
 * True when folder `folderId` placed in `parentId` would be inside itself:
 * `parentId` is the folder or one of the folders inside it.
 *
 * @example
 * makesCycle(state, 'f1', 'f1-child'); // true
 */
export function makesCycle(docs: TableDocs, folderId: string, parentId: string | null): boolean {
  const folders = foldersOf(docs);
  const visited = new Set<string>();
  for (let p = parentId; p !== null && !visited.has(p); p = folders.get(p)?.parentId ?? null) {
    if (p === folderId) return true;
    visited.add(p);
  }
  return false;
}

/**
 * A folder that undo puts back, at the top level when its old parent would
 * now put it inside itself (another GM moved that parent into it since).
 */
export function withoutCycle(docs: TableDocs, target: DocRef, doc: unknown): unknown {
  if (target.collection !== 'folders' || doc == null) return doc;
  const folder = doc as JournalFolder;
  return makesCycle(docs, folder.id, folder.parentId) ? { ...folder, parentId: null } : doc;
}
