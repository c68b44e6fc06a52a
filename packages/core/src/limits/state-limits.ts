/**
 * Bounds on what one member may add to a table's state. Every module loads
 * the whole table into its sandbox (memory capped per instance) and every
 * client receives its view, so one player must not be able to grow the
 * state without bound: a document, a chat message and a member's own
 * contributions each have a maximum size. Checked by `commit`, so every path
 * (a user's action, a module's proposal) is bounded alike.
 */
import { VttError } from '../errors/vtt-error.js';
import type { TableState } from '../model/state.js';

/** The bounds, as JSON text lengths in UTF-16 code units (JS string length). */
export const STATE_LIMITS = Object.freeze({
  /** One document (actor, scene, token, note, timeline entry, member, campaign, combat). */
  maxDocumentChars: 256 * 1024,
  /** One chat message, its roll and its flags included. */
  maxChatMessageChars: 64 * 1024,
  /**
   * All chat messages (those the table keeps), notes and timeline entries
   * one member authored. GMs are bounded per document only: they own the
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

type Keyed = Readonly<Record<string, unknown>>;
const KEYED = ['members', 'scenes', 'tokens', 'actors', 'notes', 'timeline'] as const;
const AUTHORED = ['notes', 'timeline'] as const;

const sizeOf = (doc: unknown): number => JSON.stringify(doc)?.length ?? 0;

/**
 * Checks the documents that changed from `before` to `after` against
 * {@link STATE_LIMITS}. A document or member already over a bound may still
 * shrink; only growth past a bound is refused.
 *
 * @throws VttError `VTT_ERR_DOCUMENT_TOO_DEEP`, `VTT_ERR_DOCUMENT_TOO_LARGE` or
 * `VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE`.
 * @example
 * checkStateLimits(state, applyEvents(state, events)); // throws when a message is too large
 */
export function checkStateLimits(before: TableState, after: TableState): void {
  const authors = new Set<string>();
  const grown = (collection: string, id: string, doc: unknown, old: unknown, max: number) => {
    if (deeperThan(doc, STATE_LIMITS.maxDepth)) {
      throw new VttError('VTT_ERR_DOCUMENT_TOO_DEEP', {
        collection,
        id,
        max: STATE_LIMITS.maxDepth,
      });
    }
    const length = sizeOf(doc);
    if (length > max && (old === undefined || length > sizeOf(old))) {
      throw new VttError('VTT_ERR_DOCUMENT_TOO_LARGE', { collection, id, length, max });
    }
  };
  for (const collection of KEYED) {
    const was: Keyed = before[collection];
    const now: Keyed = after[collection];
    if (was === now) continue;
    for (const [id, doc] of Object.entries(now)) {
      if (doc === was[id]) continue;
      grown(collection, id, doc, was[id], STATE_LIMITS.maxDocumentChars);
      if ((AUTHORED as readonly string[]).includes(collection))
        authors.add((doc as { author: string }).author);
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
    if (after.members[userId]?.role === 'gm') continue;
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

/** JSON length of the chat messages, notes and timeline entries `userId` authored. */
function contributionOf(state: TableState, userId: string): number {
  let length = 0;
  for (const message of state.chat) if (message.author === userId) length += sizeOf(message);
  for (const collection of AUTHORED) {
    for (const doc of Object.values(state[collection])) {
      if (doc.author === userId) length += sizeOf(doc);
    }
  }
  return length;
}

/**
 * Whether `value` nests objects and arrays more than `max` levels, the value
 * itself being level 1. Walks without recursing, so any depth is safe.
 *
 * @example
 * deeperThan([[1]], 1); // true
 */
export function deeperThan(value: unknown, max: number): boolean {
  const pending: [node: unknown, depth: number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}
