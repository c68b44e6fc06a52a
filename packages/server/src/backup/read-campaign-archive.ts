/**
 * Unpacks a campaign archive for an import and checks it against its
 * manifest: every file's size and SHA-256, none missing, none extra, each
 * blob named by its own SHA-256. Blobs go to temp files in the blob store
 * (so adopting one is a rename), the other files to a work folder; nothing
 * is in the database or under a blob's name yet.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { isVttError, VttError } from '@vtt/core';
import { readTarStream } from '@vtt/sdk/archive';
import { isSha256, type BlobStore } from '../plugins/assets/blob-store.js';
import {
  ASSETS_PATH,
  BLOB_PREFIX,
  CAMPAIGN_ARCHIVE_FORMAT,
  CAMPAIGN_ARCHIVE_LIMITS,
  CAMPAIGN_ARCHIVE_VERSION,
  CAMPAIGN_MANIFEST_PATH,
  EVENTS_PATH,
  MAX_CAMPAIGN_MANIFEST_BYTES,
  SNAPSHOT_PATH,
  type CampaignArchiveManifest,
} from './campaign-archive-format.js';
import { writeHashed } from './backup-format.js';

/** An unpacked, verified archive: where each file is on disk. */
export interface UnpackedCampaignArchive {
  readonly manifest: CampaignArchiveManifest;
  readonly snapshotFile: string;
  readonly eventsFile: string;
  readonly assetsFile: string;
  /** Temp file in the blob store of each blob, by SHA-256. */
  readonly blobs: ReadonlyMap<string, string>;
}

/** The error for an archive that differs from its manifest. */
export function transferMismatch(problem: string): VttError {
  return new VttError('VTT_ERR_TRANSFER_MISMATCH', { problem });
}

function notArchive(problem: string): VttError {
  return new VttError('VTT_ERR_TRANSFER_NOT_ARCHIVE', { problem });
}

const FIXED = new Map([
  [SNAPSHOT_PATH, 'snapshot.json'],
  [EVENTS_PATH, 'events.jsonl'],
  [ASSETS_PATH, 'assets.json'],
]);

function checkManifest(value: unknown): CampaignArchiveManifest {
  const m = value as Partial<CampaignArchiveManifest> | null;
  if (typeof m !== 'object' || m === null || m.format !== CAMPAIGN_ARCHIVE_FORMAT) {
    throw notArchive(`its manifest's format is not "${CAMPAIGN_ARCHIVE_FORMAT}"`);
  }
  if (m.version !== CAMPAIGN_ARCHIVE_VERSION) {
    throw notArchive(
      `it is version ${String(m.version)}; this server reads version ${CAMPAIGN_ARCHIVE_VERSION}`,
    );
  }
  const c = m.campaign;
  const text = (v: unknown) => typeof v === 'string' && v !== '';
  const ok =
    typeof c === 'object' &&
    c !== null &&
    text(c.id) &&
    text(c.name) &&
    text(c.system) &&
    Array.isArray(m.modules) &&
    m.modules.every((x) => text(x?.id) && text(x?.version) && text(x?.kind)) &&
    m.modules[0]?.id === c.system &&
    Number.isSafeInteger(m.seq) &&
    typeof m.stateHash === 'string' &&
    Array.isArray(m.files) &&
    m.files.every((f) => text(f?.path) && Number.isSafeInteger(f?.size) && text(f?.sha256));
  if (!ok) throw notArchive('its manifest lacks a field or has one of the wrong type');
  return m as CampaignArchiveManifest;
}

function fromStreamError(error: unknown): unknown {
  if (isVttError(error) && error.code === 'VTT_ERR_ARCHIVE_TRUNCATED') {
    return notArchive(`it is cut off (${String(error.params['reason'] ?? 'truncated')})`);
  }
  if (isVttError(error) && error.code.startsWith('VTT_ERR_ARCHIVE_')) {
    return notArchive(error.message);
  }
  const code = (error as { code?: string }).code;
  if (code === 'Z_BUF_ERROR') return notArchive('its compressed stream is cut off');
  if (code === 'Z_DATA_ERROR') return notArchive('it is not gzip-compressed');
  return error;
}

