/**
 * One 512-byte POSIX ustar header: encoding the fixed, reproducible header
 * the writer emits, and decoding (with every check) a header the reader meets.
 */
import { VttError } from '@vtt/core';
import { utf8 } from './archive-path.js';

/** Size of a tar block; headers and padded contents are multiples of it. */
export const BLOCK_SIZE = 512;

/** The tar type flags the reader tells apart (POSIX ustar plus pax and GNU). */
export const TAR_TYPE = {
  file: '0',
  oldFile: '\0',
  hardLink: '1',
  symlink: '2',
  charDevice: '3',
  blockDevice: '4',
  directory: '5',
  fifo: '6',
  contiguous: '7',
  paxHeader: 'x',
  paxGlobal: 'g',
  gnuLongName: 'L',
  gnuLongLink: 'K',
} as const;

/** One of the type flags of {@link TAR_TYPE}. */
export type TarType = (typeof TAR_TYPE)[keyof typeof TAR_TYPE];

/** Byte ranges of the ustar header fields: [start, end). */
const FIELD = {
  name: [0, 100],
  mode: [100, 108],
  uid: [108, 116],
  gid: [116, 124],
  size: [124, 136],
  mtime: [136, 148],
  checksum: [148, 156],
  type: [156, 157],
  linkname: [157, 257],
  magic: [257, 263],
  version: [263, 265],
  uname: [265, 297],
  gname: [297, 329],
  devmajor: [329, 337],
  devminor: [337, 345],
  prefix: [345, 500],
} as const;

type FieldName = keyof typeof FIELD;

const USTAR_MAGIC = 'ustar\0';
const USTAR_VERSION = '00';
const decoder = new TextDecoder('utf-8', { fatal: true });

function writeField(header: Uint8Array, field: FieldName, bytes: Uint8Array): void {
  const [start, end] = FIELD[field];
  header.set(bytes.subarray(0, end - start), start);
}

/** `value` as zero-padded octal filling `width - 1` digits, then NUL. */
function octal(value: number, width: number): Uint8Array {
  return utf8(`${value.toString(8).padStart(width - 1, '0')}\0`);
}

/** The unsigned byte sum of `header` with its checksum field read as spaces. */
export function headerChecksum(header: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < BLOCK_SIZE; index += 1) {
    const inChecksum = index >= FIELD.checksum[0] && index < FIELD.checksum[1];
    sum += inChecksum ? 0x20 : (header[index] ?? 0);
  }
  return sum;
}

/**
 * Encodes the header of a regular file: mode 0644, uid/gid 0, mtime 0, empty
 * owner names, so the same path and size always give the same bytes.
 * `name` and `prefix` are the ustar split of the path ({@link splitUstarPath}).
 *
 * @example
 * encodeFileHeader({ name: 'vtt-module.json', prefix: '', size: 120 }).length; // 512
 */
export function encodeFileHeader(entry: {
  readonly name: string;
  readonly prefix: string;
  readonly size: number;
}): Uint8Array {
  const header = new Uint8Array(BLOCK_SIZE);
  writeField(header, 'name', utf8(entry.name));
  writeField(header, 'mode', octal(0o644, 8));
  writeField(header, 'uid', octal(0, 8));
  writeField(header, 'gid', octal(0, 8));
  writeField(header, 'size', octal(entry.size, 12));
  writeField(header, 'mtime', octal(0, 12));
  writeField(header, 'type', utf8(TAR_TYPE.file));
  writeField(header, 'magic', utf8(USTAR_MAGIC));
  writeField(header, 'version', utf8(USTAR_VERSION));
  writeField(header, 'devmajor', octal(0, 8));
  writeField(header, 'devminor', octal(0, 8));
  writeField(header, 'prefix', utf8(entry.prefix));
  writeField(header, 'checksum', utf8(`${headerChecksum(header).toString(8).padStart(6, '0')}\0 `));
  return header;
}

/**
 * Splits a canonical path into the ustar `prefix` (at most 155 bytes) and
 * `name` (at most 100 bytes) at a `/`, or returns null when no split fits.
 *
 * @example
 * splitUstarPath('assets/map.webp'); // { prefix: '', name: 'assets/map.webp' }
 */
export function splitUstarPath(path: string): { prefix: string; name: string } | null {
  if (utf8(path).length <= 100) return { prefix: '', name: path };
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    const prefix = path.slice(0, slash);
    const name = path.slice(slash + 1);
    if (utf8(name).length > 100) continue;
    return utf8(prefix).length <= 155 ? { prefix, name } : null;
  }
  return null;
}

