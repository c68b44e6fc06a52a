/**
 * Unpacks a verified `.vttmod` archive into a fresh temporary folder.
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { VttError } from '@vtt/core';
import type { ArchiveLimits } from './archive-limits.js';
import type { ArchiveIntegrity } from './integrity.js';
import { readArchive } from './read-archive.js';

/** Options of {@link extractArchive}. */
export interface ExtractArchiveOptions {
  /**
   * Existing folder in which the fresh folder is created (`vttmod-XXXXXX`).
   * Default: the OS temporary folder.
   */
  readonly into?: string;
  /** Limits the archive must keep; {@link DEFAULT_ARCHIVE_LIMITS} where left out. */
  readonly limits?: Partial<ArchiveLimits>;
}

/** What {@link extractArchive} returns. */
export interface ExtractedArchive {
  /** Absolute path of the folder created for this archive, holding its files. */
  readonly dir: string;
  /** The verified integrity record (not written to `dir`). */
  readonly integrity: ArchiveIntegrity;
  /** The verified digest. */
  readonly digest: string;
}

/**
 * Verifies the whole archive in memory ({@link readArchive}), then creates a
 * new folder with `mkdtemp` and writes the files into it, each with
 * exclusive create, never following or replacing anything. Nothing is
 * written for a refused archive, and on a failure while writing the new
 * folder is removed again. The caller owns (and removes) the folder.
 *
 * @returns The new folder, the integrity record and the digest.
 * @throws VttError with a `VTT_ERR_ARCHIVE_*` code for a refused archive.
 * @example
 * const { dir, digest } = await extractArchive(bytes);
 * try { await install(dir, digest); } finally { await rm(dir, { recursive: true, force: true }); }
 */
export async function extractArchive(
  bytes: Uint8Array,
  options: ExtractArchiveOptions = {},
): Promise<ExtractedArchive> {
  const { files, integrity, digest } = readArchive(bytes, options.limits);
  const dir = await realpath(await mkdtemp(join(options.into ?? tmpdir(), 'vttmod-')));
  try {
    for (const [path, data] of files) {
      const target = resolve(dir, ...path.split('/'));
      if (!target.startsWith(dir + sep)) {
        throw new VttError('VTT_ERR_ARCHIVE_PATH_TRAVERSAL', { path });
      }
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, data, { flag: 'wx', mode: 0o644 });
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, integrity, digest };
}
