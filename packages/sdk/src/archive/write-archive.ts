/**
 * Packs a module's files into one reproducible `.vttmod` archive.
 */
import { VttError } from '@vtt/core';
import { resolveArchiveLimits, type ArchiveLimits } from './archive-limits.js';
import { EntryNameRegistry, foldPath, normaliseEntryPath } from './archive-path.js';
import { gzipFixed } from './gzip.js';
import { INTEGRITY_PATH, buildIntegrity, compareByBytes, serializeIntegrity } from './integrity.js';
import { encodeTar, type TarEntry } from './tar-writer.js';

/** One file of a module to pack. */
export interface ArchiveFile {
  /** POSIX path relative to the module folder, e.g. `'assets/map.webp'`. */
  readonly path: string;
  readonly data: Uint8Array;
}

/** Options of {@link writeArchive}. */
export interface WriteArchiveOptions {
  /** The module's files, in any order; `vtt-integrity.json` is reserved. */
  readonly files: readonly ArchiveFile[];
  /** Limits the archive must keep; {@link DEFAULT_ARCHIVE_LIMITS} where left out. */
  readonly limits?: Partial<ArchiveLimits>;
}

/**
 * Packs `files` into a `.vttmod` archive (gzip-compressed ustar) in memory.
 * Runs at `vtt pack`. The output is reproducible: entries sorted by the
 * UTF-8 bytes of their path after the integrity record, mode 0644, mtime 0,
 * uid/gid 0, no owner names, no folder entries, a fixed gzip header and
 * deflate level 9, so the same files give byte-identical archives.
 * The writer applies the reader's rules, so it never writes an archive
 * {@link readArchive} refuses.
 *
 * @returns The archive bytes.
 * @throws VttError with a `VTT_ERR_ARCHIVE_*` code for a path, size or count
 *   over the rules or limits.
 * @example
 * const bytes = writeArchive({
 *   files: [{ path: 'vtt-module.json', data: new TextEncoder().encode(manifestJson) }],
 * });
 * await writeFile('my-system-1.0.0.vttmod', bytes);
 */
export function writeArchive(options: WriteArchiveOptions): Uint8Array {
  const limits = resolveArchiveLimits(options.limits);
  if (options.files.length + 1 > limits.maxEntries) {
    throw new VttError('VTT_ERR_ARCHIVE_TOO_MANY_ENTRIES', { max: limits.maxEntries });
  }
  const names = new EntryNameRegistry();
  names.add(INTEGRITY_PATH);
  const files: TarEntry[] = options.files.map((file) => {
    const path = normaliseEntryPath(file.path, limits);
    if (foldPath(path) === INTEGRITY_PATH) {
      throw new VttError('VTT_ERR_ARCHIVE_RESERVED_PATH', { path: file.path });
    }
    names.add(path, file.path);
    if (file.data.length > limits.maxEntryBytes) {
      throw new VttError('VTT_ERR_ARCHIVE_ENTRY_TOO_LARGE', {
        path: file.path,
        max: limits.maxEntryBytes,
      });
    }
    return { path, data: file.data };
  });
  files.sort((left, right) => compareByBytes(left.path, right.path));
  const record = serializeIntegrity(buildIntegrity(files));
  const total = files.reduce((sum, file) => sum + file.data.length, record.length);
  if (total > limits.maxTotalBytes) {
    throw new VttError('VTT_ERR_ARCHIVE_TOO_LARGE', { max: limits.maxTotalBytes });
  }
  return gzipFixed(encodeTar([{ path: INTEGRITY_PATH, data: record }, ...files], limits));
}
