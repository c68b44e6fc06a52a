/**
 * `vtt backup`: one archive of a data folder, taken while the server runs.
 * The database is copied with SQLite's `VACUUM INTO` from a read-only
 * connection: one read transaction, so the copy is the database as it was at
 * one commit, whatever the server writes meanwhile (never a copy of the live
 * file). The archive is written under `<out>.partial`, fsynced, and renamed
 * to `<out>` only once complete: a backup killed half way is never found
 * under the name of a finished one.
 */
import { open, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGzip } from 'node:zlib';
import { VttError } from '@vtt/core';
import { TarStreamWriter } from '@vtt/sdk/archive';
import SQLite from 'better-sqlite3';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  BACKUP_VERSION,
  campaignHashes,
  DATA_PREFIX,
  DATABASE_FILE,
  digestFile,
  filesUnder,
  MANIFEST_PATH,
  type BackupFile,
  type BackupManifest,
} from './backup-format.js';

/** What a finished backup holds. */
export interface BackupResult {
  readonly path: string;
  readonly bytes: number;
  readonly manifest: BackupManifest;
}

/** Options of {@link createBackup}. */
export interface CreateBackupOptions {
  /** The server's data folder. */
  readonly dataDir: string;
  /** The archive to write (`.tar.gz`); replaced if it exists. */
  readonly out: string;
  /** Told of each file as it is archived. */
  readonly onProgress?: (progress: {
    readonly file: string;
    readonly done: number;
    readonly total: number;
  }) => void;
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a backup of `dataDir` to `out` (see the module comment).
 *
 * @throws VttError `VTT_ERR_BACKUP_NO_SQLITE` when the folder has no SQLite database.
 * @example
 * const { manifest } = await createBackup({ dataDir: './vtt-data', out: 'vtt-2026-12-04.tar.gz' });
 */
export async function createBackup(options: CreateBackupOptions): Promise<BackupResult> {
  const database = join(options.dataDir, DATABASE_FILE);
  try {
    await stat(database);
  } catch {
    throw new VttError('VTT_ERR_BACKUP_NO_SQLITE', { path: database });
  }
  const work = await mkdtemp(join(dirname(options.out), '.vtt-backup-'));
  const partial = `${options.out}.partial`;
  try {
    const copy = join(work, DATABASE_FILE);
    const createdAt = new Date().toISOString();
    const source = new SQLite(database, { readonly: true, fileMustExist: true });
    try {
      source.prepare('vacuum into ?').run(copy);
    } finally {
      source.close();
    }
    const campaigns = await campaignHashes(copy);

    // What goes in, from where: the copy for the database, the folder for the rest.
    const sources = new Map<string, string>([[DATABASE_FILE, copy]]);
    for (const name of ['signing-key']) {
      const at = join(options.dataDir, name);
      if (
        await stat(at).then(
          (s) => s.isFile(),
          () => false,
        )
      )
        sources.set(name, at);
    }
    // `registry/` holds the archives a registry server was published (rows without them answer 404).
    for (const folder of ['assets', 'modules', 'registry']) {
      for (const path of await filesUnder(join(options.dataDir, folder))) {
        sources.set(`${folder}/${path}`, join(options.dataDir, folder, path));
      }
    }

    const files: BackupFile[] = [];
    const tarBytes = new PassThrough();
    const written = pipeline(
      tarBytes,
      createGzip({ level: 6 }),
      createWriteStream(partial, { mode: 0o600 }),
    );
    const tar = new TarStreamWriter(tarBytes, BACKUP_LIMITS);
    let done = 0;
    for (const [path, from] of sources) {
      const { sha256, size } = await digestFile(from);
      await tar.addFile(`${DATA_PREFIX}${path}`, from);
      files.push({ path, size, sha256 });
      options.onProgress?.({ file: path, done: ++done, total: sources.size });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt,
      files,
      campaigns,
    };
    await tar.addBytes(MANIFEST_PATH, Buffer.from(JSON.stringify(manifest, null, 2)));
    await tar.end();
    tarBytes.end();
    await written;
    await fsyncPath(partial);
    await rename(partial, options.out);
    await fsyncPath(dirname(options.out));
    return { path: options.out, bytes: (await stat(options.out)).size, manifest };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
