/**
 * Imports a campaign archive (see `campaign-archive-format.ts`) into this
 * server. Everything is checked before anything is written: the files
 * against the manifest, the campaign id free here, every module installed
 * at the archive's version, the snapshot plus the log replayed to the
 * manifest's state hash, each asset an image of the type its row says.
 * Then the blobs are stored (temp file, fsync, rename) and every row goes
 * in ONE transaction, the importer as creator and only member, a GM. The
 * table's state still names the old members: its first load reconciles
 * them with the rows (`LiveTable.reconcile`).
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  applyEvent,
  isVttError,
  reviveState,
  stateHash,
  VttError,
  type TableEvent,
  type TableState,
} from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../persistence/database-schema.js';
import { BlobStore, isSha256 } from '../plugins/assets/blob-store.js';
import { detectType, SNIFF_BYTES } from '../plugins/assets/image-type.js';
import { makeThumbnail, probeImage } from '../plugins/assets/probe-image.js';
import type { ArchivedAsset, CampaignArchiveManifest } from './campaign-archive-format.js';
import {
  transferMismatch,
  unpackCampaignArchive,
  type UnpackedCampaignArchive,
} from './read-campaign-archive.js';

/** Options of {@link importCampaignArchive}. */
export interface ImportCampaignOptions {
  readonly db: Kysely<Database>;
  /** The server's data folder (its blob store is `assets/` in it). */
  readonly dataDir: string;
  /** The `.tar.gz` on disk. */
  readonly archive: string;
  /** Who imports: the campaign's creator and only member, a GM. */
  readonly importerId: string;
  /** The server's `maxImagePixels`, for checking each image. */
  readonly maxImagePixels: number;
}

/** The campaign an import made. */
export interface ImportedCampaign {
  readonly id: string;
  readonly name: string;
  readonly system: string;
  readonly seq: number;
}

const EVENTS_PER_INSERT = 200;

/** Refuses modules missing here or installed at another version, naming each. */
async function checkModules(db: Kysely<Database>, manifest: CampaignArchiveManifest) {
  const ids = manifest.modules.map((m) => m.id);
  const rows = await db
    .selectFrom('modules')
    .select(['id', 'version', 'kind'])
    .where('active', '=', 1)
    .where('id', 'in', ids)
    .execute();
  const here = new Map(rows.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const m of manifest.modules) {
    const row = here.get(m.id);
    if (row === undefined) problems.push(`${m.id}@${m.version}`);
    else if (row.version !== m.version) {
      problems.push(`${m.id}@${m.version} (this server has ${m.id}@${row.version})`);
    } else if (row.kind !== m.kind) problems.push(`${m.id}@${m.version} (a ${row.kind} here)`);
  }
  if (problems.length > 0) {
    throw new VttError('VTT_ERR_TRANSFER_MODULES', { modules: problems.join(', ') });
  }
}

/** Each line of the events file, parsed. */
async function* eventsOf(file: string): AsyncGenerator<TableEvent> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line !== '') yield JSON.parse(line) as TableEvent;
}

/** The snapshot plus every event, checked to hash to the manifest's `stateHash`. */
async function replay(unpacked: UnpackedCampaignArchive): Promise<{ snapshotSeq: number }> {
  const { manifest } = unpacked;
  let snapshotSeq: number;
  let state: TableState;
  try {
    const snapshot = JSON.parse(await readFile(unpacked.snapshotFile, 'utf8')) as {
      seq: number;
      state: string;
    };
    state = reviveState(JSON.parse(snapshot.state));
    snapshotSeq = snapshot.seq;
    if (state.seq !== snapshotSeq) throw new Error('snapshot seq');
    for await (const event of eventsOf(unpacked.eventsFile)) state = applyEvent(state, event);
  } catch (error) {
    const why = isVttError(error) ? error.message : 'it does not parse';
    throw transferMismatch(`the campaign's snapshot and events do not replay (${why})`);
  }
  if (state.campaign.id !== manifest.campaign.id) {
    throw transferMismatch(
      `the table is campaign ${state.campaign.id}, not ${manifest.campaign.id}`,
    );
  }
  if (state.seq !== manifest.seq || stateHash(state) !== manifest.stateHash) {
    throw transferMismatch(
      `the snapshot and events rebuild a state (seq ${state.seq}) whose hash is not the manifest's stateHash`,
    );
  }
  return { snapshotSeq };
}

/** The asset rows, each checked to be an image of its type, with its probed size. */
async function checkAssets(
  unpacked: UnpackedCampaignArchive,
  maxImagePixels: number,
): Promise<ArchivedAsset[]> {
  let rows: unknown;
  try {
    rows = JSON.parse(await readFile(unpacked.assetsFile, 'utf8'));
  } catch {
    throw transferMismatch(`'campaign/assets.json' is not JSON`);
  }
  if (!Array.isArray(rows)) throw transferMismatch(`'campaign/assets.json' is not a list`);
  const out: ArchivedAsset[] = [];
  for (const raw of rows as Partial<ArchivedAsset>[]) {
    const { id, sha256, name, visibility, created_at: createdAt } = raw;
    if (
      typeof id !== 'string' ||
      typeof sha256 !== 'string' ||
      !isSha256(sha256) ||
      typeof name !== 'string' ||
      (visibility !== 'public' && visibility !== 'gm') ||
      !Number.isSafeInteger(createdAt)
    ) {
      throw transferMismatch(`an asset row of 'campaign/assets.json' is malformed`);
    }
    const blob = unpacked.blobs.get(sha256);
    if (blob === undefined) throw transferMismatch(`'assets/${sha256}' is missing`);
    const handle = await readFile(blob);
    const detected = detectType(handle.subarray(0, SNIFF_BYTES));
    if (detected.kind !== 'image' || detected.mime !== raw.mime) {
      throw transferMismatch(`'assets/${sha256}' is not the ${String(raw.mime)} its row says`);
    }
    const { width, height } = await probeImage(blob, detected.mime, maxImagePixels);
    out.push({
      id,
      sha256,
      mime: detected.mime,
      bytes: handle.length,
      width,
      height,
      name,
      visibility,
      created_at: createdAt!,
    });
  }
  return out;
}

