/**
 * The activity log's filters (type, category, author, actor, time, text),
 * shared by its pages and its exports: one predicate over each projected
 * event, so both narrow the log alike and only ever look at what the
 * requester received.
 */
import type { ViewEvent } from '@vtt/core';
import { categoryOf } from './log-categories.js';
import type { EventContext, KeepEvent } from './projected-history.js';

/** The filters of `GET .../log` and `GET .../log/export`, as the querystring gives them. */
export interface LogFilters {
  /** Event types, comma-separated. */
  readonly type?: string;
  /** Log categories (`LOG_CATEGORIES`), comma-separated. */
  readonly category?: string;
  /** The author's user id. */
  readonly user?: string;
  /** An actor id (see {@link namesActor}). */
  readonly actor?: string;
  /** A case-insensitive substring of the projected event's JSON. */
  readonly text?: string;
  /** At or after this time (ms since the epoch). */
  readonly since?: number;
  /** Before this time (ms since the epoch). */
  readonly until?: number;
}

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Payload keys that hold a whole document, of an actor's own or one that may belong to one. */
const DOC_KEYS = ['actor', 'token', 'item', 'combatant', 'effect', 'doc'] as const;

/**
 * Whether a projected event is about actor `actorId`: its payload has
 * `actorId` equal to it (actor updates and deletions, items moved into the
 * actor's inventory); or holds a document (`actor`, `token`, `item`,
 * `combatant`, `effect`, or the `doc` of a `core:document-synced`) that is
 * the actor, has it as `actorId` or, for an effect, as its target; or is a
 * `core:document-synced` / `-removed` of the actor; or names a token
 * (`tokenId`, or a token's `core:document-synced` / `-removed`) whose actor
 * it is at the time.
 *
 * @example
 * namesActor(event, 'a-hero', context); // true for a move of a token of a-hero
 */
export function namesActor(event: ViewEvent, actorId: string, context: EventContext): boolean {
  const p: Fields = event.payload;
  if (p['actorId'] === actorId) return true;
  if (p['collection'] === 'actors' && p['id'] === actorId) return true;
  for (const key of DOC_KEYS) {
    const doc = p[key];
    if (!isFields(doc)) continue;
    if (doc['actorId'] === actorId) return true;
    if (key === 'actor' && doc['id'] === actorId) return true;
    const target = doc['target'];
    if (key === 'effect' && isFields(target) && target['collection'] === 'actors') {
      if (target['id'] === actorId) return true;
    }
  }
  const tokenId =
    typeof p['tokenId'] === 'string'
      ? p['tokenId']
      : p['collection'] === 'tokens' && typeof p['id'] === 'string'
        ? p['id']
        : null;
  return tokenId !== null && context.actorOfToken(tokenId) === actorId;
}

const list = (value: string | undefined): ReadonlySet<string> | null =>
  value === undefined ? null : new Set(value.split(',').filter((v) => v !== ''));

/**
 * The predicate that keeps the projected events matching every filter given
 * (none given: every event).
 *
 * @example
 * const keep = logFilter({ category: 'combat', since: Date.now() - 3_600_000 });
 * await projectedHistory(db, id, userId, { limit: 50, keep });
 */
export function logFilter(filters: LogFilters): KeepEvent {
  const types = list(filters.type);
  const categories = list(filters.category);
  const text = filters.text?.toLowerCase();
  const { user, actor, since, until } = filters;
  return (e, context) =>
    (types === null || types.has(e.type)) &&
    (categories === null || categories.has(categoryOf(e))) &&
    (user === undefined || e.author === user) &&
    (since === undefined || e.time >= since) &&
    (until === undefined || e.time < until) &&
    (actor === undefined || namesActor(e, actor, context)) &&
    (text === undefined || JSON.stringify(e).toLowerCase().includes(text));
}
