/**
 * Test helper: crafts raw tar headers and archives byte by byte, independent
 * of the archive writer, so tests can build every malformed or hostile
 * archive the reader must refuse. Not part of the public API.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const encoder = new TextEncoder();

/** One raw tar entry. Every field can be set to a value the writer never emits. */
export interface CraftEntry {
  /** The name field: text (UTF-8) or raw bytes (e.g. with an embedded NUL). */
  readonly name: string | Uint8Array;
  readonly prefix?: string;
  /** Type flag, one character. Default `'0'`. */
  readonly type?: string;
  readonly data?: Uint8Array | string;
  /** Raw text of the 12-byte size field; default: the data length in octal. */
  readonly sizeField?: string | Uint8Array;
  readonly linkname?: string;
  /** Raw magic (6 bytes) and version (2 bytes); default `'ustar\0'`, `'00'`. */
  readonly magic?: string;
  readonly version?: string;
  /** Added to the correct checksum (0 keeps it right). */
  readonly checksumDelta?: number;
}

function bytesOf(value: string | Uint8Array): Uint8Array {
  return typeof value === 'string' ? encoder.encode(value) : value;
}

function put(header: Uint8Array, start: number, length: number, value: string | Uint8Array): void {
  header.set(bytesOf(value).subarray(0, length), start);
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** The contents of `entry` as bytes. */
export function dataOf(entry: CraftEntry): Uint8Array {
  return bytesOf(entry.data ?? '');
}

/** One 512-byte ustar header for `entry`, checksum computed (then shifted by `checksumDelta`). */
export function craftHeader(entry: CraftEntry): Uint8Array {
  const header = new Uint8Array(512);
  put(header, 0, 100, entry.name);
  put(header, 100, 8, octal(0o644, 8));
  put(header, 108, 8, octal(0, 8));
  put(header, 116, 8, octal(0, 8));
  put(header, 124, 12, entry.sizeField ?? octal(dataOf(entry).length, 12));
  put(header, 136, 12, octal(0, 12));
  put(header, 156, 1, entry.type ?? '0');
  put(header, 157, 100, entry.linkname ?? '');
  put(header, 257, 6, entry.magic ?? 'ustar\0');
  put(header, 263, 2, entry.version ?? '00');
  put(header, 329, 8, octal(0, 8));
  put(header, 337, 8, octal(0, 8));
  put(header, 345, 155, entry.prefix ?? '');
  header.fill(0x20, 148, 156);
  const sum = header.reduce((total, byte) => total + byte, 0) + (entry.checksumDelta ?? 0);
  put(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** Options of {@link craftTar}. */
export interface CraftTarOptions {
  /** What follows the entries; default two zero blocks. */
  readonly end?: Uint8Array;
}

/** A tar stream of `entries`: header, data padded to 512, then `end`. */
export function craftTar(
  entries: readonly CraftEntry[],
  options: CraftTarOptions = {},
): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const data = dataOf(entry);
    parts.push(craftHeader(entry), data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  parts.push(options.end ?? new Uint8Array(1024));
  return concat(parts);
}

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Plain gzip of `data` (any valid gzip must be accepted by the reader). */
export function gzip(data: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(data));
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function byBytes(left: string, right: string): number {
  return Buffer.compare(encoder.encode(left), encoder.encode(right));
}

/**
 * The integrity record for `files`, computed as docs/reference/archive-format.md
 * describes, independently of the module's own code.
 */
export function integrityRecord(
  files: readonly { readonly path: string; readonly data: Uint8Array }[],
): {
  format: string;
  algorithm: string;
  files: { path: string; size: number; sha256: string }[];
  digest: string;
} {
  const listed = files
    .map((file) => ({ path: file.path, size: file.data.length, sha256: sha256(file.data) }))
    .sort((left, right) => byBytes(left.path, right.path));
  const listing = ['vttmod-integrity/1', ...listed.map((f) => `${f.sha256} ${f.size} ${f.path}`)]
    .map((line) => `${line}\n`)
    .join('');
  return {
    format: 'vttmod-integrity/1',
    algorithm: 'sha256',
    files: listed,
    digest: sha256(listing),
  };
}

/** The integrity entry for `record` as the writer formats it. */
export function integrityEntry(record: unknown): CraftEntry {
  return { name: 'vtt-integrity.json', data: `${JSON.stringify(record, null, 2)}\n` };
}

/**
 * A gzip archive of `entries` preceded by a correct integrity record listing
 * every entry by its name (text names only), unless `withIntegrity` is false.
 */
export function craftArchive(
  entries: readonly CraftEntry[],
  options: CraftTarOptions & { readonly withIntegrity?: boolean } = {},
): Uint8Array {
  if (options.withIntegrity === false) return gzip(craftTar(entries, options));
  const listed = entries.map((entry) => ({
    path: `${entry.prefix ? `${entry.prefix}/` : ''}${typeof entry.name === 'string' ? entry.name : 'binary-name'}`,
    data: dataOf(entry),
  }));
  return gzip(craftTar([integrityEntry(integrityRecord(listed)), ...entries], options));
}