/**
 * Imports the campaign archive `archive` (see the module comment).
 *
 * @throws VttError `VTT_ERR_TRANSFER_NOT_ARCHIVE`, `..._MISMATCH` (naming
 * the file or the state hash), `..._EXISTS` or `..._MODULES` (naming every
 * missing `id@version`); nothing is written then.
 * @example
 * const { id } = await importCampaignArchive({ db, dataDir, archive, importerId, maxImagePixels });
 */
export async function importCampaignArchive(
  options: ImportCampaignOptions,
): Promise<ImportedCampaign> {
  const { db } = options;
  const store = new BlobStore(join(options.dataDir, 'assets'));
  await mkdir(store.root, { recursive: true, mode: 0o700 });
  const work = await mkdtemp(join(options.dataDir, '.campaign-import-'));
  const made: string[] = [];
  try {
    const unpacked = await unpackCampaignArchive({
      archive: options.archive,
      work,
      blobs: store,
      made,
    });
    const { manifest } = unpacked;
    const { id, name, system } = manifest.campaign;
    const taken = await db
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (taken !== undefined) throw new VttError('VTT_ERR_TRANSFER_EXISTS', { id, name });
    await checkModules(db, manifest);
    const { snapshotSeq } = await replay(unpacked);
    const assets = await checkAssets(unpacked, options.maxImagePixels);

    // The blobs, each under its name; the ones new here are removed again if the rows fail.
    const added: string[] = [];
    for (const sha256 of new Set(assets.map((a) => a.sha256))) {
      const temp = unpacked.blobs.get(sha256)!;
      await store.withLock(sha256, async () => {
        const paths = store.paths(sha256);
        if (!(await stat(paths.blob).catch(() => null))) added.push(sha256);
        await store.adopt(temp, sha256);
        if (!(await stat(paths.thumb).catch(() => null))) {
          await store.writeBeside(
            paths.thumb,
            await makeThumbnail(paths.blob, options.maxImagePixels),
          );
        }
      });
    }
    try {
      await writeRows(options, unpacked, snapshotSeq, assets);
    } catch (error) {
      for (const sha256 of added) await removeUnused(db, store, sha256);
      if (isUniqueViolation(error)) throw new VttError('VTT_ERR_TRANSFER_EXISTS', { id, name });
      throw error;
    }
    return { id, name, system, seq: manifest.seq };
  } finally {
    for (const temp of made) await rm(temp, { force: true });
    await rm(work, { recursive: true, force: true });
  }
}

/** Every row of the campaign, in one transaction. */
async function writeRows(
  options: ImportCampaignOptions,
  unpacked: UnpackedCampaignArchive,
  snapshotSeq: number,
  assets: readonly ArchivedAsset[],
): Promise<void> {
  const { manifest } = unpacked;
  const { id, name, system } = manifest.campaign;
  const now = Date.now();
  const snapshot = JSON.parse(await readFile(unpacked.snapshotFile, 'utf8')) as { state: string };
  await options.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('campaigns')
      .values({
        id,
        name,
        system,
        created_by: options.importerId,
        created_at: now,
        seq: manifest.seq,
      })
      .execute();
    await trx
      .insertInto('members')
      .values({ campaign_id: id, user_id: options.importerId, role: 'gm', joined_at: now })
      .execute();
    const addons = manifest.modules.slice(1);
    if (addons.length > 0) {
      await trx
        .insertInto('campaign_modules')
        .values(addons.map((m, position) => ({ campaign_id: id, module_id: m.id, position })))
        .execute();
    }
    await trx
      .insertInto('snapshots')
      .values({ campaign_id: id, seq: snapshotSeq, state: snapshot.state, created_at: now })
      .execute();
    const lines = createInterface({
      input: createReadStream(unpacked.eventsFile),
      crlfDelay: Infinity,
    });
    let batch: Database['events'][] = [];
    for await (const line of lines) {
      if (line === '') continue;
      const event = JSON.parse(line) as TableEvent;
      batch.push({ campaign_id: id, seq: event.seq, type: event.type, event: line });
      if (batch.length === EVENTS_PER_INSERT) {
        await trx.insertInto('events').values(batch).execute();
        batch = [];
      }
    }
    if (batch.length > 0) await trx.insertInto('events').values(batch).execute();
    for (const asset of assets) {
      await trx
        .insertInto('assets')
        .values({ ...asset, campaign_id: id, uploaded_by: options.importerId })
        .execute();
    }
  });
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === '23505'
  );
}

async function removeUnused(db: Kysely<Database>, store: BlobStore, sha256: string): Promise<void> {
  await store.withLock(sha256, async () => {
    const used = await db
      .selectFrom('assets')
      .select('id')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (used === undefined) await store.remove(sha256);
  });
}
