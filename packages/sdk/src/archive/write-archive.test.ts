import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isVttError } from '@vtt/core';
import { readArchive, writeArchive, type ArchiveFile, type ArchiveLimits } from './index.js';
import { craftTar, integrityEntry, integrityRecord } from './test-support/craft-tar.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

const longFolder = `${'f'.repeat(90)}/${'g'.repeat(40)}`;
const moduleFiles: ArchiveFile[] = [
  { path: 'vtt-module.json', data: text('{"id":"my-system","version":"1.0.0"}') },
  { path: 'dist/module.js', data: text('export default {};\n') },
  { path: 'sheets/character.json', data: text('{"layout":[]}') },
  { path: 'compendium/spells.json', data: text('[]') },
  { path: 'assets/map.webp', data: Uint8Array.from({ length: 1500 }, (_, i) => (i * 31) % 256) },
  { path: 'assets/empty.txt', data: new Uint8Array(0) },
  { path: 'assets/block.bin', data: new Uint8Array(512).fill(7) },
  { path: 'assets/Ünïcødé ✓.png', data: text('u') },
  { path: `${longFolder}/${'h'.repeat(99)}`, data: text('deep') },
];

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isVttError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a VttError, but nothing was thrown');
}

describe('writeArchive', () => {
  it('round-trips every file through readArchive', () => {
    const { files, integrity, digest } = readArchive(writeArchive({ files: moduleFiles }));
    expect(files.size).toBe(moduleFiles.length);
    for (const file of moduleFiles) expect(files.get(file.path)).toEqual(file.data);
    expect(integrity.files.map((entry) => entry.path)).toHaveLength(moduleFiles.length);
    expect(digest).toBe(integrity.digest);
  });

  it('is reproducible: the same files in any order give byte-identical archives', () => {
    const first = writeArchive({ files: moduleFiles });
    const second = writeArchive({ files: [...moduleFiles].reverse() });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('gives a different archive and digest when one content byte changes', () => {
    const changed = moduleFiles.map((file) =>
      file.path === 'assets/map.webp'
        ? { ...file, data: file.data.map((b, i) => (i === 700 ? b ^ 1 : b)) }
        : file,
    );
    const before = writeArchive({ files: moduleFiles });
    const after = writeArchive({ files: changed });
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false);
    expect(readArchive(after).digest).not.toBe(readArchive(before).digest);
  });

  it('writes a fixed gzip header: no mtime, XFL 2, OS 255', () => {
    const archive = writeArchive({ files: moduleFiles });
    expect([...archive.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
  });

  it('lays out exactly the documented ustar stream: record first, sorted, mode 0644, mtime 0', () => {
    const files = [
      { path: 'b.json', data: text('{}') },
      { path: 'a/z.txt', data: text('zz') },
      { path: 'B.txt', data: text('upper first in byte order') },
    ];
    const sorted = [...files].sort((l, r) =>
      Buffer.compare(Buffer.from(l.path), Buffer.from(r.path)),
    );
    const expected = craftTar([
      integrityEntry(integrityRecord(files)),
      ...sorted.map((file) => ({ name: file.path, data: file.data })),
    ]);
    const tar = gunzipSync(writeArchive({ files }));
    expect(Buffer.from(tar).equals(Buffer.from(expected))).toBe(true);
  });

  it('computes the digest exactly as documented', () => {
    const files = [
      { path: 'vtt-module.json', data: text('{}') },
      { path: 'assets/a.png', data: text('png') },
    ];
    const sha = (data: Uint8Array | string): string =>
      createHash('sha256').update(data).digest('hex');
    const listing =
      'vttmod-integrity/1\n' +
      `${sha(text('png'))} 3 assets/a.png\n` +
      `${sha(text('{}'))} 2 vtt-module.json\n`;
    expect(readArchive(writeArchive({ files })).digest).toBe(sha(listing));
  });

  it('stores canonical paths: a/./b is written as a/b', () => {
    const { files } = readArchive(
      writeArchive({ files: [{ path: 'a/./b.json', data: text('1') }] }),
    );
    expect([...files.keys()]).toEqual(['a/b.json']);
  });

  const small: Partial<ArchiveLimits> = { maxEntries: 3, maxEntryBytes: 10, maxTotalBytes: 2000 };
  it.each([
    [
      'a reserved name',
      [{ path: 'VTT-Integrity.json', data: text('x') }],
      {},
      'VTT_ERR_ARCHIVE_RESERVED_PATH',
    ],
    ['a .. path', [{ path: '../evil', data: text('x') }], {}, 'VTT_ERR_ARCHIVE_PATH_TRAVERSAL'],
    [
      'an absolute path',
      [{ path: '/etc/x', data: text('x') }],
      {},
      'VTT_ERR_ARCHIVE_PATH_ABSOLUTE',
    ],
    ['a backslash', [{ path: 'a\\b', data: text('x') }], {}, 'VTT_ERR_ARCHIVE_PATH_BACKSLASH'],
    [
      'duplicates after normalisation',
      [
        { path: 'a/./b', data: text('x') },
        { path: 'a/b', data: text('y') },
      ],
      {},
      'VTT_ERR_ARCHIVE_DUPLICATE_ENTRY',
    ],
    [
      'case-folded duplicates',
      [
        { path: 'Map.png', data: text('x') },
        { path: 'map.png', data: text('y') },
      ],
      {},
      'VTT_ERR_ARCHIVE_CASE_COLLISION',
    ],
    [
      'a file used as a folder',
      [
        { path: 'a', data: text('x') },
        { path: 'a/b', data: text('y') },
      ],
      {},
      'VTT_ERR_ARCHIVE_PATH_CONFLICT',
    ],
    [
      'too many entries',
      ['1', '2', '3'].map((path) => ({ path, data: text(path) })),
      small,
      'VTT_ERR_ARCHIVE_TOO_MANY_ENTRIES',
    ],
    [
      'an entry over the limit',
      [{ path: 'big', data: new Uint8Array(11) }],
      small,
      'VTT_ERR_ARCHIVE_ENTRY_TOO_LARGE',
    ],
    [
      'a total over the limit',
      [{ path: 'a', data: new Uint8Array(10) }],
      { maxTotalBytes: 100 },
      'VTT_ERR_ARCHIVE_TOO_LARGE',
    ],
    [
      'a path ustar cannot split',
      [
        {
          path: `${'a'.repeat(59)}/${'b'.repeat(59)}/${'c'.repeat(59)}/${'d'.repeat(60)}`,
          data: text('x'),
        },
      ],
      {},
      'VTT_ERR_ARCHIVE_PATH_TOO_LONG',
    ],
    [
      'a lone surrogate',
      [{ path: 'a\ud800.txt', data: text('x') }],
      {},
      'VTT_ERR_ARCHIVE_PATH_INVALID',
    ],
    [
      'a Windows device name',
      [{ path: 'aux.json', data: text('x') }],
      {},
      'VTT_ERR_ARCHIVE_PATH_INVALID',
    ],
    ['an invalid limit', [], { maxEntries: 0 }, 'VTT_ERR_ARCHIVE_LIMIT_INVALID'],
  ] as const)('refuses %s', (_name, files, limits, code) => {
    expect(codeOf(() => writeArchive({ files, limits }))).toBe(code);
  });
});
