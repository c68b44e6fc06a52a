/**
 * The registry's storage: published archives under `<data>/registry/`
 * (written through `tmp/`, fsynced and renamed, never replaced) and their
 * rows, and the queries of the listing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { compareSemver, parseSemver, VttError, type ModuleManifest } from '@vtt/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import type { AuthUser } from '../../server-types.js';
import {
  archivePath,
  type RegistryAuthor,
  type RegistryModule,
  type RegistryModuleSummary,
  type RegistryVersion,
} from './registry-types.js';

/** The folder of published archives inside the data folder. */
export const REGISTRY_FOLDER = 'registry';

/** Sorts versions oldest first (semver order; unparsable ones by text, first). */
export function bySemver(a: string, b: string): number {
  const [left, right] = [parseSemver(a), parseSemver(b)];
  if (left && right) return compareSemver(left, right);
  return left ? 1 : right ? -1 : a.localeCompare(b);
}

/** The text `q` searches: id, name, description and author names, lower-cased. */
function searchText(manifest: ModuleManifest): string {
  const authors = (manifest.authors ?? []).map((a) => a.name);
  return [manifest.id, manifest.name, manifest.description ?? '', ...authors]
    .join('\n')
    .toLowerCase();
}

function authorsOf(manifest: ModuleManifest): RegistryAuthor[] {
  return (manifest.authors ?? []).map(({ name, email, url }) => ({
    name,
    ...(email === undefined ? {} : { email }),
    ...(url === undefined ? {} : { url }),
  }));
}

