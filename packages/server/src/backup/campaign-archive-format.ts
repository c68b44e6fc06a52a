/**
 * The campaign archive (`GET /api/campaigns/:id/archive`, `POST
 * /api/campaigns/import`): one campaign moved between servers as a
 * gzip-compressed ustar of `campaign/snapshot.json` (its earliest snapshot),
 * `campaign/events.jsonl` (every event after it, one JSON a line, in seq
 * order), `campaign/assets.json` (its asset rows, without the columns that
 * belong to one server), `assets/<sha256>` (each blob once), and as its LAST
 * entry `vtt-campaign.json`, the manifest: the campaign, the modules it uses,
 * its seq and state hash, and every file's size and SHA-256.
 */
import { resolveArchiveLimits, type ArchiveLimits } from '@vtt/sdk/archive';

/** The manifest's format name and version. */
export const CAMPAIGN_ARCHIVE_FORMAT = 'vtt-campaign';
export const CAMPAIGN_ARCHIVE_VERSION = 1;
/** The manifest's entry name: always the last entry. */
export const CAMPAIGN_MANIFEST_PATH = 'vtt-campaign.json';
/** The fixed entries besides the blobs. */
export const SNAPSHOT_PATH = 'campaign/snapshot.json';
export const EVENTS_PATH = 'campaign/events.jsonl';
export const ASSETS_PATH = 'campaign/assets.json';
/** Where blobs sit: `assets/<sha256>`. */
export const BLOB_PREFIX = 'assets/';

/**
 * The largest archive `POST /api/campaigns/import` takes (256 MiB,
 * compressed). Bigger campaigns move with `vtt backup` / `vtt restore`.
 */
export const MAX_CAMPAIGN_ARCHIVE_BYTES = 256 * 1024 * 1024;

/** The largest manifest read (it lists one line per file). */
export const MAX_CAMPAIGN_MANIFEST_BYTES = 16 * 1024 * 1024;

/**
 * Limits of a campaign archive once decompressed: 2 GiB in all (a gzip
 * bomb stops there), 100 000 entries, short paths.
 */
export const CAMPAIGN_ARCHIVE_LIMITS: ArchiveLimits = resolveArchiveLimits({
  maxEntries: 100_000,
  maxDepth: 4,
  maxPathLength: 256,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 2 * 1024 ** 3,
});

/** One file of the archive. */
export interface CampaignArchiveFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** A module the campaign uses: its system, then its add-ons in hook order. */
export interface CampaignArchiveModule {
  readonly id: string;
  readonly version: string;
  /** `system` or `addon`, as the modules table says. */
  readonly kind: string;
}

/** `vtt-campaign.json`. */
export interface CampaignArchiveManifest {
  readonly format: typeof CAMPAIGN_ARCHIVE_FORMAT;
  readonly version: typeof CAMPAIGN_ARCHIVE_VERSION;
  readonly campaign: { readonly id: string; readonly name: string; readonly system: string };
  readonly modules: readonly CampaignArchiveModule[];
  /** Seq of the last event in the archive. */
  readonly seq: number;
  /** `stateHash` of the snapshot with every event applied. */
  readonly stateHash: string;
  readonly files: readonly CampaignArchiveFile[];
}

/** `campaign/snapshot.json`: the snapshot row, its state kept as the text the server stored. */
export interface ArchivedSnapshot {
  readonly seq: number;
  readonly state: string;
}

/** One row of `campaign/assets.json`: an asset row without `campaign_id` and `uploaded_by`. */
export interface ArchivedAsset {
  readonly id: string;
  readonly sha256: string;
  readonly mime: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly name: string;
  readonly visibility: string;
  readonly created_at: number;
}

/**
 * A file name for the archive of campaign `name`: letters, digits and
 * dashes only, so it is safe in a `Content-Disposition` header.
 *
 * @example
 * archiveFileName('Tomb of Horrors!'); // 'tomb-of-horrors.vtt-campaign.tar.gz'
 */
export function archiveFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug === '' ? 'campaign' : slug}.vtt-campaign.tar.gz`;
}
