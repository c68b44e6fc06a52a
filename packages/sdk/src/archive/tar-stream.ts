/**
 * Streaming ustar, for archives too big to hold in memory (server backups
 * with their assets): a writer that appends files read from disk to a
 * byte stream, and a reader that walks a byte stream entry by entry, each
 * entry's contents handed on as a stream. Same header format and the same
 * hostile-input rules as the in-memory reader (regular files only, checked
 * paths, no duplicate names, nothing after the end marker); sizes up to
 * ustar's 8 GiB per entry.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import { VttError } from '@vtt/core';
import type { ArchiveLimits } from './archive-limits.js';
import { EntryNameRegistry, normaliseEntryPath } from './archive-path.js';
import { checkType } from './tar-reader.js';
import {
  BLOCK_SIZE,
  decodeHeader,
  encodeFileHeader,
  isZeroBlock,
  splitUstarPath,
} from './tar-header.js';

/** The largest entry ustar's 11 octal size digits hold. */
const MAX_USTAR_SIZE = 8 ** 11 - 1;

const padding = (size: number): number => (BLOCK_SIZE - (size % BLOCK_SIZE)) % BLOCK_SIZE;

async function write(out: Writable, chunk: Uint8Array): Promise<void> {
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      out.off('drain', done);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    out.once('drain', done);
    out.once('error', done);
  });
}

/**
 * Writes a ustar stream to `out`, one entry at a time, with backpressure.
 *
 * @example
 * const tar = new TarStreamWriter(gzip, limits);
 * await tar.addFile('data/vtt.sqlite', '/tmp/copy.sqlite');
 * await tar.addBytes('manifest.json', bytes);
 * await tar.end();
 */
export class TarStreamWriter {
  readonly #out: Writable;
  readonly #limits: ArchiveLimits;
  readonly #names = new EntryNameRegistry();

  constructor(out: Writable, limits: ArchiveLimits) {
    this.#out = out;
    this.#limits = limits;
  }

  #header(path: string, size: number): Uint8Array {
    const canonical = normaliseEntryPath(path, this.#limits);
    this.#names.add(canonical, path);
    const split = splitUstarPath(canonical);
    if (split === null) throw new VttError('VTT_ERR_ARCHIVE_PATH_TOO_LONG', { path: canonical });
    if (size > MAX_USTAR_SIZE) {
      throw new VttError('VTT_ERR_ARCHIVE_ENTRY_TOO_LARGE', { path, max: MAX_USTAR_SIZE });
    }
    return encodeFileHeader({ ...split, size });
  }