/**
 * Unpacks `archive` into `work` (files) and `blobs` (temp files) and checks
 * it against its manifest. `made` receives every temp file written, for the
 * caller to remove whatever happens.
 *
 * @throws VttError `VTT_ERR_TRANSFER_NOT_ARCHIVE` (not gzip, a hostile tar,
 * no manifest at the end) or `VTT_ERR_TRANSFER_MISMATCH` (naming the file).
 * @example
 * const unpacked = await unpackCampaignArchive({ archive, work, blobs: store, made });
 */
export async function unpackCampaignArchive(options: {
  readonly archive: string;
  readonly work: string;
  readonly blobs: BlobStore;
  readonly made: string[];
}): Promise<UnpackedCampaignArchive> {
  const seen = new Map<string, { size: number; sha256: string }>();
  const blobs = new Map<string, string>();
  let manifest: CampaignArchiveManifest | null = null;
  try {
    const gunzipped = createReadStream(options.archive).pipe(createGunzip());
    for await (const entry of readTarStream(gunzipped, CAMPAIGN_ARCHIVE_LIMITS)) {
      if (manifest !== null) throw transferMismatch(`'${entry.path}' comes after the manifest`);
      if (entry.path === CAMPAIGN_MANIFEST_PATH) {
        if (entry.size > MAX_CAMPAIGN_MANIFEST_BYTES) throw notArchive('its manifest is too large');
        const chunks: Buffer[] = [];
        for await (const chunk of entry.data as AsyncIterable<Buffer>) chunks.push(chunk);
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          throw notArchive('its manifest is not JSON');
        }
        manifest = checkManifest(parsed);
        continue;
      }
      const fixed = FIXED.get(entry.path);
      const sha = entry.path.startsWith(BLOB_PREFIX) ? entry.path.slice(BLOB_PREFIX.length) : '';
      if (fixed === undefined && !isSha256(sha)) {
        throw transferMismatch(`'${entry.path}' is not a file of a campaign archive`);
      }
      const to = fixed === undefined ? options.blobs.tempPath() : join(options.work, fixed);
      options.made.push(to);
      seen.set(entry.path, await writeHashed(entry.data, to));
      if (fixed === undefined) blobs.set(sha, to);
    }
  } catch (error) {
    throw fromStreamError(error);
  }
  if (manifest === null) throw notArchive(`it has no ${CAMPAIGN_MANIFEST_PATH} at its end`);
  for (const file of manifest.files) {
    const got = seen.get(file.path);
    if (got === undefined) throw transferMismatch(`'${file.path}' is missing`);
    if (got.size !== file.size || got.sha256 !== file.sha256) {
      throw transferMismatch(`'${file.path}' differs from its digest`);
    }
    if (file.path.startsWith(BLOB_PREFIX) && file.path !== `${BLOB_PREFIX}${got.sha256}`) {
      throw transferMismatch(`'${file.path}' is not named by its SHA-256`);
    }
    seen.delete(file.path);
  }
  const extra = [...seen.keys()][0];
  if (extra !== undefined) throw transferMismatch(`'${extra}' is not in the manifest`);
  for (const path of FIXED.keys()) {
    if (!manifest.files.some((f) => f.path === path))
      throw transferMismatch(`'${path}' is missing`);
  }
  return {
    manifest,
    snapshotFile: join(options.work, FIXED.get(SNAPSHOT_PATH)!),
    eventsFile: join(options.work, FIXED.get(EVENTS_PATH)!),
    assetsFile: join(options.work, FIXED.get(ASSETS_PATH)!),
    blobs,
  };
}
