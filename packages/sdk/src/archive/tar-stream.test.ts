import { PassThrough, Readable } from 'node:stream';
import { isVttError } from '@vtt/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ARCHIVE_LIMITS } from './archive-limits.js';
import { TarStreamWriter, readTarStream } from './tar-stream.js';
import { concat, craftTar } from './test-support/craft-tar.js';
import { file, text } from './test-support/refusal-case.js';

/** The tar bytes as a stream of small chunks, as a socket or gunzip would give them. */
function chunks(bytes: Uint8Array, size = 100): AsyncIterable<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(Buffer.from(bytes.subarray(i, i + size)));
  return Readable.from(parts);
}

async function readAll(bytes: Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const entry of readTarStream(chunks(bytes), DEFAULT_ARCHIVE_LIMITS)) {
    const parts: Buffer[] = [];
    for await (const part of entry.data as AsyncIterable<Buffer>) parts.push(part);
    out.set(entry.path, Buffer.concat(parts).toString('utf8'));
  }
  return out;
}

async function codeOf(bytes: Uint8Array): Promise<string> {
  try {
    await readAll(bytes);
  } catch (error) {
    if (isVttError(error)) return error.code;
    throw error;
  }
  return 'nothing thrown';
}

describe('TarStreamWriter and readTarStream', () => {
  it('round-trip files of any size, padding included, read in small chunks', async () => {
    const out = new PassThrough();
    const collected: Buffer[] = [];
    out.on('data', (c: Buffer) => collected.push(c));
    const tar = new TarStreamWriter(out, DEFAULT_ARCHIVE_LIMITS);
    await tar.addBytes('a.txt', text('alpha'));
    await tar.addBytes('deep/folder/empty.txt', new Uint8Array(0));
    await tar.addBytes('b.bin', new Uint8Array(1500).fill(7));
    await tar.end();
    out.end();
    const read = await readAll(concat(collected));
    expect([...read.keys()]).toEqual(['a.txt', 'deep/folder/empty.txt', 'b.bin']);
    expect(read.get('a.txt')).toBe('alpha');
    expect(read.get('b.bin')).toBe('\u0007'.repeat(1500));
  });

  it('the writer refuses a path that climbs out and a name given twice', async () => {
    const tar = new TarStreamWriter(new PassThrough(), DEFAULT_ARCHIVE_LIMITS);
    await expect(tar.addBytes('../evil', text('x'))).rejects.toMatchObject({
      code: 'VTT_ERR_ARCHIVE_PATH_TRAVERSAL',
    });
    await tar.addBytes('same', text('x'));
    await expect(tar.addBytes('same', text('y'))).rejects.toMatchObject({
      code: expect.stringMatching(/^VTT_ERR_ARCHIVE_/),
    });
  });

  it.each([
    ['a path that climbs out', craftTar([file('../evil')]), 'VTT_ERR_ARCHIVE_PATH_TRAVERSAL'],
    ['an absolute path', craftTar([file('/etc/passwd')]), 'VTT_ERR_ARCHIVE_PATH_ABSOLUTE'],
    [
      'a symlink',
      craftTar([{ name: 'link', type: '2', linkname: '/etc' }]),
      'VTT_ERR_ARCHIVE_SYMLINK',
    ],
    [
      'a hard link',
      craftTar([{ name: 'hard', type: '1', linkname: 'a' }]),
      'VTT_ERR_ARCHIVE_HARDLINK',
    ],
    ['a folder entry', craftTar([{ name: 'dir/', type: '5' }]), 'VTT_ERR_ARCHIVE_ENTRY_TYPE'],
    [
      'a bad header checksum',
      craftTar([{ ...file('a'), checksumDelta: 1 }]),
      'VTT_ERR_ARCHIVE_BAD_CHECKSUM',
    ],
    [
      'a cut-off entry',
      craftTar([file('a', 'x'.repeat(2000))]).subarray(0, 1200),
      'VTT_ERR_ARCHIVE_TRUNCATED',
    ],
    [
      'no end marker',
      craftTar([file('a')], { end: new Uint8Array(0) }),
      'VTT_ERR_ARCHIVE_TRUNCATED',
    ],
    [
      'bytes after the end marker',
      craftTar([file('a')], { end: concat([new Uint8Array(1024), text('more')]) }),
      'VTT_ERR_ARCHIVE_TRAILING_DATA',
    ],
  ])('refuses %s', async (_name, bytes, code) => {
    expect(await codeOf(bytes)).toBe(code);
  });
});
