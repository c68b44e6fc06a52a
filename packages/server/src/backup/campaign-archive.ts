/**
 * Writes one campaign's archive (see `campaign-archive-format.ts`) from the
 * database and the blob store. It reads up to the campaign's durable seq at
 * the start: the log is append-only, so events up to it never change while
 * the table keeps playing, and the archive is the campaign as it was at
 * that seq. Files are written to a work folder first so each tar entry's
 * size is known, then archived; the manifest goes last.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { applyEvent, reviveState, stateHash, VttError, type TableEvent } from '@vtt/core';
import { TarStreamWriter } from '@vtt/sdk/archive';
import type { Kysely } from 'kysely';
import type { Database } from '../persistence/database-schema.js';
import { BlobStore } from '../plugins/assets/blob-store.js';
import { digestFile } from './backup-format.js';
import {
  ASSETS_PATH,
  BLOB_PREFIX,
  CAMPAIGN_ARCHIVE_FORMAT,
  CAMPAIGN_ARCHIVE_LIMITS,
  CAMPAIGN_ARCHIVE_VERSION,
  CAMPAIGN_MANIFEST_PATH,
  EVENTS_PATH,
  SNAPSHOT_PATH,
  type ArchivedAsset,
  type CampaignArchiveFile,
  type CampaignArchiveManifest,
  type CampaignArchiveModule,
} from './campaign-archive-format.js';

/** Options of {@link writeCampaignArchive}. */
export interface WriteCampaignArchiveOptions {
  readonly db: Kysely<Database>;
  /** The server's data folder (its blob store is `assets/` in it). */
  readonly dataDir: string;
  readonly campaignId: string;
  /** The `.tar.gz` to write. */
  readonly out: string;
}

/** The modules the campaign uses, system first, at the versions active here. */
async function modulesOf(
  db: Kysely<Database>,
  campaignId: string,
  system: string,
): Promise<CampaignArchiveModule[]> {
  const addons = await db
    .selectFrom('campaign_modules')
    .select('module_id')
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute();
  const out: CampaignArchiveModule[] = [];
  for (const id of [system, ...addons.map((a) => a.module_id)]) {
    const row = await db
      .selectFrom('modules')
      .select(['id', 'version', 'kind'])
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (row === undefined) throw new Error(`campaign ${campaignId} uses ${id}, not installed`);
    out.push({ id: row.id, version: row.version, kind: row.kind });
  }
  return out;
}

/**
 * Writes the archive of `campaignId` to `out` and answers its manifest.
 * The caller checks that the requester may have it (its GMs only: the
 * archive holds everything, secrets and the RNG state included).
 *
 * @throws Error when the campaign does not exist or has no snapshot.
 * @example
 * const manifest = await writeCampaignArchive({ db, dataDir, campaignId, out: '/tmp/c.tar.gz' });
 */
export async function writeCampaignArchive(
  options: WriteCampaignArchiveOptions,
): Promise<CampaignArchiveManifest> {
  const { db, campaignId } = options;
  const campaign = await db
    .selectFrom('campaigns')
    .select(['id', 'name', 'system', 'seq'])
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const seq = Number(campaign.seq);
  const snapshot = await db
    .selectFrom('snapshots')
    .select(['seq', 'state'])
    .where('campaign_id', '=', campaignId)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  if (snapshot === undefined) throw new Error(`campaign ${campaignId} has no snapshot`);
  const modules = await modulesOf(db, campaignId, campaign.system);
  const work = await mkdtemp(join(options.dataDir, '.campaign-export-'));
  try {
    const sources = new Map<string, string>();
    const snapshotFile = join(work, 'snapshot.json');
    await writeFile(
      snapshotFile,
      JSON.stringify({ seq: Number(snapshot.seq), state: snapshot.state }),
    );
    sources.set(SNAPSHOT_PATH, snapshotFile);

    // The log, page by page, replayed as it is written: the hash of what the archive holds.
    let state = reviveState(JSON.parse(snapshot.state));
    const eventsFile = join(work, 'events.jsonl');
    const lines = createWriteStream(eventsFile, { mode: 0o600 });
    for (let after = Number(snapshot.seq); after < seq;) {
      const page = await db
        .selectFrom('events')
        .select(['seq', 'event'])
        .where('campaign_id', '=', campaignId)
        .where('seq', '>', after)
        .where('seq', '<=', seq)
        .orderBy('seq')
        .limit(1000)
        .execute();
      if (page.length === 0) break;
      for (const row of page) {
        state = applyEvent(state, JSON.parse(row.event) as TableEvent);
        if (!lines.write(`${row.event}\n`))
          await new Promise<void>((r) => lines.once('drain', () => r()));
      }
      after = Number(page[page.length - 1]!.seq);
    }
    lines.end();
    await finished(lines);
    // The state holds the dice generator: while a session runs, its seed must stay secret
    // (no one may know it before it is revealed at the session's end), the GM included.
    if (state.campaign.dice.seed === null) {
      throw new VttError('VTT_ERR_TRANSFER_SESSION_RUNNING', {
        session: state.campaign.dice.session,
      });
    }
    sources.set(EVENTS_PATH, eventsFile);

    const rows = await db
      .selectFrom('assets')
      .select(['id', 'sha256', 'mime', 'bytes', 'width', 'height', 'name', 'visibility'])
      .select('created_at')
      .where('campaign_id', '=', campaignId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const assets: ArchivedAsset[] = rows.map((r) => ({
      ...r,
      bytes: Number(r.bytes),
      width: Number(r.width),
      height: Number(r.height),
      created_at: Number(r.created_at),
    }));
    const assetsFile = join(work, 'assets.json');
    await writeFile(assetsFile, JSON.stringify(assets, null, 2));
    sources.set(ASSETS_PATH, assetsFile);
    const store = new BlobStore(join(options.dataDir, 'assets'));
    for (const { sha256 } of assets)
      sources.set(`${BLOB_PREFIX}${sha256}`, store.paths(sha256).blob);

    const files: CampaignArchiveFile[] = [];
    const tarBytes = new PassThrough();
    const written = pipeline(
      tarBytes,
      createGzip({ level: 6 }),
      createWriteStream(options.out, { mode: 0o600 }),
    );
    const tar = new TarStreamWriter(tarBytes, CAMPAIGN_ARCHIVE_LIMITS);
    for (const [path, from] of sources) {
      const { sha256, size } = await digestFile(from);
      await tar.addFile(path, from);
      files.push({ path, size, sha256 });
    }
    const manifest: CampaignArchiveManifest = {
      format: CAMPAIGN_ARCHIVE_FORMAT,
      version: CAMPAIGN_ARCHIVE_VERSION,
      campaign: { id: campaign.id, name: campaign.name, system: campaign.system },
      modules,
      seq: state.seq,
      stateHash: stateHash(state),
      files,
    };
    await tar.addBytes(CAMPAIGN_MANIFEST_PATH, Buffer.from(JSON.stringify(manifest, null, 2)));
    await tar.end();
    tarBytes.end();
    await written;
    return manifest;
  } catch (error) {
    await rm(options.out, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