/** What the reader learns from one header before looking at the entry's name. */
export interface DecodedHeader {
  /** The type flag, one byte as a string. */
  readonly type: string;
  /** The declared size of the contents (not trusted beyond bounds checks). */
  readonly size: number;
  /** `prefix/name` as stored, not yet checked against the path rules. */
  readonly path: string;
}

/** True when all 512 bytes of the block are zero (an end-of-archive block). */
export function isZeroBlock(block: Uint8Array): boolean {
  return block.every((byte) => byte === 0);
}

/**
 * Decodes and checks one header block found at `offset` of the tar stream:
 * checksum, ustar magic and version, no extension headers, an octal size and
 * a UTF-8 name without embedded NUL.
 *
 * @throws VttError `VTT_ERR_ARCHIVE_BAD_CHECKSUM`, `..._NOT_USTAR`,
 *   `..._EXTENSION_HEADER`, `..._BAD_HEADER`, `..._PATH_CONTROL_CHAR` or
 *   `..._PATH_INVALID`.
 * @example
 * const { path, size, type } = decodeHeader(tar.subarray(0, 512), 0);
 */
export function decodeHeader(block: Uint8Array, offset: number): DecodedHeader {
  const stored = parseOctal(field(block, 'checksum'));
  const actual = headerChecksum(block);
  if (stored !== actual) {
    throw new VttError('VTT_ERR_ARCHIVE_BAD_CHECKSUM', {
      offset,
      stored: stored === null ? 'unreadable' : stored,
      actual,
    });
  }
  const magic = String.fromCharCode(...field(block, 'magic'));
  const version = String.fromCharCode(...field(block, 'version'));
  if (magic !== USTAR_MAGIC || version !== USTAR_VERSION) {
    throw new VttError('VTT_ERR_ARCHIVE_NOT_USTAR', { offset, magic: JSON.stringify(magic) });
  }
  const type = String.fromCharCode(block[FIELD.type[0]] ?? 0);
  if (
    type === TAR_TYPE.paxHeader ||
    type === TAR_TYPE.paxGlobal ||
    type === TAR_TYPE.gnuLongName ||
    type === TAR_TYPE.gnuLongLink
  ) {
    throw new VttError('VTT_ERR_ARCHIVE_EXTENSION_HEADER', { offset, type });
  }
  const size = parseOctal(field(block, 'size'));
  if (size === null) throw new VttError('VTT_ERR_ARCHIVE_BAD_HEADER', { offset, field: 'size' });
  const name = decodeName(field(block, 'name'));
  const prefix = decodeName(field(block, 'prefix'));
  return { type, size, path: prefix === '' ? name : `${prefix}/${name}` };
}

function field(block: Uint8Array, name: FieldName): Uint8Array {
  const [start, end] = FIELD[name];
  return block.subarray(start, end);
}

/** The NUL-terminated UTF-8 text of a name field; a NUL inside the name is refused. */
function decodeName(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  const text = end === -1 ? bytes : bytes.subarray(0, end);
  let decoded: string;
  try {
    decoded = decoder.decode(text);
  } catch {
    throw new VttError('VTT_ERR_ARCHIVE_PATH_INVALID', {
      path: Array.from(text, (byte) => String.fromCharCode(byte)).join(''),
      reason: 'it is not valid UTF-8',
    });
  }
  if (end !== -1 && bytes.subarray(end).some((byte) => byte !== 0)) {
    throw new VttError('VTT_ERR_ARCHIVE_PATH_CONTROL_CHAR', {
      path: JSON.stringify(new TextDecoder().decode(bytes).replace(/\0+$/, '')),
      char: 'U+0000',
    });
  }
  return decoded;
}

/**
 * A numeric field: optional leading spaces, octal digits, then only NUL or
 * space. Base-256 (GNU) and anything else give null.
 */
function parseOctal(bytes: Uint8Array): number | null {
  let index = 0;
  while (index < bytes.length && bytes[index] === 0x20) index += 1;
  let value = 0;
  let digits = 0;
  for (; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x30 || byte > 0x37) break;
    value = value * 8 + (byte - 0x30);
    digits += 1;
  }
  if (digits === 0) return null;
  for (; index < bytes.length; index += 1) {
    if (bytes[index] !== 0 && bytes[index] !== 0x20) return null;
  }
  return Number.isSafeInteger(value) ? value : null;
}
