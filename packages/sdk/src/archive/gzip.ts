/**
 * The gzip layer of a module archive: a fixed-header writer, so packing is
 * reproducible, and a strict reader that stops decompressing at a byte cap
 * (a gzip bomb is refused after at most `maxBytes` of output).
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { VttError } from '@vtt/core';
import { maxTarBytes, type ArchiveLimits } from './archive-limits.js';

/**
 * The 10-byte gzip header every archive starts with: magic, deflate, no
 * flags, mtime 0, XFL 2 (maximum compression), OS 255 (unknown).
 */
export const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff);

const FLAG = { text: 1, headerCrc: 2, extra: 4, name: 8, comment: 16 } as const;

/**
 * Compresses `data` as one gzip member with {@link GZIP_HEADER}, deflate
 * level 9, window 15, memLevel 9, default strategy. The same input gives
 * the same bytes with the same zlib build.
 *
 * @example
 * const packed = gzipFixed(tarBytes);
 */
export function gzipFixed(data: Uint8Array): Uint8Array {
  const body = deflateRawSync(data, {
    level: 9,
    windowBits: 15,
    memLevel: 9,
    strategy: constants.Z_DEFAULT_STRATEGY,
  });
  const out = new Uint8Array(GZIP_HEADER.length + body.length + 8);
  out.set(GZIP_HEADER, 0);
  out.set(body, GZIP_HEADER.length);
  const trailer = new DataView(out.buffer, GZIP_HEADER.length + body.length, 8);
  trailer.setUint32(0, crc32(data), true);
  trailer.setUint32(4, data.length % 2 ** 32, true);
  return out;
}

/** The offset just past the gzip header of `bytes` (with any optional fields). */
function headerEnd(bytes: Uint8Array): number {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw new VttError('VTT_ERR_ARCHIVE_NOT_GZIP', { reason: 'the gzip magic bytes are missing' });
  }
  if (bytes.length < 10) throw truncated('the gzip header is incomplete');
  if (bytes[2] !== 8) {
    throw new VttError('VTT_ERR_ARCHIVE_NOT_GZIP', {
      reason: 'the compression method is not deflate',
    });
  }
  const flags = bytes[3] ?? 0;
  if ((flags & 0xe0) !== 0) {
    throw new VttError('VTT_ERR_ARCHIVE_NOT_GZIP', { reason: 'reserved header flags are set' });
  }
  let offset = 10;
  if ((flags & FLAG.extra) !== 0) {
    if (bytes.length < offset + 2) throw truncated('the gzip header is incomplete');
    offset += 2 + (bytes[offset] ?? 0) + ((bytes[offset + 1] ?? 0) << 8);
  }
  for (const flag of [FLAG.name, FLAG.comment]) {
    if ((flags & flag) === 0) continue;
    const end = bytes.indexOf(0, offset);
    if (end === -1) throw truncated('the gzip header is incomplete');
    offset = end + 1;
  }
  if ((flags & FLAG.headerCrc) !== 0) offset += 2;
  if (offset > bytes.length) throw truncated('the gzip header is incomplete');
  return offset;
}

function truncated(reason: string): VttError {
  return new VttError('VTT_ERR_ARCHIVE_TRUNCATED', { reason });
}

/** What zlib's sync API returns with `info: true` (not in @types/node's signature). */
interface InflateInfo {
  readonly buffer: Buffer;
  readonly engine: { readonly bytesWritten: number };
}

/**
 * Decompresses exactly one gzip member, refusing more output than the tar
 * stream of an archive within `limits` can have ({@link maxTarBytes}) as
 * soon as it is produced, a bad CRC or length, a cut-off stream and
 * any byte after the member's trailer.
 *
 * @throws VttError `VTT_ERR_ARCHIVE_NOT_GZIP`, `..._TOO_LARGE`,
 *   `..._TRUNCATED`, `..._CORRUPT` or `..._TRAILING_DATA`.
 * @example
 * const tar = gunzipCapped(archiveBytes, DEFAULT_ARCHIVE_LIMITS);
 */
export function gunzipCapped(bytes: Uint8Array, limits: ArchiveLimits): Uint8Array {
  const start = headerEnd(bytes);
  const body = bytes.subarray(start);
  let result: InflateInfo;
  try {
    result = inflateRawSync(body, {
      maxOutputLength: maxTarBytes(limits),
      info: true,
    }) as unknown as InflateInfo;
  } catch (error) {
    throw inflateError(error, limits.maxTotalBytes);
  }
  const consumed = result.engine.bytesWritten;
  const rest = body.length - consumed;
  if (rest < 8) throw truncated('the gzip trailer is missing');
  if (rest > 8) {
    throw new VttError('VTT_ERR_ARCHIVE_TRAILING_DATA', {
      bytes: rest - 8,
      where: 'after the gzip stream',
    });
  }
  const data = result.buffer;
  const trailer = new DataView(body.buffer, body.byteOffset + consumed, 8);
  if (trailer.getUint32(0, true) !== crc32(data)) {
    throw new VttError('VTT_ERR_ARCHIVE_CORRUPT', { reason: 'the gzip CRC-32 does not match' });
  }
  if (trailer.getUint32(4, true) !== data.length % 2 ** 32) {
    throw new VttError('VTT_ERR_ARCHIVE_CORRUPT', { reason: 'the gzip length does not match' });
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

function inflateError(error: unknown, maxBytes: number): VttError {
  const code = (error as { code?: unknown }).code;
  const cause = { cause: error };
  if (code === 'ERR_BUFFER_TOO_LARGE') {
    return new VttError('VTT_ERR_ARCHIVE_TOO_LARGE', { max: maxBytes }, cause);
  }
  if (code === 'Z_BUF_ERROR') {
    return new VttError(
      'VTT_ERR_ARCHIVE_TRUNCATED',
      { reason: 'the compressed data is cut off' },
      cause,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new VttError('VTT_ERR_ARCHIVE_CORRUPT', { reason: `deflate error: ${reason}` }, cause);
}
