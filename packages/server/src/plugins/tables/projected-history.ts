/**
 * A campaign's past, projected for one viewer: the chat history, the
 * activity log and its exports over HTTP. Each past event is projected
 * against the states around it (rebuilt from the snapshot before it),
 * exactly as the viewer's socket would have received it then, so nothing
 * read here holds what the viewer could not see at the time.
 */
import {
  viewDoc,
  applyEvent,
  projectEvent,
  reviveState,
  type TableEvent,
  type TableState,
  type ViewEvent,
} from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';

/** Events read per step through the log (backwards for pages, forwards for exports). */
const WINDOW = 500;

/**
 * What a filter or an export may read of the table around one projected
 * event beyond the event itself; nothing in it is more than the viewer
 * received (a token an event names is one they saw).
 */
export interface EventContext {
  /** The actor of token `tokenId` just after the event (before it, for a token it removed); null for none. */
  actorOfToken(tokenId: string): string | null;
  /** The display name of member `userId` at the time; null when they were no member. */
  memberName(userId: string): string | null;
}

/** Keeps the projected events wanted (by type, author, time, ...). */
export type KeepEvent = (event: ViewEvent, context: EventContext) => boolean;

/** What to page. */
export interface HistoryQuery {
  /** Only events with a seq below this (the previous page's `next`); absent: from the newest. */
  readonly before?: number;
  /** Projected events per page. */
  readonly limit: number;
  /** Keeps the projected events a page wants. */
  readonly keep: KeepEvent;
  /** Log events looked at, at most, for one page (a page may come back short, with `next`). */
  readonly maxScan?: number;
}

/** One page, newest first; `next` is the `before` of the page after it, null at the start of the log. */
export interface HistoryPage {
  readonly events: ViewEvent[];
  readonly next: number | null;
}

/** One projected event with what the table was around it. */
export interface ProjectedEntry {
  readonly event: ViewEvent;
  readonly context: EventContext;
}

/** The token as `viewerId` saw it in `state` (undefined when they did not). */
function seenToken(
  state: TableState,
  id: string,
  viewerId: string,
): { actorId?: string | null } | undefined {
  const member = state.members.get(viewerId);
  if (member === undefined) return undefined;
  return viewDoc(state, { collection: 'tokens', id }, member) as
    { actorId?: string | null } | undefined;
}

function contextOf(before: TableState, after: TableState, viewerId: string): EventContext {
  return {
    // Only what the viewer saw of the token: a filter must not tell them more than the event did.
    actorOfToken: (id) =>
      (seenToken(after, id, viewerId) ?? seenToken(before, id, viewerId))?.actorId ?? null,
    memberName: (id) => (after.members.get(id) ?? before.members.get(id))?.name ?? null,
  };
}

/** The latest snapshot at or before `seq`: its seq and state. */
async function snapshotAt(
  db: Kysely<Database>,
  campaignId: string,
  seq: number,
): Promise<{ readonly seq: number; readonly state: TableState }> {
  const snapshot = await db
    .selectFrom('snapshots')
    .select(['seq', 'state'])
    .where('campaign_id', '=', campaignId)
    .where('seq', '<=', seq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (snapshot === undefined) throw new Error(`campaign ${campaignId} has no snapshot at ${seq}`);
  return { seq: Number(snapshot.seq), state: reviveState(JSON.parse(snapshot.state)) };
}

/** The events with `lo <= seq <= hi`, oldest first, at most `limit`. */
async function readEvents(
  db: Kysely<Database>,
  campaignId: string,
  lo: number,
  hi: number,
  limit = Number.MAX_SAFE_INTEGER,
): Promise<TableEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select('event')
    .where('campaign_id', '=', campaignId)
    .where('seq', '>=', lo)
    .where('seq', '<=', hi)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => JSON.parse(row.event) as TableEvent);
}

/** The state just after `seq`: the latest snapshot at or before it, with the events up to it. */
async function stateAt(db: Kysely<Database>, campaignId: string, seq: number): Promise<TableState> {
  const snapshot = await snapshotAt(db, campaignId, seq);
  let state = snapshot.state;
  for (const event of await readEvents(db, campaignId, snapshot.seq + 1, seq)) {
    state = applyEvent(state, event);
  }
  return state;
}

/** Applies `events` (oldest first) to `state`, projecting each for `viewerId`; the kept entries and the state after. */
function projectAll(
  events: readonly TableEvent[],
  start: TableState,
  viewerId: string,
  keep: KeepEvent,
): { readonly entries: ProjectedEntry[]; readonly state: TableState } {
  const entries: ProjectedEntry[] = [];
  let state = start;
  for (const event of events) {
    const after = applyEvent(state, event);
    const context = contextOf(state, after, viewerId);
    for (const projected of projectEvent(event, state, after, viewerId)) {
      if (keep(projected, context)) entries.push({ event: projected, context });
    }
    state = after;
  }
  return { entries, state };
}

