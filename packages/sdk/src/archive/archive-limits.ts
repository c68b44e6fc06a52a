/**
 * The limits a module archive must keep, on writing and on reading. The
 * reader counts the bytes it actually decompresses, never the sizes the tar
 * headers declare.
 */
import { VttError } from '@vtt/core';

/** Limits of one archive. Every field is a positive whole number. */
export interface ArchiveLimits {
  /** Most entries in the archive, the integrity record included. */
  readonly maxEntries: number;
  /** Most `/`-separated segments in one entry path. */
  readonly maxDepth: number;
  /** Most characters (Unicode code points) in one entry path. */
  readonly maxPathLength: number;
  /** Most bytes of one entry's content. */
  readonly maxEntryBytes: number;
  /** Most bytes of all entries' contents together, the integrity record included. */
  readonly maxTotalBytes: number;
}

/**
 * The limits used where none are given: 2,000 entries, 16 segments,
 * 240 characters per path, 16 MiB per entry, 64 MiB in all.
 *
 * @example
 * readArchive(bytes, { ...DEFAULT_ARCHIVE_LIMITS, maxTotalBytes: 128 * 1024 * 1024 });
 */
export const DEFAULT_ARCHIVE_LIMITS = {
  maxEntries: 2_000,
  maxDepth: 16,
  maxPathLength: 240,
  maxEntryBytes: 16 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
} as const satisfies ArchiveLimits;

/**
 * Fills the missing fields of `limits` from {@link DEFAULT_ARCHIVE_LIMITS}.
 * Runs at the start of every archive operation.
 *
 * @throws VttError `VTT_ERR_ARCHIVE_LIMIT_INVALID` for a field that is not a
 *   positive safe integer.
 * @example
 * resolveArchiveLimits({ maxEntries: 10 }).maxDepth; // 16
 */
export function resolveArchiveLimits(limits: Partial<ArchiveLimits> = {}): ArchiveLimits {
  const resolved: Record<string, number> = { ...DEFAULT_ARCHIVE_LIMITS };
  for (const [name, value] of Object.entries(limits)) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_ARCHIVE_LIMITS) || !Number.isSafeInteger(value) || value < 1) {
      throw new VttError('VTT_ERR_ARCHIVE_LIMIT_INVALID', { name, value: String(value) });
    }
    resolved[name] = value;
  }
  return resolved as unknown as ArchiveLimits;
}

/**
 * The most bytes the decompressed tar stream may have under `limits`: the
 * contents, plus at most 1,023 bytes of header and padding per entry, plus
 * the 1,024-byte end marker.
 */
export function maxTarBytes(limits: ArchiveLimits): number {
  return limits.maxTotalBytes + 1024 * (limits.maxEntries + 1);
}
