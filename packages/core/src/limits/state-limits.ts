/**
 * Bounds on what one member may add to a table's state. Every module loads
 * the whole table into its sandbox (memory capped per instance) and every
 * client receives its view, so one player must not be able to grow the
 * state without bound: a document, a chat message and a member's own
 * contributions each have a maximum size. Checked by `commit`, so every path
 * (a user's action, a module's proposal) is bounded alike.
 */
import { VttError } from '../errors/vtt-error.js';
import { DocMap } from '../model/doc-map.js';
import { getDoc, ref } from '../model/doc-refs.js';
import { KEYED_COLLECTIONS, type DocRef, type TableState } from '../model/state.js';

/** The bounds, as JSON text lengths in UTF-16 code units (JS string length). */
export const STATE_LIMITS = Object.freeze({
  /** One document (actor, scene, token, note, timeline entry, member, campaign, combat). */
  maxDocumentChars: 256 * 1024,
  /** One chat message, its roll and its flags included. */
  maxChatMessageChars: 64 * 1024,
  /**
   * All chat messages (those the table keeps), notes, timeline entries,
   * items, journal entries, templates and drawings one member authored. GMs are bounded per document only: they own the
   * table and can delete anything in it.
   */
  maxMemberChars: 2 * 1024 * 1024,
  /**
   * Nesting of objects and arrays in one document or chat message, the
   * document itself being level 1. Modules parse documents with QuickJS's
   * recursive `JSON.parse`: a flag nested 100,000 levels deep would overflow
   * its stack in every module of the table.
   */
  maxDepth: 64,
});

const KEYED = KEYED_COLLECTIONS;
const EMPTY = DocMap.empty<never>();
const AUTHORED = ['notes', 'timeline', 'items', 'journal', 'templates', 'drawings'] as const;

/** JSON sizes of documents already measured: documents are immutable, so each is measured once. */
const sizes = new WeakMap<object, number>();

const sizeOf = (doc: unknown): number => {
  if (doc === null || typeof doc !== 'object') return JSON.stringify(doc)?.length ?? 0;
  let size = sizes.get(doc);
  if (size === undefined) {
    size = JSON.stringify(doc)?.length ?? 0;
    sizes.set(doc, size);
  }
  return size;
};

/**
 * Checks the documents that changed from `before` to `after` against
 * {@link STATE_LIMITS}: those of `changed` (what the events' handlers say
 * they change; `commit` passes them) or, without it, every document that is
 * not the same object as before. A document or member already over a bound may still
 * shrink; only growth past a bound is refused.
 *
 * @throws VttError `VTT_ERR_DOCUMENT_TOO_DEEP`, `VTT_ERR_DOCUMENT_TOO_LARGE` or
 * `VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE`.
 * @example
 * checkStateLimits(state, applyEvents(state, events)); // throws when a message is too large
 */
export function checkStateLimits(
  before: TableState,
  after: TableState,
  changed?: readonly DocRef[],
): void {
  const authors = new Set<string>();
  const grown = (collection: string, id: string, doc: unknown, old: unknown, max: number) => {
    if (deeperThan(doc, STATE_LIMITS.maxDepth)) {
      throw new VttError('VTT_ERR_DOCUMENT_TOO_DEEP', {
        collection,
        id,
        max: STATE_LIMITS.maxDepth,
      });
    }
    const length = JSON.stringify(doc)?.length ?? 0; // a new document: measured once, here
    if (length > max && (old === undefined || length > sizeOf(old))) {
      throw new VttError('VTT_ERR_DOCUMENT_TOO_LARGE', { collection, id, length, max });
    }
  };
  const check = (collection: (typeof KEYED)[number], id: string) => {
    const doc = getDoc(after, ref(collection, id));
    const old = getDoc(before, ref(collection, id));
    if (doc === old || doc === undefined) return;
    grown(collection, id, doc, old, STATE_LIMITS.maxDocumentChars);
    if ((AUTHORED as readonly string[]).includes(collection)) {
      authors.add((doc as { author: string }).author);
    }
  };
  if (changed !== undefined) {
    for (const ref of changed) {
      if ((KEYED as readonly string[]).includes(ref.collection)) {
        check(ref.collection as (typeof KEYED)[number], ref.id);
      }
    }
  } else {
    for (const collection of KEYED) {
      // Unchanged documents are the same objects: one identity check each.
      if (before[collection] !== after[collection])
        for (const id of ((after[collection] ?? EMPTY) as DocMap<unknown>).keys())
          check(collection, id);
    }
  }
  if (after.campaign !== before.campaign) {
    grown(
      'campaign',
      after.campaign.id,
      after.campaign,
      before.campaign,
      STATE_LIMITS.maxDocumentChars,
    );
  }
  if (after.combat !== before.combat && after.combat !== null) {
    grown(
      'combat',
      after.combat.id,
      after.combat,
      before.combat ?? undefined,
      STATE_LIMITS.maxDocumentChars,
    );
  }
  if (after.chat !== before.chat) {
    const kept = new Set(before.chat);
    for (const message of after.chat) {
      if (kept.has(message)) continue;
      grown('chat', message.id, message, undefined, STATE_LIMITS.maxChatMessageChars);
      authors.add(message.author);
    }
  }
  for (const userId of authors) {
    if (after.members.get(userId)?.role === 'gm') continue;
    const length = contributionOf(after, userId);
    if (length > STATE_LIMITS.maxMemberChars && length > contributionOf(before, userId)) {
      throw new VttError('VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE', {
        userId,
        length,
        max: STATE_LIMITS.maxMemberChars,
      });
    }
  }
}

/** JSON length of the chat messages and authored documents ({@link AUTHORED}) of `userId`. */
function contributionOf(state: TableState, userId: string): number {
  let length = 0;
  for (const message of state.chat) if (message.author === userId) length += sizeOf(message);
  for (const collection of AUTHORED) {
    ((state[collection] ?? EMPTY) as DocMap<{ author: string }>).forEach((doc) => {
      if (doc.author === userId) length += sizeOf(doc);
    });
  }
  return length;
}

/**
 * Whether `value` nests objects and arrays more than `max` levels, the value
 * itself being level 1. Recurses at most `max + 1` levels deep whatever the
 * input, so any depth is safe.
 *
 * @example
 * deeperThan([[1]], 1); // true
 */
export function deeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (max < 1) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (deeperThan(child, max - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (deeperThan((value as Record<string, unknown>)[key], max - 1)) return true;
  }
  return false;
}