/** Writes `data` to a new file `target` through a temp file in `tmp`, fsynced, then renamed. */
async function writeNewFile(dataDir: string, target: string, data: Uint8Array): Promise<void> {
  const temp = join(dataDir, 'tmp', `registry-${randomBytes(8).toString('hex')}`);
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Options of {@link publishVersion}. */
export interface PublishVersionOptions {
  readonly db: Kysely<Database>;
  readonly dataDir: string;
  /** The manifest `checkModuleArchive` validated. */
  readonly manifest: ModuleManifest;
  /** The archive's verified digest. */
  readonly digest: string;
  /** The archive's bytes, stored as they are. */
  readonly bytes: Uint8Array;
  readonly publisher: AuthUser;
  readonly now?: number;
}

/**
 * Stores a checked archive as a new published version: refuses another
 * user's module id (`VTT_ERR_REGISTRY_NOT_OWNER`, admins excepted), a
 * changed kind (`VTT_ERR_REGISTRY_KIND_CHANGED`) and a version published
 * already (`VTT_ERR_REGISTRY_VERSION_EXISTS`) before writing; then writes
 * the archive and, in one transaction, its rows. The first publisher of an
 * id owns it. Run one at a time per process; a concurrent insert elsewhere
 * still fails on the primary key, and its file is removed then.
 *
 * @returns the new version's listing entry.
 * @example
 * const entry = await publishVersion({ db, dataDir, manifest, digest, bytes, publisher: user });
 */
export async function publishVersion(options: PublishVersionOptions): Promise<RegistryVersion> {
  const { db, manifest, publisher } = options;
  const { id, version, kind } = manifest;
  const owned = await db
    .selectFrom('registry_modules')
    .select(['owner_id', 'kind', 'latest'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (owned !== undefined && owned.owner_id !== publisher.userId && !publisher.isAdmin) {
    throw new VttError('VTT_ERR_REGISTRY_NOT_OWNER', { id });
  }
  if (owned !== undefined && owned.kind !== kind) {
    throw new VttError('VTT_ERR_REGISTRY_KIND_CHANGED', { id, kind, publishedKind: owned.kind });
  }
  const taken = await db
    .selectFrom('registry_versions')
    .select('version')
    .where('module_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (taken !== undefined) throw new VttError('VTT_ERR_REGISTRY_VERSION_EXISTS', { id, version });

  const sha256 = createHash('sha256').update(options.bytes).digest('hex');
  // A name of its own, so a racing publish of the same version never replaces this file.
  const path = `${id}/${version}-${randomBytes(4).toString('hex')}.vttmod`;
  const file = join(options.dataDir, REGISTRY_FOLDER, ...path.split('/'));
  await writeNewFile(options.dataDir, file, options.bytes);
  const now = options.now ?? Date.now();
  const row = {
    module_id: id,
    version,
    kind,
    name: manifest.name,
    description: manifest.description ?? '',
    authors: JSON.stringify(authorsOf(manifest)),
    engine: manifest.engine,
    dependencies: JSON.stringify(manifest.dependencies ?? {}),
    digest: options.digest,
    sha256,
    size: options.bytes.length,
    path,
    publisher_id: publisher.userId,
    published_at: now,
  };
  try {
    await db.transaction().execute(async (trx) => {
      if (owned === undefined) {
        await trx
          .insertInto('registry_modules')
          .values({
            id,
            kind,
            owner_id: publisher.userId,
            latest: version,
            search: searchText(manifest),
            created_at: now,
            updated_at: now,
          })
          .execute();
      } else if (bySemver(version, owned.latest) > 0) {
        await trx
          .updateTable('registry_modules')
          .set({ latest: version, search: searchText(manifest), updated_at: now })
          .where('id', '=', id)
          .execute();
      }
      await trx.insertInto('registry_versions').values(row).execute();
    });
  } catch (error) {
    await rm(file, { force: true });
    const raced = await db
      .selectFrom('registry_versions')
      .select('version')
      .where('module_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (raced !== undefined) throw new VttError('VTT_ERR_REGISTRY_VERSION_EXISTS', { id, version });
    throw error;
  }
  return versionOut(row);
}

function versionOut(row: {
  module_id: string;
  version: string;
  engine: string;
  dependencies: string;
  digest: string;
  sha256: string;
  size: number;
  published_at: number;
}): RegistryVersion {
  return {
    version: row.version,
    engine: row.engine,
    dependencies: JSON.parse(row.dependencies) as Record<string, string>,
    digest: row.digest,
    sha256: row.sha256,
    size: Number(row.size),
    publishedAt: Number(row.published_at),
    archive: archivePath(row.module_id, row.version),
  };
}

/** `%`, `_` and `\` taken literally in a LIKE pattern (with `escape '\'`). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const summaryColumns = [
  'registry_modules.id',
  'registry_modules.kind',
  'registry_modules.latest',
  'registry_modules.updated_at',
  'registry_versions.name',
  'registry_versions.description',
  'registry_versions.authors',
  'registry_versions.engine',
] as const;

/**
 * One page of the listing, ordered by id: the modules whose id, name,
 * description or author names contain every word of `q` (case-insensitive),
 * with what their newest version says.
 *
 * @example
 * const { modules, total } = await listModules(db, { q: 'space opera', offset: 0, limit: 20 });
 */
export async function listModules(
  db: Kysely<Database>,
  page: { readonly q: string; readonly offset: number; readonly limit: number },
): Promise<{ modules: RegistryModuleSummary[]; total: number }> {
  const words = page.q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  let query = db
    .selectFrom('registry_modules')
    .innerJoin('registry_versions', (join) =>
      join
        .onRef('registry_versions.module_id', '=', 'registry_modules.id')
        .onRef('registry_versions.version', '=', 'registry_modules.latest'),
    );
  for (const word of words) {
    query = query.where(
      sql<boolean>`registry_modules.search like ${`%${likeLiteral(word)}%`} escape '\\'`,
    );
  }
  const counted = await query
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirst();
  const rows = await query
    .select(summaryColumns)
    .orderBy('registry_modules.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { modules: rows.map(summaryOut), total: Number(counted?.total ?? 0) };
}

function summaryOut(row: {
  id: string;
  kind: string;
  latest: string;
  updated_at: number;
  name: string;
  description: string;
  authors: string;
  engine: string;
}): RegistryModuleSummary {
  return {
    id: row.id,
    kind: row.kind === 'addon' ? 'addon' : 'system',
    name: row.name,
    description: row.description,
    authors: JSON.parse(row.authors) as RegistryAuthor[],
    latest: row.latest,
    engine: row.engine,
    updatedAt: Number(row.updated_at),
  };
}

/** One module with every published version, oldest first; undefined when none is published. */
export async function moduleVersions(
  db: Kysely<Database>,
  id: string,
): Promise<RegistryModule | undefined> {
  const summary = await db
    .selectFrom('registry_modules')
    .innerJoin('registry_versions', (join) =>
      join
        .onRef('registry_versions.module_id', '=', 'registry_modules.id')
        .onRef('registry_versions.version', '=', 'registry_modules.latest'),
    )
    .select(summaryColumns)
    .where('registry_modules.id', '=', id)
    .executeTakeFirst();
  if (summary === undefined) return undefined;
  const rows = await db
    .selectFrom('registry_versions')
    .selectAll()
    .where('module_id', '=', id)
    .execute();
  const versions = rows.map(versionOut).sort((a, b) => bySemver(a.version, b.version));
  return { ...summaryOut(summary), versions };
}

/** Where `id@version`'s archive is, with its SHA-256 and digest; undefined when not published. */
export async function archiveOf(
  db: Kysely<Database>,
  dataDir: string,
  id: string,
  version: string,
): Promise<{ file: string; sha256: string; digest: string; size: number } | undefined> {
  const row = await db
    .selectFrom('registry_versions')
    .select(['path', 'sha256', 'digest', 'size'])
    .where('module_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const file = join(dataDir, REGISTRY_FOLDER, ...row.path.split('/'));
  return { file, sha256: row.sha256, digest: row.digest, size: Number(row.size) };
}
