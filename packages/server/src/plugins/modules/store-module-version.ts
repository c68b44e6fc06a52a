/**
 * Stores one checked module version: refuses what would break the
 * installed ones (a version stored already, a changed kind, a missing
 * dependency), writes its folder through a temp folder, fsync and a rename,
 * then inserts its row and, when it is the first or a newer version, moves
 * the active flag to it, in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import {
  compareSemver,
  parseSemver,
  satisfiesRange,
  VttError,
  type ModuleManifest,
} from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';

/** Options of {@link storeModuleVersion}. */
export interface StoreModuleVersionOptions {
  readonly db: Kysely<Database>;
  /** The data folder (holds `modules/` and `tmp/`). */
  readonly dataDir: string;
  /** The validated manifest. */
  readonly manifest: ModuleManifest;
  /** Every file of the version by module-relative POSIX path, the manifest included. */
  readonly files: ReadonlyMap<string, Uint8Array | string>;
  readonly now?: number;
}

/** The folder of an installed version, relative to `<dataDir>/modules`. */
export function installedPath(id: string, version: string): string {
  return `${id}/${version}`;
}

/** Whether semver `a` is newer than `b` (an unparsable `b` counts as older). */
function isNewer(a: string, b: string): boolean {
  const left = parseSemver(a);
  const right = parseSemver(b);
  return left !== undefined && (right === undefined || compareSemver(left, right) > 0);
}

/**
 * Why `manifest` cannot be stored next to the installed modules, or
 * undefined when it can: `VTT_ERR_MODULE_VERSION_EXISTS`,
 * `VTT_ERR_MODULE_KIND_CHANGED` or `VTT_ERR_MODULE_DEPENDENCY_MISSING`
 * (each dependency needs an active version in its range).
 *
 * @example
 * const refusal = await installRefusal(db, manifest);
 * if (refusal !== undefined) throw refusal;
 */
export async function installRefusal(
  db: Kysely<Database>,
  manifest: ModuleManifest,
): Promise<VttError | undefined> {
  const stored = await db
    .selectFrom('modules')
    .select(['version', 'kind'])
    .where('id', '=', manifest.id)
    .execute();
  const { id, version, kind } = manifest;
  if (stored.some((row) => row.version === version)) {
    return new VttError('VTT_ERR_MODULE_VERSION_EXISTS', { id, version });
  }
  const installedKind = stored[0]?.kind;
  if (installedKind !== undefined && installedKind !== kind) {
    return new VttError('VTT_ERR_MODULE_KIND_CHANGED', { id, kind, installedKind });
  }
  for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
    const active = await db
      .selectFrom('modules')
      .select('version')
      .where('id', '=', dependency)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (active !== undefined && satisfiesRange(active.version, range)) continue;
    const found =
      active === undefined ? 'it is not installed' : `version ${active.version} is installed`;
    return new VttError('VTT_ERR_MODULE_DEPENDENCY_MISSING', { id, dependency, range, found });
  }
  return undefined;
}

/** Writes `data` to `file` (creating its folder) and flushes it to disk. */
async function writeDurably(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes the version's folder to `<dataDir>/modules/<id>/<version>/`, then
 * in one transaction inserts its row and makes it the active version when
 * there is none or it is newer than the active one. Live tables keep the
 * version they loaded; tables loaded afterwards run the active one. On a
 * failure the new folder is removed and the rows are as they were.
 * Call {@link installRefusal} first.
 *
 * @returns whether the new version became the active one.
 * @example
 * const active = await storeModuleVersion({ db, dataDir, manifest, files });
 */
export async function storeModuleVersion(options: StoreModuleVersionOptions): Promise<boolean> {
  const { db, manifest } = options;
  const staging = join(options.dataDir, 'tmp', `module-${randomBytes(8).toString('hex')}`);
  const target = join(options.dataDir, 'modules', manifest.id, manifest.version);
  try {
    for (const [path, data] of options.files) {
      const file = resolve(staging, ...path.split('/'));
      if (!file.startsWith(staging + sep)) throw new Error(`module file ${path} leaves its folder`);
      await writeDurably(file, data);
    }
    const taken = await db
      .selectFrom('modules')
      .select('id')
      .where('id', '=', manifest.id)
      .where('version', '=', manifest.version)
      .executeTakeFirst();
    if (taken !== undefined) {
      throw new VttError('VTT_ERR_MODULE_VERSION_EXISTS', {
        id: manifest.id,
        version: manifest.version,
      });
    }
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    // A folder without a row is what an interrupted install left: replace it.
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  try {
    return await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('modules')
        .select('version')
        .where('id', '=', manifest.id)
        .where('active', '=', 1)
        .executeTakeFirst();
      await trx
        .insertInto('modules')
        .values({
          id: manifest.id,
          version: manifest.version,
          kind: manifest.kind,
          name: manifest.name,
          manifest: JSON.stringify(manifest),
          path: installedPath(manifest.id, manifest.version),
          installed_at: options.now ?? Date.now(),
          active: 0,
        })
        .execute();
      const activate = current === undefined || isNewer(manifest.version, current.version);
      if (activate) {
        await trx.updateTable('modules').set({ active: 0 }).where('id', '=', manifest.id).execute();
        await trx
          .updateTable('modules')
          .set({ active: 1 })
          .where('id', '=', manifest.id)
          .where('version', '=', manifest.version)
          .execute();
      }
      return activate;
    });
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    throw error;
  }
}
