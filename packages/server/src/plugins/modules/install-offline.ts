/**
 * `vtt install`: installs a module archive into a data folder while no
 * server runs on it. The install is the server's own
 * (`installModuleArchive`); this only refuses a data folder whose SQLite
 * database another connection holds open, then opens (and migrates) it.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VttError } from '@vtt/core';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../persistence/open-database.js';
import {
  checkModuleArchive,
  installCheckedArchive,
  type ArchiveInstallOutcome,
} from './install-archive.js';

/** The SQLite file of a data folder. */
const DATABASE_FILE = 'vtt.sqlite';

/**
 * Whether some connection (a running server, in this process or another)
 * has the data folder's database open: in WAL mode each one keeps a shared
 * lock, so an exclusive lock cannot be had while it runs.
 */
function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const probe = new SQLite(file, { fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * Installs `bytes` (a `.vttmod` archive) into the data folder `dataDir`
 * (created when missing), exactly as `POST /api/modules` would. The archive
 * is checked before the data folder is touched.
 *
 * @throws VttError `VTT_ERR_MODULE_DATA_IN_USE` when a server has the
 *   folder's database open; nothing is written then.
 * @example
 * const outcome = await installModuleOffline({ dataDir: './vtt-data', bytes, name: 'my-system.vttmod' });
 * if (outcome.status === 'refused') print(outcome.problems);
 */
export async function installModuleOffline(options: {
  readonly dataDir: string;
  readonly bytes: Uint8Array;
  readonly name?: string;
}): Promise<ArchiveInstallOutcome> {
  const checked = await checkModuleArchive(options);
  if (checked.status === 'refused') return checked;
  const dataDir = resolve(options.dataDir);
  if (databaseInUse(join(dataDir, DATABASE_FILE))) {
    throw new VttError('VTT_ERR_MODULE_DATA_IN_USE', { dataDir });
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const { db } = await openDatabase({ dataDir, databaseUrl: null });
  try {
    return await installCheckedArchive({ db, dataDir, checked });
  } finally {
    await db.destroy();
  }
}
