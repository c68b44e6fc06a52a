/**
 * Walks a decompressed ustar stream and returns its regular files, refusing
 * everything else: links, devices, folders, extension headers, hostile or
 * colliding names, too many or too large entries, a cut-off stream and any
 * byte after the end marker.
 */
import { VttError } from '@vtt/core';
import type { ArchiveLimits } from './archive-limits.js';
import { EntryNameRegistry, normaliseEntryPath } from './archive-path.js';
import { BLOCK_SIZE, TAR_TYPE, decodeHeader, isZeroBlock } from './tar-header.js';
import type { TarEntry } from './tar-writer.js';

const LINK_OR_SPECIAL: Readonly<
  Record<
    string,
    'VTT_ERR_ARCHIVE_HARDLINK' | 'VTT_ERR_ARCHIVE_SYMLINK' | 'VTT_ERR_ARCHIVE_SPECIAL_FILE'
  >
> = {
  [TAR_TYPE.hardLink]: 'VTT_ERR_ARCHIVE_HARDLINK',
  [TAR_TYPE.symlink]: 'VTT_ERR_ARCHIVE_SYMLINK',
  [TAR_TYPE.charDevice]: 'VTT_ERR_ARCHIVE_SPECIAL_FILE',
  [TAR_TYPE.blockDevice]: 'VTT_ERR_ARCHIVE_SPECIAL_FILE',
  [TAR_TYPE.fifo]: 'VTT_ERR_ARCHIVE_SPECIAL_FILE',
};

function truncated(reason: string): VttError {
  return new VttError('VTT_ERR_ARCHIVE_TRUNCATED', { reason });
}

/** Checks the type flag of the entry at `path`: only regular files pass (the streaming reader's check too). */
export function checkType(type: string, path: string): void {
  if (type === TAR_TYPE.file || type === TAR_TYPE.oldFile) return;
  const printable = type === '\0' ? 'NUL' : type;
  const code = LINK_OR_SPECIAL[type] ?? 'VTT_ERR_ARCHIVE_ENTRY_TYPE';
  throw new VttError(code, { path: JSON.stringify(path).slice(1, -1), type: printable });
}

/**
 * Parses `tar` into its files with canonical paths, in stored order. Runs
 * inside {@link readArchive} on the bytes {@link gunzipCapped} produced.
 *
 * @throws VttError with a `VTT_ERR_ARCHIVE_*` code for the first problem.
 * @example
 * for (const { path, data } of parseTar(tar, DEFAULT_ARCHIVE_LIMITS)) console.log(path, data.length);
 */
export function parseTar(tar: Uint8Array, limits: ArchiveLimits): TarEntry[] {
  const entries: TarEntry[] = [];
  const names = new EntryNameRegistry();
  let total = 0;
  let offset = 0;
  for (;;) {
    if (offset + BLOCK_SIZE > tar.length) throw truncated('the end-of-archive marker is missing');
    const block = tar.subarray(offset, offset + BLOCK_SIZE);
    if (isZeroBlock(block)) break;
    const header = decodeHeader(block, offset);
    checkType(header.type, header.path);
    const path = normaliseEntryPath(header.path, limits);
    if (entries.length + 1 > limits.maxEntries) {
      throw new VttError('VTT_ERR_ARCHIVE_TOO_MANY_ENTRIES', { max: limits.maxEntries });
    }
    names.add(path, header.path);
    if (header.size > limits.maxEntryBytes) {
      throw new VttError('VTT_ERR_ARCHIVE_ENTRY_TOO_LARGE', { path, max: limits.maxEntryBytes });
    }
    const start = offset + BLOCK_SIZE;
    const data = tar.subarray(start, start + header.size);
    if (data.length < header.size) throw truncated(`the contents of '${path}' are cut off`);
    total += data.length;
    if (total > limits.maxTotalBytes) {
      throw new VttError('VTT_ERR_ARCHIVE_TOO_LARGE', { max: limits.maxTotalBytes });
    }
    entries.push({ path, data });
    offset = start + Math.ceil(header.size / BLOCK_SIZE) * BLOCK_SIZE;
  }
  const end = offset + 2 * BLOCK_SIZE;
  if (end > tar.length) throw truncated('the end-of-archive marker is incomplete');
  if (!isZeroBlock(tar.subarray(offset + BLOCK_SIZE, end))) {
    throw new VttError('VTT_ERR_ARCHIVE_TRAILING_DATA', {
      bytes: tar.length - offset - BLOCK_SIZE,
      where: 'after the first end-of-archive block',
    });
  }
  if (end < tar.length) {
    throw new VttError('VTT_ERR_ARCHIVE_TRAILING_DATA', {
      bytes: tar.length - end,
      where: 'after the end-of-archive marker',
    });
  }
  return entries;
}
