/**
 * Reads a `.vttmod` archive in memory, checking every rule of the format
 * before handing back a single byte of it.
 */
import { VttError } from '@vtt/core';
import { resolveArchiveLimits, type ArchiveLimits } from './archive-limits.js';
import { gunzipCapped } from './gzip.js';
import {
  INTEGRITY_PATH,
  parseIntegrity,
  verifyIntegrity,
  type ArchiveIntegrity,
  type ArchiveIntegrityEntry,
} from './integrity.js';
import { parseTar } from './tar-reader.js';

/** What {@link readArchive} returns. */
export interface ReadArchiveResult {
  /** The module's files by canonical path (the integrity record not among them). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The verified integrity record. */
  readonly integrity: ArchiveIntegrity;
  /** The verified digest: SHA-256 (hex) of the canonical listing. */
  readonly digest: string;
}

/** What {@link inspectArchive} returns: the listing, without contents. */
export interface ArchiveInspection {
  /** Every file but the integrity record, sorted by path bytes. */
  readonly entries: readonly ArchiveIntegrityEntry[];
  /** The verified digest: SHA-256 (hex) of the canonical listing. */
  readonly digest: string;
  /** Sum of the files' sizes in bytes. */
  readonly totalBytes: number;
}

/**
 * Decompresses, parses and verifies an archive in memory; writes nothing.
 * Runs wherever a module is installed or checked (server upload, `vtt
 * install`, `vtt validate`). Decompression stops as soon as the output
 * passes what `limits` allow, so a gzip bomb costs at most that much memory.
 *
 * @returns The files, the integrity record and its digest, all verified.
 * @throws VttError with a `VTT_ERR_ARCHIVE_*` code for the first problem
 *   (see docs/reference/archive-format.md).
 * @example
 * const { files, digest } = readArchive(await readFile('my-system.vttmod'));
 * const manifest = JSON.parse(new TextDecoder().decode(files.get('vtt-module.json')));
 */
export function readArchive(bytes: Uint8Array, limits?: Partial<ArchiveLimits>): ReadArchiveResult {
  const resolved = resolveArchiveLimits(limits);
  const entries = parseTar(gunzipCapped(bytes, resolved), resolved);
  const [first, ...rest] = entries;
  if (first === undefined || first.path !== INTEGRITY_PATH) {
    throw new VttError('VTT_ERR_ARCHIVE_INTEGRITY_MISSING', { path: INTEGRITY_PATH });
  }
  const integrity = parseIntegrity(first.data);
  const files = new Map(rest.map((entry) => [entry.path, entry.data]));
  verifyIntegrity(integrity, files);
  return { files, integrity, digest: integrity.digest };
}

/**
 * Lists an archive and verifies its digest without writing anything: the
 * same checks as {@link readArchive}, returning sizes and hashes only.
 * Runs for `vtt inspect` and before an install asks for confirmation.
 *
 * @example
 * const { entries, digest } = inspectArchive(bytes);
 * for (const entry of entries) console.log(entry.path, entry.size, entry.sha256);
 */
export function inspectArchive(
  bytes: Uint8Array,
  limits?: Partial<ArchiveLimits>,
): ArchiveInspection {
  const { integrity } = readArchive(bytes, limits);
  return {
    entries: integrity.files,
    digest: integrity.digest,
    totalBytes: integrity.files.reduce((sum, entry) => sum + entry.size, 0),
  };
}
