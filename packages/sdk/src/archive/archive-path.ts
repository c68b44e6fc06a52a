/**
 * The rules for entry paths of a module archive, shared by the writer and the
 * reader: a path must be relative, stay inside the module folder, and be
 * valid and distinct on Windows, macOS and Linux alike.
 */
import { VttError } from '@vtt/core';
import type { ArchiveLimits } from './archive-limits.js';

/** The most UTF-8 bytes of one path segment (the ustar `name` field). */
export const MAX_SEGMENT_BYTES = 100;

const WINDOWS_RESERVED_CHARS = /[<>:"|?*]/;
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const DRIVE_LETTER = /^[A-Za-z]:/;
const LONE_SURROGATE = /\p{Cs}/u;
const encoder = new TextEncoder();

/** The first NUL or control character of `path` (C0, DEL and C1), or null. */
function findControlChar(path: string): string | null {
  for (const char of path) {
    const point = char.codePointAt(0) ?? 0;
    if (point < 0x20 || (point >= 0x7f && point <= 0x9f)) {
      return `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
  return null;
}

function invalid(path: string, reason: string): VttError {
  return new VttError('VTT_ERR_ARCHIVE_PATH_INVALID', { path, reason });
}

/**
 * Checks one entry path and returns its canonical form: `.` segments and
 * repeated slashes removed (`a/./b` and `a//b` become `a/b`). Runs for every
 * file the writer packs and every entry the reader meets.
 *
 * @throws VttError `VTT_ERR_ARCHIVE_PATH_*` naming the first rule broken.
 * @example
 * normaliseEntryPath('assets/./map.webp', DEFAULT_ARCHIVE_LIMITS); // 'assets/map.webp'
 * normaliseEntryPath('../evil', DEFAULT_ARCHIVE_LIMITS); // throws VTT_ERR_ARCHIVE_PATH_TRAVERSAL
 */
export function normaliseEntryPath(path: string, limits: ArchiveLimits): string {
  if (path.length === 0) throw invalid(path, 'it is empty');
  if (LONE_SURROGATE.test(path)) throw invalid(path, 'it is not valid Unicode');
  const control = findControlChar(path);
  if (control !== null) {
    throw new VttError('VTT_ERR_ARCHIVE_PATH_CONTROL_CHAR', {
      path: JSON.stringify(path),
      char: control,
    });
  }
  if (path.includes('\\')) throw new VttError('VTT_ERR_ARCHIVE_PATH_BACKSLASH', { path });
  if (path.startsWith('/')) throw new VttError('VTT_ERR_ARCHIVE_PATH_ABSOLUTE', { path });
  if (DRIVE_LETTER.test(path)) throw new VttError('VTT_ERR_ARCHIVE_PATH_DRIVE', { path });
  if (path.endsWith('/')) throw invalid(path, "it ends with '/', which names a folder");
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw new VttError('VTT_ERR_ARCHIVE_PATH_TRAVERSAL', { path });
  if (segments.length === 0) throw invalid(path, 'it names no file');
  for (const segment of segments) checkSegment(path, segment, limits);
  if (segments.length > limits.maxDepth) {
    throw new VttError('VTT_ERR_ARCHIVE_PATH_TOO_DEEP', {
      path,
      depth: segments.length,
      max: limits.maxDepth,
    });
  }
  const canonical = segments.join('/');
  const length = [...canonical].length;
  if (length > limits.maxPathLength) {
    throw new VttError('VTT_ERR_ARCHIVE_PATH_TOO_LONG', {
      path,
      reason: `${length} characters, the limit is ${limits.maxPathLength}`,
      max: limits.maxPathLength,
    });
  }
  return canonical;
}

function checkSegment(path: string, segment: string, limits: ArchiveLimits): void {
  if (utf8(segment).length > MAX_SEGMENT_BYTES) {
    throw new VttError('VTT_ERR_ARCHIVE_PATH_TOO_LONG', {
      path,
      reason: `the name '${segment}' is over ${MAX_SEGMENT_BYTES} bytes`,
      max: limits.maxPathLength,
    });
  }
  if (WINDOWS_RESERVED_CHARS.test(segment)) {
    throw invalid(path, 'it contains one of the characters < > : " | ? *');
  }
  if (segment.endsWith('.') || segment.endsWith(' ')) {
    throw invalid(path, 'a name ends with a dot or a space');
  }
  if (WINDOWS_DEVICE_NAMES.test(segment)) {
    throw invalid(path, `'${segment}' is a reserved device name on Windows`);
  }
}

/**
 * The key under which two paths collide on a case-insensitive,
 * normalisation-insensitive file system (Windows, macOS): NFC, case-folded.
 *
 * @example
 * foldPath('Assets/Map.webp') === foldPath('assets/map.webp'); // true
 */
export function foldPath(path: string): string {
  return path.normalize('NFC').toUpperCase().toLowerCase();
}

/**
 * Remembers the entries of one archive and refuses a second one that would
 * land on the same file, or that needs a stored file to be a folder.
 * The writer and the reader each use a fresh registry per archive.
 *
 * @example
 * const names = new EntryNameRegistry();
 * names.add('a/b.json');
 * names.add('A/B.json'); // throws VTT_ERR_ARCHIVE_CASE_COLLISION
 */
export class EntryNameRegistry {
  readonly #files = new Map<string, { readonly path: string; readonly original: string }>();
  readonly #folders = new Map<string, string>();

  /**
   * Registers the canonical `path` (as returned by {@link normaliseEntryPath});
   * `original` is the name as written, for messages.
   *
   * @throws VttError `VTT_ERR_ARCHIVE_DUPLICATE_ENTRY`,
   *   `VTT_ERR_ARCHIVE_CASE_COLLISION` or `VTT_ERR_ARCHIVE_PATH_CONFLICT`.
   */
  add(path: string, original: string = path): void {
    const key = foldPath(path);
    const same = this.#files.get(key);
    if (same !== undefined) {
      const code =
        same.path === path ? 'VTT_ERR_ARCHIVE_DUPLICATE_ENTRY' : 'VTT_ERR_ARCHIVE_CASE_COLLISION';
      throw new VttError(code, { path: original, other: same.original });
    }
    const folderUser = this.#folders.get(key);
    if (folderUser !== undefined) {
      throw new VttError('VTT_ERR_ARCHIVE_PATH_CONFLICT', { path: folderUser, other: original });
    }
    const segments = key.split('/');
    for (let depth = 1; depth < segments.length; depth += 1) {
      const folder = segments.slice(0, depth).join('/');
      const file = this.#files.get(folder);
      if (file !== undefined) {
        throw new VttError('VTT_ERR_ARCHIVE_PATH_CONFLICT', {
          path: original,
          other: file.original,
        });
      }
      if (!this.#folders.has(folder)) this.#folders.set(folder, original);
    }
    this.#files.set(key, { path, original });
  }
}

/** The UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
