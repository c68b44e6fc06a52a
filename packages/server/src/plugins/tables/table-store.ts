/**
 * A campaign's durable table: the append-only event log, snapshots and the
 * client request ids already applied. Events and the request's ack commit
 * in one transaction (shared with other tables' appends of the same moment),
 * so an acknowledged request is on disk exactly once.
 */
import { applyEvent, reviveState, type TableEvent, type TableState } from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import { type HotAppend, sqliteHotPath } from '../../persistence/sqlite-hot-path.js';

/** A request already applied: who sent it, its client id, the ack sent. */
export interface AppliedRequest {
  readonly userId: string;
  readonly clientId: string;
  readonly ack: string;
}

/** The latest snapshot's seq and the state after replaying every event since. */
export async function loadState(
  db: Kysely<Database>,
  campaignId: string,
): Promise<{ readonly state: TableState; readonly snapshotSeq: number }> {
  const snapshot = await db
    .selectFrom('snapshots')
    .select(['seq', 'state'])
    .where('campaign_id', '=', campaignId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (snapshot === undefined) throw new Error(`campaign ${campaignId} has no snapshot`);
  let state = reviveState(JSON.parse(snapshot.state));
  const events = await db
    .selectFrom('events')
    .select('event')
    .where('campaign_id', '=', campaignId)
    .where('seq', '>', snapshot.seq)
    .orderBy('seq')
    .execute();
  for (const row of events) state = applyEvent(state, JSON.parse(row.event) as TableEvent);
  return { state, snapshotSeq: Number(snapshot.seq) };
}

/** Writes a snapshot of `state` at its seq (replacing one at the same seq). */
export async function saveSnapshot(
  db: Kysely<Database>,
  campaignId: string,
  state: TableState,
): Promise<void> {
  await db
    .insertInto('snapshots')
    .values({
      campaign_id: campaignId,
      seq: state.seq,
      state: JSON.stringify(state),
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.columns(['campaign_id', 'seq']).doNothing())
    .execute();
}

/** One table's append waiting for the next group commit. */
interface PendingAppend {
  readonly campaignId: string;
  readonly events: readonly TableEvent[];
  /** The campaign's new name, when an event renamed it (the campaigns row follows the table). */
  readonly name: string | null;
  readonly applied: AppliedRequest | null;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** The last name `events` give the campaign (`core:campaign-updated`), or null. */
function renamedTo(events: readonly TableEvent[]): string | null {
  let name: string | null = null;
  for (const e of events) {
    if (e.type === 'core:campaign-updated' && typeof e.payload.patch.name === 'string') {
      name = e.payload.patch.name;
    }
  }
  return name;
}

/** The appends gathered for each database's next group commit. */
const groups = new WeakMap<Kysely<Database>, PendingAppend[]>();

/**
 * Appends events and, for a request, its applied-request row, in one
 * transaction; bumps the campaign's seq (and renames it when an event of
 * the table did). Fails as a whole (a seq taken
 * already included). Resolves once the transaction is committed.
 *
 * Appends made in the same turn of the event loop (other tables' requests)
 * share one transaction, so one fsync makes all of them durable: a commit
 * waits for its fsync (about 0.4 ms on a common disk), and one per action
 * held every table back. When the shared transaction fails, each append is
 * retried alone, so one table's failure is not another's.
 */
export function appendEvents(
  db: Kysely<Database>,
  campaignId: string,
  events: readonly TableEvent[],
  applied: AppliedRequest | null,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let group = groups.get(db);
    if (group === undefined) {
      group = [];
      groups.set(db, group);
      setImmediate(() => void commitGroup(db));
    }
    group.push({ campaignId, events, name: renamedTo(events), applied, resolve, reject });
  });
}

/** An append as the SQLite hot path writes it. */
const hotAppend = ({ campaignId, events, name, applied }: PendingAppend): HotAppend => ({
  campaignId,
  name,
  events: events.map((e) => ({ seq: e.seq, type: e.type, json: JSON.stringify(e) })),
  applied,
});

async function commitGroup(db: Kysely<Database>): Promise<void> {
  const group = groups.get(db) ?? [];
  groups.delete(db);
  const hot = sqliteHotPath(db);
  if (hot !== undefined) {
    const appends = group.map(hotAppend);
    try {
      await hot.write(appends);
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      for (const [i, append] of group.entries()) {
        await hot.write([appends[i]!]).then(append.resolve, append.reject);
      }
      return;
    }
    for (const append of group) append.resolve();
    return;
  }
  try {
    await db.transaction().execute(async (trx) => {
      for (const append of group) await writeAppend(trx, append);
    });
  } catch (error) {
    if (group.length === 1) return group[0]!.reject(error);
    for (const append of group) {
      await db
        .transaction()
        .execute((trx) => writeAppend(trx, append))
        .then(append.resolve, append.reject);
    }
    return;
  }
  for (const append of group) append.resolve();
}

async function writeAppend(
  trx: Kysely<Database>,
  { campaignId, events, name, applied }: PendingAppend,
): Promise<void> {
  if (events.length > 0) {
    await trx
      .insertInto('events')
      .values(
        events.map((e) => ({
          campaign_id: campaignId,
          seq: e.seq,
          type: e.type,
          event: JSON.stringify(e),
        })),
      )
      .execute();
    await trx
      .updateTable('campaigns')
      .set({ seq: events[events.length - 1]!.seq, ...(name === null ? {} : { name }) })
      .where('id', '=', campaignId)
      .execute();
  }
  if (applied !== null) {
    await trx
      .insertInto('applied_requests')
      .values({
        campaign_id: campaignId,
        user_id: applied.userId,
        client_id: applied.clientId,
        ack: applied.ack,
        created_at: Date.now(),
      })
      .execute();
  }
}

/** The ack stored for a request id already applied, or null. */
export async function appliedAck(
  db: Kysely<Database>,
  campaignId: string,
  userId: string,
  clientId: string,
): Promise<string | null> {
  const hot = sqliteHotPath(db);
  if (hot !== undefined) return hot.appliedAck(campaignId, userId, clientId);
  const row = await db
    .selectFrom('applied_requests')
    .select('ack')
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', userId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row?.ack ?? null;
}

/** Events of the log after `since`, in order, at most `limit`. */
export async function eventsSince(
  db: Kysely<Database>,
  campaignId: string,
  since: number,
  limit: number,
): Promise<TableEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select('event')
    .where('campaign_id', '=', campaignId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => JSON.parse(r.event) as TableEvent);
}
