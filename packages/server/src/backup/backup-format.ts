/**
 * The server backup archive (`vtt backup`): a gzip-compressed ustar of the
 * data folder's `data/vtt.sqlite` (a consistent copy made while the server
 * runs), `data/signing-key`, `data/assets/**`, `data/modules/**` and
 * `data/registry/**` (a registry's published archives), and as
 * its LAST entry `vtt-backup.json`, the manifest: every file's size and
 * SHA-256, and every campaign's seq and state hash at backup time. An
 * archive without the manifest at its end is incomplete and is refused.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { resolveArchiveLimits, type ArchiveLimits } from '@vtt/sdk/archive';
import { stateHash } from '@vtt/core';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../persistence/database-schema.js';
import { loadState } from '../plugins/tables/table-store.js';

/** The manifest's format name and version. */
export const BACKUP_FORMAT = 'vtt-backup';
export const BACKUP_VERSION = 1;
/** The manifest's entry name: always the last entry. */
export const MANIFEST_PATH = 'vtt-backup.json';
/** Where the data folder's files sit in the archive. */
export const DATA_PREFIX = 'data/';
/** The database file of a data folder. */
export const DATABASE_FILE = 'vtt.sqlite';

/** One file of the backup. */
export interface BackupFile {
  /** Relative to the data folder, with `/` separators. */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** A campaign as it was at backup time. */
export interface BackupCampaign {
  readonly id: string;
  readonly seq: number;
  readonly stateHash: string;
}

/** `vtt-backup.json`. */
export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  /** ISO time the database copy was taken. */
  readonly createdAt: string;
  readonly files: readonly BackupFile[];
  readonly campaigns: readonly BackupCampaign[];
}

/** Limits of a backup archive: generous, since a server's assets are big; paths stay checked. */
export const BACKUP_LIMITS: ArchiveLimits = resolveArchiveLimits({
  maxEntries: 10_000_000,
  maxDepth: 32,
  maxPathLength: 1024,
  maxEntryBytes: 8 ** 11 - 1,
  maxTotalBytes: Number.MAX_SAFE_INTEGER,
});

/** The SHA-256 (hex) and size of a file, read as a stream. */
export async function digestFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Streams `data` into the new file `to` (never over an existing one), answering its size and SHA-256 (hex). */
export async function writeHashed(
  data: NodeJS.ReadableStream,
  to: string,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    data,
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(to, { mode: 0o600, flags: 'wx' }),
  );
  return { size, sha256: hash.digest('hex') };
}

/** Every regular file under `root` (relative paths with `/`), sorted; none when it does not exist. */
export async function filesUnder(root: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(root, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(root, path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Every campaign's seq and state hash in the SQLite database `file` (opened read-only). */
export async function campaignHashes(file: string): Promise<BackupCampaign[]> {
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true }) }),
  });
  try {
    const rows = await db.selectFrom('campaigns').select('id').orderBy('id').execute();
    const out: BackupCampaign[] = [];
    for (const { id } of rows) {
      const { state } = await loadState(db, id);
      out.push({ id, seq: state.seq, stateHash: stateHash(state) });
    }
    return out;
  } finally {
    await db.destroy();
  }
}
