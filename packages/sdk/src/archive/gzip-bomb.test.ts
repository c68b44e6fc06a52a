import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, createDeflateRaw, createGunzip } from 'node:zlib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractArchive, readArchive } from './index.js';
import { concat, craftHeader } from './test-support/craft-tar.js';

const GiB = 1024 * 1024 * 1024;
const MiB = 1024 * 1024;

/**
 * A valid gzip of a tar header followed by 1 GiB of zeros (about 1 MB),
 * built without ever holding the zeros: one deflate block that encodes
 * 1 MiB of zeros (after a sync flush, so it is byte-aligned and depends only
 * on the zeros before it) is repeated 1,023 times.
 */
async function buildBomb(): Promise<Uint8Array> {
  const header = craftHeader({ name: 'vtt-integrity.json', data: 'x' });
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const zeros = new Uint8Array(MiB);
  const flushed = async (data: Uint8Array): Promise<Uint8Array> => {
    deflate.write(data);
    await new Promise<void>((resolve) => deflate.flush(constants.Z_SYNC_FLUSH, () => resolve()));
    return concat(out.splice(0));
  };
  const first = await flushed(concat([header, zeros.subarray(header.length)]));
  const repeated = await flushed(zeros);
  deflate.end();
  await new Promise((resolve) => deflate.on('end', resolve));
  const last = concat(out.splice(0));
  const count = GiB / MiB;
  let crc = crc32(concat([header, zeros.subarray(header.length)]));
  for (let index = 1; index < count; index += 1) crc = crc32(zeros, crc);
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(0, crc, true);
  new DataView(trailer.buffer).setUint32(4, GiB % 2 ** 32, true);
  const gzipHeader = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3);
  return concat([gzipHeader, first, ...Array<Uint8Array>(count - 1).fill(repeated), last, trailer]);
}

describe('a gzip bomb', () => {
  let base = '';
  let bomb: Uint8Array = new Uint8Array(0);
  beforeAll(async () => {
    bomb = await buildBomb();
  });
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'vtt-bomb-test-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('is a valid gzip of about 1 MB that unpacks to 1 GiB (streamed, never held)', async () => {
    expect(bomb.length).toBeLessThan(2 * MiB);
    const gunzip = createGunzip({ chunkSize: MiB });
    let unpacked = 0;
    gunzip.on('data', (chunk: Buffer) => {
      unpacked += chunk.length;
    });
    const done = new Promise((resolve, reject) => {
      gunzip.on('end', resolve);
      gunzip.on('error', reject);
    });
    gunzip.end(bomb);
    await done;
    expect(unpacked).toBe(GiB);
  });

  it('is refused quickly with the size code, writing nothing', async () => {
    const started = performance.now();
    expect(() => readArchive(bomb)).toThrow(
      expect.objectContaining({ code: 'VTT_ERR_ARCHIVE_TOO_LARGE' }),
    );
    expect(performance.now() - started).toBeLessThan(3000);
    const into = join(base, 'into');
    await mkdir(into);
    await expect(extractArchive(bomb, { into })).rejects.toMatchObject({
      code: 'VTT_ERR_ARCHIVE_TOO_LARGE',
    });
    expect(await readdir(into)).toEqual([]);
  });

  it('is refused under a small custom limit too', () => {
    expect(() => readArchive(bomb, { maxTotalBytes: MiB, maxEntries: 10 })).toThrow(
      expect.objectContaining({ code: 'VTT_ERR_ARCHIVE_TOO_LARGE' }),
    );
  });
});
