/**
 * The statements every live request runs on SQLite (is this client id
 * applied already; append a batch of events with its ack), prepared once on
 * the better-sqlite3 handle instead of built and prepared by Kysely on each
 * call. Each use holds Kysely's connection (`db.connection()`), so it never
 * runs inside, or beside, a Kysely transaction on the same handle.
 * PostgreSQL has no hot path: its queries go through Kysely.
 */
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './database-schema.js';

/** One campaign's append: its events (JSON text by seq) and, for a request, its ack. */
export interface HotAppend {
  readonly campaignId: string;
  readonly events: readonly {
    readonly seq: number;
    readonly type: string;
    readonly json: string;
  }[];
  /** The campaign's new name when an event renamed it, else null. */
  readonly name: string | null;
  readonly applied: {
    readonly userId: string;
    readonly clientId: string;
    readonly ack: string;
  } | null;
}

/** The prepared statements of one SQLite database. */
export class SqliteHotPath {
  readonly #sqlite: SQLite.Database;
  readonly #db: Kysely<Database>;
  readonly #appliedAck: SQLite.Statement<[string, string, string], { ack: string }>;
  readonly #insertEvent: SQLite.Statement<[string, number, string, string]>;
  readonly #setSeq: SQLite.Statement<[number, string | null, string]>;
  readonly #insertApplied: SQLite.Statement<[string, string, string, string, number]>;
  readonly #writeGroup: (appends: readonly HotAppend[]) => void;

  constructor(sqlite: SQLite.Database, db: Kysely<Database>) {
    this.#sqlite = sqlite;
    this.#db = db;
    this.#appliedAck = sqlite.prepare(
      'select ack from applied_requests where campaign_id = ? and user_id = ? and client_id = ?',
    );
    this.#insertEvent = sqlite.prepare(
      'insert into events (campaign_id, seq, type, event) values (?, ?, ?, ?)',
    );
    this.#setSeq = sqlite.prepare(
      'update campaigns set seq = ?, name = coalesce(?, name) where id = ?',
    );
    this.#insertApplied = sqlite.prepare(
      'insert into applied_requests (campaign_id, user_id, client_id, ack, created_at) values (?, ?, ?, ?, ?)',
    );
    this.#writeGroup = sqlite.transaction((appends: readonly HotAppend[]) => {
      for (const { campaignId, events, name, applied } of appends) {
        for (const e of events) this.#insertEvent.run(campaignId, e.seq, e.type, e.json);
        if (events.length > 0) this.#setSeq.run(events[events.length - 1]!.seq, name, campaignId);
        if (applied !== null) {
          this.#insertApplied.run(
            campaignId,
            applied.userId,
            applied.clientId,
            applied.ack,
            Date.now(),
          );
        }
      }
    });
  }

  /** Runs `work` on the handle while holding Kysely's connection. */
  #exclusive<T>(work: () => T): Promise<T> {
    return this.#db.connection().execute(async () => {
      if (this.#sqlite.inTransaction) throw new Error('the SQLite handle is inside a transaction');
      return work();
    });
  }

  /** The ack stored for a request id already applied, or null. */
  appliedAck(campaignId: string, userId: string, clientId: string): Promise<string | null> {
    return this.#exclusive(() => this.#appliedAck.get(campaignId, userId, clientId)?.ack ?? null);
  }

  /** Writes `appends` in one transaction (one fsync); throws, having written none, if any fails. */
  write(appends: readonly HotAppend[]): Promise<void> {
    return this.#exclusive(() => this.#writeGroup(appends));
  }
}

const hotPaths = new WeakMap<Kysely<Database>, SqliteHotPath>();

/** Prepares the hot path of `db`, a Kysely database over the SQLite handle `sqlite` (after its migrations). */
export function registerSqliteHotPath(db: Kysely<Database>, sqlite: SQLite.Database): void {
  hotPaths.set(db, new SqliteHotPath(sqlite, db));
}

/** The hot path of `db`, or undefined when it is no SQLite database (PostgreSQL). */
export function sqliteHotPath(db: Kysely<Database>): SqliteHotPath | undefined {
  return hotPaths.get(db);
}
