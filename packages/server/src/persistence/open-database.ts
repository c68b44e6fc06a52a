/**
 * Opens the server's database: SQLite in the data folder (WAL, full
 * fsync on commit, foreign keys on) by default, or PostgreSQL through a
 * connection URL; then runs the migrations and, on SQLite, prepares the
 * statements of the live tables' hot path (`sqlite-hot-path.ts`).
 */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import type { Database } from './database-schema.js';
import { MIGRATIONS } from './migrations/index.js';
import { registerSqliteHotPath } from './sqlite-hot-path.js';

/** An open database and what it is. */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  /** The SQLite file (null for PostgreSQL). */
  readonly file: string | null;
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

/**
 * Opens and migrates the database of a data folder (`<dataDir>/vtt.sqlite`),
 * or the PostgreSQL database of `databaseUrl`.
 *
 * @example
 * const { db } = await openDatabase({ dataDir: '/srv/vtt', databaseUrl: null });
 * await db.destroy();
 */
export async function openDatabase(options: {
  readonly dataDir: string;
  readonly databaseUrl: string | null;
}): Promise<OpenDatabase> {
  let opened: OpenDatabase;
  let sqlite: SQLite.Database | null = null;
  if (options.databaseUrl !== null) {
    const pg = await import('pg');
    // bigint columns (times, seqs) as numbers: they stay far below 2^53.
    pg.default.types.setTypeParser(20, (v: string) => Number(v));
    const pool = new pg.default.Pool({ connectionString: options.databaseUrl, max: 10 });
    opened = {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      file: null,
    };
  } else {
    const file = join(options.dataDir, 'vtt.sqlite');
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    opened = {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
      dialect: 'sqlite',
      file,
    };
  }
  const { error, results } = await new Migrator({ db: opened.db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    await opened.db.destroy();
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
  if (sqlite !== null) registerSqliteHotPath(opened.db, sqlite);
  return opened;
}
