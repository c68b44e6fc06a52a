/**
 * Pages of a campaign's past, projected for one viewer: the chat history
 * and the activity log over HTTP. Each past event is projected against the
 * states around it (rebuilt from the snapshot before it), exactly as the
 * viewer's socket would have received it then, so a page never holds what
 * the viewer could not see at the time.
 */
import {
  applyEvent,
  projectEvent,
  reviveState,
  type TableEvent,
  type TableState,
  type ViewEvent,
} from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';

/** Events read per step backwards through the log. */
const WINDOW = 500;

/** What to page. */
export interface HistoryQuery {
  /** Only events with a seq below this (the previous page's `next`); absent: from the newest. */
  readonly before?: number;
  /** Projected events per page. */
  readonly limit: number;
  /** Keeps the projected events a page wants (by type, author, time). */
  readonly keep: (event: ViewEvent) => boolean;
  /** Log events looked at, at most, for one page (a page may come back short, with `next`). */
  readonly maxScan?: number;
}

/** One page, newest first; `next` is the `before` of the page after it, null at the start of the log. */
export interface HistoryPage {
  readonly events: ViewEvent[];
  readonly next: number | null;
}

/** The state just after `seq`: the latest snapshot at or before it, with the events up to it. */
async function stateAt(db: Kysely<Database>, campaignId: string, seq: number): Promise<TableState> {
  const snapshot = await db
    .selectFrom('snapshots')
    .select(['seq', 'state'])
    .where('campaign_id', '=', campaignId)
    .where('seq', '<=', seq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (snapshot === undefined) throw new Error(`campaign ${campaignId} has no snapshot at ${seq}`);
  let state = reviveState(JSON.parse(snapshot.state));
  const rows = await db
    .selectFrom('events')
    .select('event')
    .where('campaign_id', '=', campaignId)
    .where('seq', '>', snapshot.seq)
    .where('seq', '<=', seq)
    .orderBy('seq')
    .execute();
  for (const row of rows) state = applyEvent(state, JSON.parse(row.event) as TableEvent);
  return state;
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
  const latest = await db
    .selectFrom('campaigns')
    .select('seq')
    .where('id', '=', campaignId)
    .executeTakeFirst();
  let hi = Math.min(Number(latest?.seq ?? 0), (query.before ?? Infinity) - 1);
  const first = await db
    .selectFrom('snapshots')
    .select('seq')
    .where('campaign_id', '=', campaignId)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  const floor = Number(first?.seq ?? 0); // events at or before the first snapshot are in it
  const found: ViewEvent[] = [];
  let scanned = 0;
  const maxScan = query.maxScan ?? 5_000;
  while (hi > floor && found.length < query.limit && scanned < maxScan) {
    const lo = Math.max(floor + 1, hi - WINDOW + 1);
    let state = await stateAt(db, campaignId, lo - 1);
    const rows = await db
      .selectFrom('events')
      .select('event')
      .where('campaign_id', '=', campaignId)
      .where('seq', '>=', lo)
      .where('seq', '<=', hi)
      .orderBy('seq')
      .execute();
    const windowEvents: ViewEvent[] = [];
    for (const row of rows) {
      const event = JSON.parse(row.event) as TableEvent;
      const after = applyEvent(state, event);
      for (const projected of projectEvent(event, state, after, viewerId)) {
        if (query.keep(projected)) windowEvents.push(projected);
      }
      state = after;
    }
    scanned += rows.length;
    // Newest first; a page ends inside a window: the next page starts below its oldest event.
    windowEvents.reverse();
    for (const e of windowEvents) {
      if (found.length === query.limit) {
        return { events: found, next: found[found.length - 1]!.seq };
      }
      found.push(e);
    }
    hi = lo - 1;
  }
  return { events: found, next: hi > floor ? hi + 1 : null };
}
