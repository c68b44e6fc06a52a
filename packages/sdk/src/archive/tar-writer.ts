/**
 * Lays out entries as an uncompressed ustar stream: per entry a header and
 * the contents padded with zeros to 512 bytes, then two zero blocks.
 */
import { VttError } from '@vtt/core';
import type { ArchiveLimits } from './archive-limits.js';
import { BLOCK_SIZE, encodeFileHeader, splitUstarPath } from './tar-header.js';

/** One file to store: canonical path and contents. */
export interface TarEntry {
  readonly path: string;
  readonly data: Uint8Array;
}

function padded(size: number): number {
  return Math.ceil(size / BLOCK_SIZE) * BLOCK_SIZE;
}

/**
 * Encodes `entries` in the given order. Runs inside {@link writeArchive}
 * after every path and size has been checked.
 *
 * @throws VttError `VTT_ERR_ARCHIVE_PATH_TOO_LONG` for a path that does not
 *   fit ustar's `prefix`/`name` split.
 * @example
 * const tar = encodeTar([{ path: 'a.json', data }], DEFAULT_ARCHIVE_LIMITS);
 */
export function encodeTar(entries: readonly TarEntry[], limits: ArchiveLimits): Uint8Array {
  const headers = entries.map((entry) => {
    const split = splitUstarPath(entry.path);
    if (split === null) {
      throw new VttError('VTT_ERR_ARCHIVE_PATH_TOO_LONG', {
        path: entry.path,
        reason: 'it does not fit the tar name fields (155-byte folder part, 100-byte rest)',
        max: limits.maxPathLength,
      });
    }
    return encodeFileHeader({ ...split, size: entry.data.length });
  });
  const total =
    entries.reduce((sum, entry) => sum + BLOCK_SIZE + padded(entry.data.length), 0) +
    2 * BLOCK_SIZE;
  const tar = new Uint8Array(total);
  let offset = 0;
  entries.forEach((entry, index) => {
    tar.set(headers[index] ?? new Uint8Array(BLOCK_SIZE), offset);
    tar.set(entry.data, offset + BLOCK_SIZE);
    offset += BLOCK_SIZE + padded(entry.data.length);
  });
  return tar;
}
