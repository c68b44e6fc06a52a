/**
 * vtt publish and vtt install --registry, in-process against a real
 * registry server on 127.0.0.1: the CLI's fixture module packed with
 * `vtt pack`, published with an API token (flag or VTT_REGISTRY_TOKEN,
 * never printed), refused when republished, then installed as `id@range`
 * into an offline data folder.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, openDatabase, type VttServer } from '@vtt/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../lib/io.js';
import { runCli } from '../program.js';

const fixture = fileURLToPath(new URL('../../test-fixtures/heroes', import.meta.url));
let base: string;
let moduleDir: string;
let registry: VttServer;
let token: string;

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

async function post<T>(path: string, body: unknown, bearer?: string): Promise<T> {
  const res = await fetch(`${registry.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'vtt-publish-'));
  moduleDir = join(base, 'heroes');
  await cp(fixture, moduleDir, { recursive: true });
  registry = await createServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(base, 'registry-data'),
    installExamples: false,
    logLevel: 'silent',
    registry: true,
  });
  const setup = registry.setupUrl!.split('#')[1];
  const admin = await post<{ accessToken: string }>('/api/setup', {
    token: setup,
    name: 'alice',
    password: 'correct horse battery',
  });
  const made = await post<{ token: string }>(
    '/api/auth/tokens',
    { name: 'vtt publish', scopes: ['modules:publish'] },
    admin.accessToken,
  );
  token = made.token;
});
afterAll(async () => {
  await registry.close();
  await rm(base, { recursive: true, force: true });
});

describe('vtt publish', () => {
  it('publishes a packed module with --token and never prints the token', async () => {
    const archive = await packAt('1.0.0');
    const { code, out, err } = await vtt(
      'publish',
      archive,
      '--registry',
      registry.url,
      '--token',
      token,
      '--json',
    );
    expect(code, err).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      id: 'heroes',
      version: '1.0.0',
      kind: 'system',
      registry: registry.url,
      versions: ['1.0.0'],
    });
    expect(err).toContain(`publishing heroes-1.0.0.vttmod`);
    expect(out + err).not.toContain(token);
    const listed = (await (
      await fetch(`${registry.url}/api/registry/modules?q=heroes`)
    ).json()) as {
      modules: { id: string; latest: string }[];
    };
    expect(listed.modules).toMatchObject([{ id: 'heroes', latest: '1.0.0' }]);
  });

  it('takes the token from VTT_REGISTRY_TOKEN', async () => {
    const archive = await packAt('1.1.0');
    process.env['VTT_REGISTRY_TOKEN'] = token;
    try {
      const { code, out, err } = await vtt('publish', archive, '--registry', `${registry.url}/`);
      expect(code, err).toBe(0);
      expect(out).toContain(`published heroes@1.1.0 (system) on ${registry.url}`);
      expect(out).toContain('versions there: 1.0.0, 1.1.0');
      expect(out + err).not.toContain(token);
    } finally {
      delete process.env['VTT_REGISTRY_TOKEN'];
    }
  });

  it("refuses a published version again with the registry's code", async () => {
    const archive = join(base, 'heroes-1.0.0.vttmod');
    const { code, out } = await vtt(
      'publish',
      archive,
      '--registry',
      registry.url,
      '--token',
      token,
      '--json',
    );
    expect(code).toBe(1);
    expect(JSON.parse(out).errors.map((e: { code: string }) => e.code)).toEqual([
      'VTT_ERR_REGISTRY_VERSION_EXISTS',
    ]);
  });

  it('says what to do without a token, and with a bad token or registry', async () => {
    const archive = join(base, 'heroes-1.0.0.vttmod');
    const missing = await vtt('publish', archive, '--registry', registry.url);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('VTT_ERR_REGISTRY_TOKEN_MISSING');
    expect(missing.err).toContain('VTT_REGISTRY_TOKEN');

    const bad = await vtt('publish', archive, '--registry', registry.url, '--token', 'vtt_pat_x_y');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/VTT_ERR_AUTH_[A-Z_]+/);
    expect(bad.err).not.toContain('vtt_pat_x_y');

    const url = await vtt('publish', archive, '--registry', 'ftp://example.com', '--token', token);
    expect(url.code).toBe(1);
    expect(url.err).toContain('VTT_ERR_REGISTRY_URL_INVALID');
  });

  it('has --help with examples', async () => {
    const { code, out } = await vtt('publish', '--help');
    expect(code).toBe(0);
    expect(out).toContain('--registry <url>');
    expect(out).toContain('VTT_REGISTRY_TOKEN');
    expect(out).toContain('Examples:');
  });
});

describe('vtt install id@range --registry', () => {
  it('installs the newest matching version into an offline data folder', async () => {
    const data = join(base, 'offline-data');
    const { code, out, err } = await vtt(
      'install',
      'heroes@~1.0.0',
      '--registry',
      registry.url,
      '--data',
      data,
      '--json',
    );
    expect(code, err).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      id: 'heroes',
      version: '1.0.0',
      active: true,
      registry: registry.url,
    });
    const upgraded = await vtt('install', 'heroes', '--registry', registry.url, '--data', data);
    expect(upgraded.code, upgraded.err).toBe(0);
    expect(upgraded.out).toContain('installed heroes@1.1.0 (system)');
    const { db } = await openDatabase({ dataDir: data, databaseUrl: null });
    try {
      const rows = await db
        .selectFrom('modules')
        .select(['version', 'active'])
        .orderBy('version')
        .execute();
      expect(rows).toEqual([
        { version: '1.0.0', active: 0 },
        { version: '1.1.0', active: 1 },
      ]);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a range nothing matches, naming the versions there are, writing nothing', async () => {
    const data = join(base, 'empty-data');
    const { code, out } = await vtt(
      'install',
      'heroes@^2.0.0',
      '--registry',
      registry.url,
      '--data',
      data,
      '--json',
    );
    expect(code).toBe(1);
    const [error] = JSON.parse(out).errors as { code: string; message: string }[];
    expect(error?.code).toBe('VTT_ERR_REGISTRY_NO_MATCHING_VERSION');
    expect(error?.message).toContain('1.0.0 (engine ^0.1.0), 1.1.0 (engine ^0.1.0)');
    await expect(readFile(join(data, 'vtt.sqlite'))).rejects.toThrow();
  });
});
