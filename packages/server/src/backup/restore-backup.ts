/**
 * `vtt restore`: a backup archive into a new data folder. Everything is
 * unpacked into a staging folder beside the target and checked there: each
 * file against the manifest (size and SHA-256, none missing, none extra),
 * the database with `PRAGMA integrity_check`, and every campaign's state
 * hash against the one taken at backup time. Only then is the staging
 * folder renamed to the target, so a failed restore leaves nothing behind.
 */
import { createReadStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { isVttError, VttError } from '@vtt/core';
import { readTarStream } from '@vtt/sdk/archive';
import SQLite from 'better-sqlite3';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  BACKUP_VERSION,
  campaignHashes,
  DATA_PREFIX,
  DATABASE_FILE,
  MANIFEST_PATH,
  writeHashed,
  type BackupManifest,
} from './backup-format.js';

/** The largest manifest read. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** What a restore put in place. */
export interface RestoreResult {
  readonly dataDir: string;
  readonly manifest: BackupManifest;
}

async function isEmptyOrMissing(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

function mismatch(problem: string): VttError {
  return new VttError('VTT_ERR_BACKUP_MISMATCH', { problem });
}

function checkManifest(value: unknown): BackupManifest {
  const m = value as Partial<BackupManifest> | null;
  if (typeof m !== 'object' || m === null || m.format !== BACKUP_FORMAT) {
    throw new VttError('VTT_ERR_BACKUP_BAD_MANIFEST', {
      problem: `its format is not "${BACKUP_FORMAT}"`,
    });
  }
  if (m.version !== BACKUP_VERSION) {
    throw new VttError('VTT_ERR_BACKUP_BAD_MANIFEST', {
      problem: `it is version ${String(m.version)}; this server reads version ${BACKUP_VERSION}`,
    });
  }
  if (!Array.isArray(m.files) || !Array.isArray(m.campaigns)) {
    throw new VttError('VTT_ERR_BACKUP_BAD_MANIFEST', { problem: 'files or campaigns is missing' });
  }
  return m as BackupManifest;
}

/**
 * Restores the backup `archive` into `dataDir`, which must be missing or
 * empty (see the module comment).
 *
 * @throws VttError `VTT_ERR_BACKUP_TARGET_NOT_EMPTY`, `..._NOT_ARCHIVE` (not
 * gzip, or a hostile tar: a link, a path out of the folder...), `..._INCOMPLETE`,
 * `..._MISMATCH` or `..._BAD_MANIFEST`.
 * @example
 * await restoreBackup({ archive: 'vtt-2026-12-04.tar.gz', dataDir: './vtt-data-restored' });
 */
export async function restoreBackup(options: {
  readonly archive: string;
  readonly dataDir: string;
}): Promise<RestoreResult> {
  const target = resolve(options.dataDir);
  if (!(await isEmptyOrMissing(target))) {
    throw new VttError('VTT_ERR_BACKUP_TARGET_NOT_EMPTY', { path: target });
  }
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}-restoring-`));
  try {
    const seen = new Map<string, { size: number; sha256: string }>();
    let manifest: BackupManifest | null = null;
    try {
      const entries = readTarStream(
        createReadStream(options.archive).pipe(createGunzip()),
        BACKUP_LIMITS,
      );
      for await (const entry of entries) {
        if (manifest !== null) throw mismatch(`'${entry.path}' comes after the manifest`);
        if (entry.path === MANIFEST_PATH) {
          if (entry.size > MAX_MANIFEST_BYTES) throw mismatch('the manifest is too large');
          const chunks: Buffer[] = [];
          for await (const chunk of entry.data as AsyncIterable<Buffer>) chunks.push(chunk);
          try {
            manifest = checkManifest(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            if (isVttError(error)) throw error;
            throw new VttError('VTT_ERR_BACKUP_BAD_MANIFEST', { problem: 'it is not JSON' });
          }
          continue;
        }
        if (!entry.path.startsWith(DATA_PREFIX)) {
          throw mismatch(`'${entry.path}' is outside the data folder`);
        }
        const path = entry.path.slice(DATA_PREFIX.length);
        const to = join(staging, ...path.split('/'));
        await mkdir(dirname(to), { recursive: true, mode: 0o700 });
        seen.set(path, await writeHashed(entry.data, to));
      }
    } catch (error) {
      if (isVttError(error) && error.code === 'VTT_ERR_ARCHIVE_TRUNCATED') {
        throw new VttError('VTT_ERR_BACKUP_INCOMPLETE', {
          path: options.archive,
          problem: String(error.params['reason'] ?? 'it is cut off'),
        });
      }
      const code = (error as { code?: string }).code;
      if (code === 'Z_BUF_ERROR') {
        throw new VttError('VTT_ERR_BACKUP_INCOMPLETE', {
          path: options.archive,
          problem: 'its compressed stream is cut off',
        });
      }
      if (code === 'Z_DATA_ERROR' || code === 'ENOENT' || code === 'EISDIR') {
        const problem =
          code === 'ENOENT'
            ? 'there is no such file'
            : code === 'EISDIR'
              ? 'it is a folder'
              : 'it is not gzip-compressed';
        throw new VttError('VTT_ERR_BACKUP_NOT_ARCHIVE', { path: options.archive, problem });
      }
      if (isVttError(error) && error.code.startsWith('VTT_ERR_ARCHIVE_')) {
        throw new VttError('VTT_ERR_BACKUP_NOT_ARCHIVE', {
          path: options.archive,
          problem: error.message,
        });
      }
      throw error;
    }
    if (manifest === null) {
      throw new VttError('VTT_ERR_BACKUP_INCOMPLETE', {
        path: options.archive,
        problem: `it has no ${MANIFEST_PATH} at its end`,
      });
    }
    for (const file of manifest.files) {
      const got = seen.get(file.path);
      if (got === undefined) throw mismatch(`'${file.path}' is missing`);
      if (got.size !== file.size || got.sha256 !== file.sha256) {
        throw mismatch(`'${file.path}' differs from its digest`);
      }
      seen.delete(file.path);
    }
    const extra = [...seen.keys()][0];
    if (extra !== undefined) throw mismatch(`'${extra}' is not in the manifest`);

    const database = join(staging, DATABASE_FILE);
    const sqlite = new SQLite(database, { readonly: true, fileMustExist: true });
    try {
      const check = sqlite.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw mismatch(`the database fails its integrity check (${String(check)})`);
    } finally {
      sqlite.close();
    }
    const now = new Map((await campaignHashes(database)).map((c) => [c.id, c]));
    for (const campaign of manifest.campaigns) {
      const restored = now.get(campaign.id);
      if (restored === undefined || restored.stateHash !== campaign.stateHash) {
        throw mismatch(`campaign ${campaign.id} does not have its state of backup time`);
      }
    }
    await chmod(staging, 0o700);
    await rmdir(target).catch(() => undefined); // an empty target folder
    await rename(staging, target);
    return { dataDir: target, manifest };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
