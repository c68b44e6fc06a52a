/**
 * vtt install, in-process: the CLI's fixture module packed with `vtt pack`
 * and installed into a fresh data folder, upgraded, refused when tampered
 * with or while a server runs on the folder.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, openDatabase } from '@vtt/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../lib/io.js';
import { runCli } from '../program.js';

const fixture = fileURLToPath(new URL('../../test-fixtures/heroes', import.meta.url));
let base: string;
let moduleDir: string;
let data: string;

async function vtt(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Packs the fixture at `version` and returns the archive's path. */
async function packAt(version: string): Promise<string> {
  const manifestFile = join(moduleDir, 'vtt-module.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { version: string };
  await writeFile(manifestFile, JSON.stringify({ ...manifest, version }, null, 2));
  const out = join(base, `heroes-${version}.vttmod`);
  const packed = await vtt('pack', moduleDir, '--out', out);
  expect(packed.code, packed.err).toBe(0);
  return out;
}

/** The module rows of the data folder's database. */
async function rows(): Promise<{ id: string; version: string; active: number }[]> {
  const { db } = await openDatabase({ dataDir: data, databaseUrl: null });
  try {
    return await db
      .selectFrom('modules')
      .select(['id', 'version', 'active'])
      .orderBy('version')
      .execute();
  } finally {
    await db.destroy();
  }
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'vtt-install-'));
  moduleDir = join(base, 'heroes');
  data = join(base, 'vtt-data');
  await cp(fixture, moduleDir, { recursive: true });
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('vtt install', () => {
  it('installs a packed module into a new data folder', async () => {
    const archive = await packAt('1.0.0');
    const { code, out, err } = await vtt('install', archive, '--data', data, '--json');
    expect(code, err).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      id: 'heroes',
      version: '1.0.0',
      kind: 'system',
      active: true,
    });
    expect(await rows()).toEqual([{ id: 'heroes', version: '1.0.0', active: 1 }]);
    const installed = join(data, 'modules', 'heroes', '1.0.0');
    expect((await readdir(installed)).sort()).toEqual([
      'assets',
      'dist',
      'packs',
      'sheets',
      'vtt-module.json',
    ]);
  });

  it('refuses a tampered archive with the archive error code and writes nothing', async () => {
    const archive = await packAt('1.1.0');
    const bytes = await readFile(archive);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(archive, bytes);
    const { code, err } = await vtt('install', archive, '--data', data);
    expect(code).toBe(1);
    expect(err).toMatch(/VTT_ERR_ARCHIVE_[A-Z_]+/);
    expect(await rows()).toEqual([{ id: 'heroes', version: '1.0.0', active: 1 }]);
    expect(existsSync(join(data, 'modules', 'heroes', '1.1.0'))).toBe(false);
  });

  it('refuses while a server runs on the data folder, then upgrades once it stopped', async () => {
    const archive = await packAt('1.1.0');
    const server = await createServer({
      host: '127.0.0.1',
      port: 0,
      dataDir: data,
      installExamples: false,
      logLevel: 'silent',
    });
    try {
      const { code, err } = await vtt('install', archive, '--data', data);
      expect(code).toBe(1);
      expect(err).toContain('VTT_ERR_MODULE_DATA_IN_USE');
    } finally {
      await server.close();
    }
    expect(existsSync(join(data, 'modules', 'heroes', '1.1.0'))).toBe(false);

    const { code, out, err } = await vtt('install', archive, '--data', data);
    expect(code, err).toBe(0);
    expect(out).toContain('installed heroes@1.1.0 (system)');
    expect(out).toContain('now the active version');
    expect(await rows()).toEqual([
      { id: 'heroes', version: '1.0.0', active: 0 },
      { id: 'heroes', version: '1.1.0', active: 1 },
    ]);
  });

  it('refuses a version that is installed already, naming it', async () => {
    const archive = await packAt('1.0.0');
    const { code, out } = await vtt('install', archive, '--data', data, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out).errors.map((e: { code: string }) => e.code)).toEqual([
      'VTT_ERR_MODULE_VERSION_EXISTS',
    ]);
  });

  it('says when the archive is not a file', async () => {
    const { code, err } = await vtt('install', join(base, 'nope.vttmod'), '--data', data);
    expect(code).toBe(1);
    expect(err).toContain('VTT_ERR_PROJECT_ARCHIVE_MISSING');
  });

  it('has --help', async () => {
    const { code, out } = await vtt('install', '--help');
    expect(code).toBe(0);
    expect(out).toContain('--data <folder>');
    expect(out).toContain('must be stopped');
  });
});
