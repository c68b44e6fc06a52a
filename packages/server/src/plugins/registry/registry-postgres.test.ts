/**
 * The registry on PostgreSQL (VTT_TEST_POSTGRES_URL, by default the
 * machine's postgres://postgres@127.0.0.1:5432/test, in a database made for
 * this run and dropped after it): publishing, the search (case, wildcards,
 * paging, counts) and an install on an SQLite server from it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, setupAdmin, type JsonAnswer } from '../../test-support/http-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import type { RegistryListing } from './registry-types.js';
import { pack } from './test-support/star-probe.js';

const ADMIN_URL = process.env['VTT_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const database = `vtt_test_${randomBytes(6).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
})();

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${String(error)}): start it, or set ` +
        'VTT_TEST_POSTGRES_URL to a server where this user may create databases',
      { cause: error },
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let dataDir: string;
let registry: TestServer;
let other: TestServer;
beforeAll(async () => {
  await admin(`create database ${database}`);
  dataDir = await mkdtemp(join(tmpdir(), 'vtt-registry-pg-'));
  registry = await startTestServer({ databaseUrl, registry: true }, dataDir);
  other = await startTestServer();
});
afterAll(async () => {
  await Promise.all([registry?.dispose(), other?.dispose()]);
  await rm(dataDir, { recursive: true, force: true });
  await admin(`drop database if exists ${database} with (force)`);
});

async function publish(bytes: Uint8Array, token: string): Promise<JsonAnswer> {
  const res = await fetch(`${registry.url}/api/registry/modules`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body: bytes as BodyInit,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), headers: res.headers, text };
}

describe('a registry on PostgreSQL', () => {
  it('publishes, searches case-insensitively with literal wildcards, pages, and serves installs', async () => {
    const owner = await setupAdmin(registry);
    for (const [version, id] of [
      ['1.0.0', 'star-probe'],
      ['1.1.0', 'star-probe'],
      ['0.1.0', 'moon-probe'],
      ['0.2.0', 'sun-probe'],
    ] as const) {
      const published = await publish(pack(version, { id }), owner.token);
      expect(published.status, published.text).toBe(201);
    }
    const search = (q: string, extra = '') =>
      request<RegistryListing>(
        registry,
        'GET',
        `/api/registry/modules?q=${encodeURIComponent(q)}${extra}`,
      );
    const all = await search('PROBE', '&limit=2&offset=1');
    expect(all.status, all.text).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.modules.map((m) => m.id)).toEqual(['star-probe', 'sun-probe']);
    expect(all.body.modules[0]).toMatchObject({ latest: '1.1.0' });
    expect((await search('moon alice')).body.modules.map((m) => m.id)).toEqual(['moon-probe']);
    expect((await search('_')).body.total).toBe(0);
    expect((await search('%')).body.total).toBe(0);

    const otherAdmin = await setupAdmin(other);
    const installed = await request(other, 'POST', '/api/modules/install-from-registry', {
      token: otherAdmin.token,
      body: { registry: registry.url, module: 'star-probe@^1.0.0' },
    });
    expect(installed.status, installed.text).toBe(201);
    expect(installed.body).toMatchObject({ id: 'star-probe', version: '1.1.0' });
  });
});
