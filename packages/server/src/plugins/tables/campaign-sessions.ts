/**
 * A campaign's sessions: its dice sessions (`core:start-session` begins
 * one, `core:end-session` ends it), each a stretch of the log. Session 1
 * runs from the campaign's creation; session N from its
 * `core:dice-session-started` event to its `core:dice-session-ended` event
 * (both included), or to the end of the log while it runs. Events between
 * one session's end and the next one's start belong to none. Where the
 * sessions begin and end is public (every member sees the campaign's dice
 * session); what happened in them is counted as the requester saw it.
 */
import { VttError, type TableEvent } from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import { projectedForward } from './projected-history.js';

/** Where one session lies in the log. */
export interface SessionSpan {
  /** 1 for the campaign's first session, +1 for each `core:start-session`. */
  readonly session: number;
  /** When it began (ms since the epoch): the campaign's creation for session 1. */
  readonly startedAt: number;
  /** When it ended; null while it runs. */
  readonly endedAt: number | null;
  /** Its first seq: 1 for session 1, else its `core:dice-session-started` event's. */
  readonly fromSeq: number;
  /** Its last seq (its `core:dice-session-ended` event's); null while it runs. */
  readonly toSeq: number | null;
}

/** A session as `GET .../sessions` lists it. */
export interface SessionSummary extends SessionSpan {
  /** The events of the session the requester received. */
  readonly events: number;
}

const BOUNDARIES = ['core:dice-session-started', 'core:dice-session-ended'] as const;

type Boundary = TableEvent<(typeof BOUNDARIES)[number]>;

/**
 * The campaign's sessions, oldest first, from its log's session events;
 * `createdAt` is when the campaign was made (session 1's start).
 *
 * @example
 * const spans = await sessionSpans(db, campaign.id, campaign.createdAt);
 * spans[0]; // { session: 1, startedAt, endedAt: null, fromSeq: 1, toSeq: null } on a new campaign
 */
export async function sessionSpans(
  db: Kysely<Database>,
  campaignId: string,
  createdAt: number,
): Promise<SessionSpan[]> {
  const rows = await db
    .selectFrom('events')
    .select('event')
    .where('campaign_id', '=', campaignId)
    .where('type', 'in', BOUNDARIES)
    .orderBy('seq')
    .execute();
  const spans: SessionSpan[] = [];
  let open: Omit<SessionSpan, 'endedAt' | 'toSeq'> | null = {
    session: 1,
    startedAt: createdAt,
    fromSeq: 1,
  };
  for (const row of rows) {
    const event = JSON.parse(row.event) as Boundary;
    if (event.type === 'core:dice-session-started') {
      if (open !== null) spans.push({ ...open, endedAt: event.time, toSeq: event.seq - 1 });
      open = { session: event.payload.session, startedAt: event.time, fromSeq: event.seq };
    } else if (open !== null) {
      spans.push({ ...open, endedAt: event.time, toSeq: event.seq });
      open = null;
    }
  }
  if (open !== null) spans.push({ ...open, endedAt: null, toSeq: null });
  return spans;
}

/**
 * Session `session` of the campaign.
 *
 * @throws VttError `VTT_ERR_CAMPAIGN_SESSION_NOT_FOUND` when it has none of that number.
 * @example
 * const span = await requireSession(db, campaign.id, campaign.createdAt, 2);
 */
export async function requireSession(
  db: Kysely<Database>,
  campaignId: string,
  createdAt: number,
  session: number,
): Promise<SessionSpan> {
  const span = (await sessionSpans(db, campaignId, createdAt)).find((s) => s.session === session);
  if (span === undefined) {
    throw new VttError('VTT_ERR_CAMPAIGN_SESSION_NOT_FOUND', { id: campaignId, session });
  }
  return span;
}

/**
 * The campaign's sessions with the number of events of each that
 * `viewerId` received (one projected walk through the log).
 *
 * @example
 * const sessions = await sessionSummaries(db, campaign.id, userId, campaign.createdAt);
 */
export async function sessionSummaries(
  db: Kysely<Database>,
  campaignId: string,
  viewerId: string,
  createdAt: number,
): Promise<SessionSummary[]> {
  const spans = await sessionSpans(db, campaignId, createdAt);
  const counts = spans.map(() => 0);
  let at = 0;
  for await (const { event } of projectedForward(db, campaignId, viewerId, () => true)) {
    while (at < spans.length && spans[at]!.toSeq !== null && event.seq > spans[at]!.toSeq!) at++;
    if (at < spans.length && event.seq >= spans[at]!.fromSeq) counts[at]!++;
  }
  return spans.map((span, i) => ({ ...span, events: counts[i]! }));
}
