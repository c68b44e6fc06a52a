/**
 * The integrity record of a module archive (`vtt-integrity.json`, always its
 * first entry): every other entry's path, size and SHA-256, and a digest over
 * that listing which identifies the module's content independently of
 * compression and tar layout.
 */
import { createHash } from 'node:crypto';
import { VttError } from '@vtt/core';
import { utf8 } from './archive-path.js';

/**
 * Path of the integrity record, the first entry of every archive.
 *
 * @example
 * readArchive(bytes).files.has(INTEGRITY_PATH); // false: returned as `integrity`
 */
export const INTEGRITY_PATH = 'vtt-integrity.json';

/**
 * The `format` of integrity records this code writes and reads; also the
 * first line of the canonical listing.
 *
 * @example
 * readArchive(bytes).integrity.format === INTEGRITY_FORMAT; // true
 */
export const INTEGRITY_FORMAT = 'vttmod-integrity/1';

/** One file of the listing. */
export interface ArchiveIntegrityEntry {
  /** Canonical entry path, e.g. `'assets/map.webp'`. */
  readonly path: string;
  /** Content length in bytes. */
  readonly size: number;
  /** SHA-256 of the content, 64 lowercase hex digits. */
  readonly sha256: string;
}

/** The parsed `vtt-integrity.json`. */
export interface ArchiveIntegrity {
  readonly format: typeof INTEGRITY_FORMAT;
  readonly algorithm: 'sha256';
  /** Every entry but the record itself, sorted by the UTF-8 bytes of `path`. */
  readonly files: readonly ArchiveIntegrityEntry[];
  /** SHA-256 (hex) of the canonical listing, see {@link canonicalListing}. */
  readonly digest: string;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** SHA-256 of `data` as lowercase hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Orders paths by their UTF-8 bytes (not by UTF-16 code units). */
export function compareByBytes(left: string, right: string): number {
  return Buffer.compare(utf8(left), utf8(right));
}

/**
 * The exact text the digest hashes: the line `vttmod-integrity/1`, then one
 * line `<sha256> <size> <path>` per file, sorted by the UTF-8 bytes of the
 * path, each line ending in `\n` (sha256 in lowercase hex, size in decimal).
 *
 * @example
 * canonicalListing([{ path: 'a.json', size: 2, sha256: 'ab…' }]);
 * // 'vttmod-integrity/1\nab… 2 a.json\n'
 */
export function canonicalListing(files: readonly ArchiveIntegrityEntry[]): string {
  const sorted = [...files].sort((left, right) => compareByBytes(left.path, right.path));
  return [INTEGRITY_FORMAT, ...sorted.map((file) => `${file.sha256} ${file.size} ${file.path}`)]
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * Builds the record for `files` (canonical paths, the record itself not
 * among them). Runs once per {@link writeArchive}.
 *
 * @example
 * const record = buildIntegrity([{ path: 'vtt-module.json', data }]);
 */
export function buildIntegrity(
  files: readonly { readonly path: string; readonly data: Uint8Array }[],
): ArchiveIntegrity {
  const listed = files
    .map((file) => ({ path: file.path, size: file.data.length, sha256: sha256Hex(file.data) }))
    .sort((left, right) => compareByBytes(left.path, right.path));
  return {
    format: INTEGRITY_FORMAT,
    algorithm: 'sha256',
    files: listed,
    digest: sha256Hex(canonicalListing(listed)),
  };
}

/** The record as the bytes stored in the archive: JSON, 2-space indent, final newline. */
export function serializeIntegrity(record: ArchiveIntegrity): Uint8Array {
  return utf8(`${JSON.stringify(record, null, 2)}\n`);
}

function malformed(reason: string): VttError {
  return new VttError('VTT_ERR_ARCHIVE_INTEGRITY_INVALID', { reason });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => own.includes(key));
}

/**
 * Parses and shape-checks the stored record (strict: no unknown fields).
 *
 * @throws VttError `VTT_ERR_ARCHIVE_INTEGRITY_INVALID`.
 * @example
 * const record = parseIntegrity(files.get('vtt-integrity.json')!);
 */
export function parseIntegrity(bytes: Uint8Array): ArchiveIntegrity {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw malformed('it is not UTF-8 JSON');
  }
  if (!isRecord(value) || !hasExactKeys(value, ['format', 'algorithm', 'files', 'digest'])) {
    throw malformed('it must be an object with exactly format, algorithm, files and digest');
  }
  if (value['format'] !== INTEGRITY_FORMAT) throw malformed(`format must be '${INTEGRITY_FORMAT}'`);
  if (value['algorithm'] !== 'sha256') throw malformed("algorithm must be 'sha256'");
  const digest = value['digest'];
  if (typeof digest !== 'string' || !HEX_SHA256.test(digest)) {
    throw malformed('digest must be 64 lowercase hex digits');
  }
  const files = value['files'];
  if (!Array.isArray(files)) throw malformed('files must be an array');
  const seen = new Set<string>();
  const listed = files.map((file: unknown, index): ArchiveIntegrityEntry => {
    const where = `files[${index}]`;
    if (!isRecord(file) || !hasExactKeys(file, ['path', 'size', 'sha256'])) {
      throw malformed(`${where} must be an object with exactly path, size and sha256`);
    }
    const { path, size, sha256 } = file;
    if (typeof path !== 'string' || path === '') throw malformed(`${where}.path must be a path`);
    if (!Number.isSafeInteger(size) || (size as number) < 0) {
      throw malformed(`${where}.size must be a whole number of bytes`);
    }
    if (typeof sha256 !== 'string' || !HEX_SHA256.test(sha256)) {
      throw malformed(`${where}.sha256 must be 64 lowercase hex digits`);
    }
    if (seen.has(path)) throw malformed(`${where}.path repeats '${path}'`);
    seen.add(path);
    return { path, size: size as number, sha256 };
  });
  return { format: INTEGRITY_FORMAT, algorithm: 'sha256', files: listed, digest };
}

/**
 * Checks the archive's files against the record: the digest over the
 * listing, then every file listed with the same size and SHA-256, and every
 * listed file present.
 *
 * @throws VttError `VTT_ERR_ARCHIVE_DIGEST_MISMATCH`,
 *   `..._INTEGRITY_UNLISTED`, `..._INTEGRITY_MISMATCH` or
 *   `..._INTEGRITY_FILE_MISSING`.
 * @example
 * verifyIntegrity(record, files); // returns nothing when all is well
 */
export function verifyIntegrity(
  record: ArchiveIntegrity,
  files: ReadonlyMap<string, Uint8Array>,
): void {
  const actual = sha256Hex(canonicalListing(record.files));
  if (actual !== record.digest) {
    throw new VttError('VTT_ERR_ARCHIVE_DIGEST_MISMATCH', { stated: record.digest, actual });
  }
  const listed = new Map(record.files.map((file) => [file.path, file]));
  for (const [path, data] of files) {
    const entry = listed.get(path);
    if (entry === undefined) throw new VttError('VTT_ERR_ARCHIVE_INTEGRITY_UNLISTED', { path });
    if (entry.size !== data.length) {
      throw new VttError('VTT_ERR_ARCHIVE_INTEGRITY_MISMATCH', { path, field: 'size' });
    }
    if (entry.sha256 !== sha256Hex(data)) {
      throw new VttError('VTT_ERR_ARCHIVE_INTEGRITY_MISMATCH', { path, field: 'sha256' });
    }
  }
  for (const path of listed.keys()) {
    if (!files.has(path)) throw new VttError('VTT_ERR_ARCHIVE_INTEGRITY_FILE_MISSING', { path });
  }
}
