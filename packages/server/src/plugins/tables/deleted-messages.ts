/**
 * Chat messages a GM deleted: the chat history and a session's document
 * leave them out (the log and its export keep both the message and its
 * deletion, as they were received).
 */
import type { KeepEvent } from './projected-history.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';

/**
 * The ids of the campaign's deleted messages. Only ever used to leave
 * things out, so it may read the log unprojected.
 *
 * @example
 * const deleted = await deletedMessageIds(db, campaignId);
 * deleted.has(message.id); // true once a GM deleted it
 */
export async function deletedMessageIds(
  db: Kysely<Database>,
  campaignId: string,
): Promise<ReadonlySet<string>> {
  const rows = await db
    .selectFrom('events')
    .select('event')
    .where('campaign_id', '=', campaignId)
    .where('type', '=', 'core:message-deleted')
    .execute();
  return new Set(
    rows.map(
      (row) => (JSON.parse(row.event) as { payload: { messageId: string } }).payload.messageId,
    ),
  );
}

/**
 * Keeps what a reader of the chat wants: every event but the deletions and
 * the messages in `deleted`.
 *
 * @example
 * const keep = withoutDeleted(await deletedMessageIds(db, id));
 */
export function withoutDeleted(deleted: ReadonlySet<string>): KeepEvent {
  return (e) =>
    e.type !== 'core:message-deleted' &&
    (e.type !== 'core:message-posted' || !deleted.has(e.payload.message.id));
}