/** The campaign's last seq and the seq of its first snapshot (events up to it are in it). */
async function logBounds(
  db: Kysely<Database>,
  campaignId: string,
): Promise<{ readonly latest: number; readonly floor: number }> {
  const latest = await db
    .selectFrom('campaigns')
    .select('seq')
    .where('id', '=', campaignId)
    .executeTakeFirst();
  const first = await db
    .selectFrom('snapshots')
    .select('seq')
    .where('campaign_id', '=', campaignId)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return { latest: Number(latest?.seq ?? 0), floor: Number(first?.seq ?? 0) };
}

/**
 * A page of the campaign's past as `viewerId` saw it, newest first.
 *
 * @example
 * const page = await projectedHistory(db, id, userId, {
 *   limit: 50,
 *   keep: (e) => e.type === 'core:message-posted',
 * });
 */
export async function projectedHistory(
  db: Kysely<Database>,
  campaignId: string,
  viewerId: string,
  query: HistoryQuery,
): Promise<HistoryPage> {
  const { latest, floor } = await logBounds(db, campaignId);
  let hi = Math.min(latest, (query.before ?? Infinity) - 1);
  const found: ViewEvent[] = [];
  let scanned = 0;
  const maxScan = query.maxScan ?? 5_000;
  while (hi > floor && found.length < query.limit && scanned < maxScan) {
    const lo = Math.max(floor + 1, hi - WINDOW + 1);
    const events = await readEvents(db, campaignId, lo, hi);
    const { entries } = projectAll(
      events,
      await stateAt(db, campaignId, lo - 1),
      viewerId,
      query.keep,
    );
    scanned += events.length;
    // Newest first; a page ends inside a window: the next page starts below its oldest event.
    entries.reverse();
    for (const { event } of entries) {
      if (found.length === query.limit) {
        return { events: found, next: found[found.length - 1]!.seq };
      }
      found.push(event);
    }
    hi = lo - 1;
  }
  return { events: found, next: hi > floor ? hi + 1 : null };
}

/** A stretch of the log by seq, both ends included; an absent end is the log's. */
export interface SeqRange {
  readonly from?: number;
  readonly to?: number;
}

/**
 * The campaign's whole past (or the stretch `range` of it) as `viewerId`
 * saw it, oldest first, up to the seq it had when the walk began: read
 * `WINDOW` events at a time and projected like {@link projectedHistory}'s
 * pages, holding one window and one state in memory whatever the log's
 * length. A range starts from the state just before it (the snapshot
 * before it and the events after that). Stopping the iteration (`return`,
 * a closed download) stops the reads.
 *
 * @example
 * for await (const { event } of projectedForward(db, id, userId, () => true)) write(event);
 * projectedForward(db, id, userId, () => true, { from: 120, to: 480 }); // seqs 120..480
 */
export async function* projectedForward(
  db: Kysely<Database>,
  campaignId: string,
  viewerId: string,
  keep: KeepEvent,
  range: SeqRange = {},
): AsyncGenerator<ProjectedEntry, void, undefined> {
  const bounds = await logBounds(db, campaignId);
  const floor = Math.max(bounds.floor, (range.from ?? 0) - 1);
  const latest = Math.min(bounds.latest, range.to ?? Infinity);
  if (latest <= floor) return;
  let state =
    floor === bounds.floor
      ? (await snapshotAt(db, campaignId, floor)).state
      : await stateAt(db, campaignId, floor);
  let done = floor;
  while (done < latest) {
    const events = await readEvents(db, campaignId, done + 1, latest, WINDOW);
    if (events.length === 0) return;
    const window = projectAll(events, state, viewerId, keep);
    state = window.state;
    done = events[events.length - 1]!.seq;
    yield* window.entries;
  }
}

/** One event of the log with the full states just before and after it. */
export interface LoggedStep {
  readonly event: TableEvent;
  readonly before: TableState;
  readonly after: TableState;
}

/**
 * The campaign's log with the full (unprojected) states around each event,
 * oldest first: from the first snapshot, or on from `resume` (a state and
 * its seq an earlier walk reached), to the seq the campaign has when the
 * walk begins, `WINDOW` events at a time. For derivations that project
 * their own results (combat statistics); never send a step as it is.
 *
 * @example
 * for await (const { event, before, after } of statesForward(db, id)) stats.add(event, before, after);
 */
export async function* statesForward(
  db: Kysely<Database>,
  campaignId: string,
  resume?: { readonly seq: number; readonly state: TableState },
): AsyncGenerator<LoggedStep, void, undefined> {
  const bounds = await logBounds(db, campaignId);
  let state = resume?.state ?? (await snapshotAt(db, campaignId, bounds.floor)).state;
  let done = resume?.seq ?? bounds.floor;
  while (done < bounds.latest) {
    const events = await readEvents(db, campaignId, done + 1, bounds.latest, WINDOW);
    if (events.length === 0) return;
    for (const event of events) {
      const after = applyEvent(state, event);
      yield { event, before: state, after };
      state = after;
    }
    done = events[events.length - 1]!.seq;
  }
}
