import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArchive, inspectArchive, readArchive, writeArchive } from './index.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const files = [
  { path: 'vtt-module.json', data: text('{"id":"my-system"}') },
  { path: 'dist/module.js', data: text('export default {};') },
  { path: 'assets/maps/cave.webp', data: Uint8Array.from({ length: 3000 }, (_, i) => i % 251) },
];

async function listTree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

describe('extractArchive', () => {
  let base = '';
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'vtt-extract-test-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('writes every file into a fresh folder inside `into`, and nothing else', async () => {
    const archive = writeArchive({ files });
    const { dir, digest } = await extractArchive(archive, { into: base });
    expect(dirname(dir)).toBe(await import('node:fs/promises').then((fs) => fs.realpath(base)));
    expect(await readdir(base)).toEqual([relative(dirname(dir), dir)]);
    expect(await listTree(dir)).toEqual(files.map((file) => file.path).sort());
    for (const file of files) {
      expect(new Uint8Array(await readFile(join(dir, ...file.path.split('/'))))).toEqual(file.data);
    }
    expect(digest).toBe(readArchive(archive).digest);
  });

  it('creates a new folder on every call, so two extractions never mix', async () => {
    const archive = writeArchive({ files });
    const first = await extractArchive(archive, { into: base });
    const second = await extractArchive(archive, { into: base });
    expect(second.dir).not.toBe(first.dir);
    expect((await readdir(base)).sort()).toHaveLength(2);
  });

  it('defaults to the OS temporary folder', async () => {
    const { dir } = await extractArchive(writeArchive({ files }));
    try {
      expect((await stat(join(dir, 'vtt-module.json'))).isFile()).toBe(true);
      expect(
        relative(await import('node:fs/promises').then((fs) => fs.realpath(tmpdir())), dir),
      ).not.toMatch(/^\.\./);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('inspectArchive', () => {
  it('lists paths, sizes and hashes with the verified digest', () => {
    const archive = writeArchive({ files });
    const inspection = inspectArchive(archive);
    expect(inspection.entries.map((entry) => [entry.path, entry.size])).toEqual([
      ['assets/maps/cave.webp', 3000],
      ['dist/module.js', 18],
      ['vtt-module.json', 18],
    ]);
    expect(inspection.totalBytes).toBe(3036);
    expect(inspection.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(inspection.digest).toBe(readArchive(archive).digest);
  });
});