  /** Appends the file at `source` on disk as entry `path`; fails if the file changes size meanwhile. */
  async addFile(path: string, source: string): Promise<void> {
    const { size } = await stat(source);
    await write(this.#out, this.#header(path, size));
    let written = 0;
    for await (const chunk of createReadStream(source) as AsyncIterable<Buffer>) {
      written += chunk.length;
      if (written > size) break;
      await write(this.#out, chunk);
    }
    if (written !== size) {
      throw new VttError('VTT_ERR_ARCHIVE_TRUNCATED', {
        reason: `'${path}' changed size while it was archived`,
      });
    }
    await write(this.#out, new Uint8Array(padding(size)));
  }

  /** Appends `data` as entry `path`. */
  async addBytes(path: string, data: Uint8Array): Promise<void> {
    await write(this.#out, this.#header(path, data.length));
    await write(this.#out, data);
    await write(this.#out, new Uint8Array(padding(data.length)));
  }

  /** Writes the end-of-archive marker (two zero blocks); `out` stays open. */
  async end(): Promise<void> {
    await write(this.#out, new Uint8Array(2 * BLOCK_SIZE));
  }
}

/** One entry met by {@link readTarStream}. */
export interface TarStreamEntry {
  /** The canonical path. */
  readonly path: string;
  readonly size: number;
  /** The contents; read it whole before the next entry comes. */
  readonly data: Readable;
}

function truncated(reason: string): VttError {
  return new VttError('VTT_ERR_ARCHIVE_TRUNCATED', { reason });
}

/** Reads exactly `n` bytes (or fewer at the end of the stream) from a chunk iterator. */
class ByteQueue {
  readonly #chunks: AsyncIterator<Buffer>;
  #head: Buffer = Buffer.alloc(0);
  #ended = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.#chunks = source[Symbol.asyncIterator]();
  }

  async #fill(): Promise<boolean> {
    if (this.#ended) return false;
    const next = await this.#chunks.next();
    if (next.done === true) {
      this.#ended = true;
      return false;
    }
    this.#head = this.#head.length === 0 ? next.value : Buffer.concat([this.#head, next.value]);
    return true;
  }

  /** The next `n` bytes, or fewer when the stream ends first. */
  async take(n: number): Promise<Buffer> {
    while (this.#head.length < n && (await this.#fill()));
    const out = this.#head.subarray(0, n);
    this.#head = this.#head.subarray(out.length);
    return out;
  }

  /** Up to `max` bytes that are already here (reading one more chunk if none is). */
  async some(max: number): Promise<Buffer> {
    if (this.#head.length === 0 && !(await this.#fill())) return Buffer.alloc(0);
    const out = this.#head.subarray(0, max);
    this.#head = this.#head.subarray(out.length);
    return out;
  }

  /** True when nothing is left. */
  async atEnd(): Promise<boolean> {
    return this.#head.length === 0 && !(await this.#fill());
  }
}

/**
 * Walks the ustar stream `source`, yielding each regular file with its
 * contents as a stream, and checking what the in-memory reader checks.
 *
 * @throws VttError with a `VTT_ERR_ARCHIVE_*` code for the first problem
 *   (a link or other entry type, a hostile or repeated name, an entry over
 *   `limits.maxEntryBytes`, more than `limits.maxEntries`, a cut-off stream,
 *   bytes after the end marker).
 * @example
 * for await (const entry of readTarStream(gunzipped, limits)) await pipeline(entry.data, sink(entry.path));
 */
export async function* readTarStream(
  source: AsyncIterable<Buffer>,
  limits: ArchiveLimits,
): AsyncGenerator<TarStreamEntry> {
  const bytes = new ByteQueue(source);
  const names = new EntryNameRegistry();
  let offset = 0;
  let count = 0;
  for (;;) {
    const block = await bytes.take(BLOCK_SIZE);
    if (block.length < BLOCK_SIZE) throw truncated('the end-of-archive marker is missing');
    if (isZeroBlock(block)) {
      const second = await bytes.take(BLOCK_SIZE);
      if (second.length < BLOCK_SIZE) throw truncated('the end-of-archive marker is incomplete');
      if (!isZeroBlock(second) || !(await bytes.atEnd())) {
        throw new VttError('VTT_ERR_ARCHIVE_TRAILING_DATA', {
          bytes: 'some',
          where: 'after the end-of-archive marker',
        });
      }
      return;
    }
    const header = decodeHeader(block, offset);
    checkType(header.type, header.path);
    const path = normaliseEntryPath(header.path, limits);
    if (++count > limits.maxEntries) {
      throw new VttError('VTT_ERR_ARCHIVE_TOO_MANY_ENTRIES', { max: limits.maxEntries });
    }
    names.add(path, header.path);
    if (header.size > limits.maxEntryBytes) {
      throw new VttError('VTT_ERR_ARCHIVE_ENTRY_TOO_LARGE', { path, max: limits.maxEntryBytes });
    }
    let left = header.size;
    const data = Readable.from(
      (async function* () {
        while (left > 0) {
          const chunk = await bytes.some(Math.min(left, 1024 * 1024));
          if (chunk.length === 0) throw truncated(`the contents of '${path}' are cut off`);
          left -= chunk.length;
          yield chunk;
        }
      })(),
      { objectMode: false },
    );
    yield { path, size: header.size, data };
    // The consumer read the contents (or not): skip what is left, then the padding.
    for await (const _chunk of data) {
      // drained
    }
    if (left > 0) throw truncated(`the contents of '${path}' are cut off`);
    const pad = padding(header.size);
    if ((await bytes.take(pad)).length < pad)
      throw truncated(`the padding of '${path}' is cut off`);
    offset += BLOCK_SIZE + header.size + pad;
  }
}
