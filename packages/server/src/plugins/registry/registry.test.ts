/**
 * The module marketplace with two real servers on 127.0.0.1: A is a
 * registry (`registry: true`), B is not. Modules are published to A over
 * HTTP, searched there, installed on B with
 * `POST /api/modules/install-from-registry` and played at a live table on
 * B; tampered archives, lying listings, ranges that match nothing, other
 * users' ids, republished versions and hostile archives are refused, with
 * nothing written where they are refused.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { RejectedMessage } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerRefusals } from '../../../../sdk/src/archive/test-support/container-refusals.js';
import { contentRefusals } from '../../../../sdk/src/archive/test-support/content-refusals.js';
import {
  addUser,
  request,
  setupAdmin,
  type JsonAnswer,
  type TestUser,
} from '../../test-support/http-client.js';
import { campaignWith, LiveClient } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import type { RegistryListing, RegistryModule } from './registry-types.js';
import { pack } from './test-support/star-probe.js';

let a: TestServer; // the registry
let b: TestServer; // installs from it
let aAdmin: TestUser;
let alice: TestUser; // publishes on A
let mallory: TestUser; // another user of A
let bAdmin: TestUser;
let bGm: TestUser;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer({ registry: true }), startTestServer()]);
  aAdmin = await setupAdmin(a);
  alice = await addUser(a, aAdmin, 'alice');
  mallory = await addUser(a, aAdmin, 'mallory');
  bAdmin = await setupAdmin(b);
  bGm = await addUser(b, bAdmin, 'gail');
});
afterAll(() => Promise.all([a.dispose(), b.dispose()]));

interface ErrorBody {
  error: { code: string; message: string; params: Record<string, unknown> };
}

/** POSTs `bytes` to A's publish route as `token`. */
async function publish<T = Record<string, unknown>>(
  bytes: Uint8Array,
  token: string | null,
): Promise<JsonAnswer<T>> {
  const res = await fetch(`${a.url}/api/registry/modules`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: bytes as BodyInit,
  });
  const body = await res.text();
  return { status: res.status, body: JSON.parse(body) as T, headers: res.headers, text: body };
}

/** B's admin installs `module` from `registry` (A by default). */
const installOnB = <T = Record<string, unknown>>(
  module: string,
  registry = a.url,
  token = bAdmin.token,
) =>
  request<T>(b, 'POST', '/api/modules/install-from-registry', {
    token,
    body: { registry, module },
  });

/** An API token of `user` on `server` with `scopes`. */
async function apiToken(server: TestServer, user: TestUser, scopes: string[]): Promise<string> {
  const made = await request<{ token: string }>(server, 'POST', '/api/auth/tokens', {
    token: user.token,
    body: { name: 'publisher', scopes },
  });
  expect(made.status, made.text).toBe(201);
  return made.body.token;
}

/** Every file under a data folder's `modules/`, `registry/` and `tmp/`, and its module rows. */
async function footprint(server: TestServer): Promise<{ files: string[]; rows: unknown[] }> {
  const files: string[] = [];
  for (const folder of ['modules', 'registry', 'tmp']) {
    const root = join(server.dataDir, folder);
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(entry.parentPath, entry.name);
      const size = entry.isFile() ? (await stat(path)).size : 'dir';
      files.push(`${relative(server.dataDir, path)} ${size}`);
    }
  }
  const rows = [
    ...(await server.app.db.selectFrom('modules').selectAll().execute()),
    ...(await server.app.db.selectFrom('registry_versions').selectAll().execute()),
  ];
  return { files: files.sort(), rows };
}

describe('publishing on a registry and installing on another server', () => {
  it('publishes a module as a logged-in user and lists it publicly with its digests', async () => {
    const bytes = pack('1.0.0');
    const published = await publish(bytes, alice.token);
    expect(published.status, published.text).toBe(201);
    expect(published.body).toMatchObject({
      id: 'star-probe',
      version: '1.0.0',
      kind: 'system',
      size: bytes.length,
      versions: ['1.0.0'],
    });

    // No login: another server or an embedder reads the listing.
    const found = await request<RegistryListing>(a, 'GET', '/api/registry/modules?q=SPACE%20alice');
    expect(found.status, found.text).toBe(200);
    expect(found.headers.get('access-control-allow-origin')).toBe('*');
    expect(found.body).toMatchObject({ total: 1, offset: 0, limit: 20 });
    expect(found.body.modules[0]).toMatchObject({
      id: 'star-probe',
      latest: '1.0.0',
      engine: '^0.1.0',
      description: 'Space opera rules for probing stars.',
      authors: [{ name: 'Alice Author', email: 'alice@example.com' }],
    });
    const none = await request<RegistryListing>(a, 'GET', '/api/registry/modules?q=fantasy');
    expect(none.body).toMatchObject({ total: 0, modules: [] });
    // LIKE wildcards in q are literal.
    const wild = await request<RegistryListing>(a, 'GET', '/api/registry/modules?q=%25');
    expect(wild.body.total).toBe(0);

    const detail = await request<RegistryModule>(a, 'GET', '/api/registry/modules/star-probe');
    expect(detail.status).toBe(200);
    const [entry] = detail.body.versions;
    expect(entry).toMatchObject({
      version: '1.0.0',
      digest: published.body['digest'],
      sha256: published.body['sha256'],
      size: bytes.length,
    });

    const download = await fetch(`${a.url}${entry!.archive}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('x-vtt-sha256')).toBe(entry!.sha256);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it('publishes with an API token that has modules:publish, and refuses one without it', async () => {
    const without = await apiToken(a, alice, ['campaigns:read']);
    const refused = await publish<ErrorBody>(pack('1.1.0'), without);
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.error.code).toBe('VTT_ERR_AUTH_SCOPE');
    const anonymous = await publish<ErrorBody>(pack('1.1.0'), null);
    expect(anonymous.status).toBe(401);

    const token = await apiToken(a, alice, ['modules:publish']);
    const published = await publish(pack('1.1.0'), token);
    expect(published.status, published.text).toBe(201);
    expect(published.body['versions']).toEqual(['1.0.0', '1.1.0']);
    expect(a.logLines.join('\n')).not.toContain(token);
  });

  it('installs id@range on B: the newest matching version, then a campaign plays on it', async () => {
    await publish(pack('2.0.0'), alice.token);
    const installed = await installOnB('star-probe@^1.0.0');
    expect(installed.status, installed.text).toBe(201);
    expect(installed.body).toMatchObject({
      id: 'star-probe',
      version: '1.1.0',
      kind: 'system',
      active: true,
      registry: a.url,
      versions: ['1.1.0'],
    });
    const campaign = await campaignWith(b, bGm, [], { system: 'star-probe', name: 'Far Stars' });
    const table = await LiveClient.open(b, campaign, bGm);
    try {
      await table.join();
      const answer = await table.action('star-probe:version', {});
      expect(answer.type, JSON.stringify(answer)).toBe('rejected');
      expect((answer as RejectedMessage).error.params['reason']).toBe('star-probe 1.1.0');
    } finally {
      await table.close();
    }
  });

  it('refuses a range that matches nothing, listing the versions there are', async () => {
    const before = await footprint(b);
    const refused = await installOnB<ErrorBody>('star-probe@^3.0.0');
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.error.code).toBe('VTT_ERR_REGISTRY_NO_MATCHING_VERSION');
    expect(refused.body.error.params['versions']).toBe(
      '1.0.0 (engine ^0.1.0), 1.1.0 (engine ^0.1.0), 2.0.0 (engine ^0.1.0)',
    );
    const unknown = await installOnB<ErrorBody>('no-such-module@^1.0.0');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('VTT_ERR_REGISTRY_MODULE_NOT_FOUND');
    expect(await footprint(b)).toEqual(before);
  });

  it('skips versions whose engine range this core does not meet', async () => {
    // A registry checks engine ranges against its own core too: a module for a future core is refused there.
    const future = await publish<ErrorBody>(pack('2.1.0', { engine: '^9.0.0' }), alice.token);
    expect(future.status).toBe(422);
    expect(future.body.error.params['problemCode']).toBe('VTT_ERR_MODULE_ENGINE_MISMATCH');
    // Such a listing entry (from a registry with a newer core) is passed over on B.
    await a.app.db
      .updateTable('registry_versions')
      .set({ engine: '^9.0.0' })
      .where('module_id', '=', 'star-probe')
      .where('version', '=', '2.0.0')
      .execute();
    const refused = await installOnB<ErrorBody>('star-probe@^2.0.0');
    expect(refused.body.error.code).toBe('VTT_ERR_REGISTRY_NO_MATCHING_VERSION');
    expect(String(refused.body.error.params['versions'])).toContain('2.0.0 (engine ^9.0.0)');
    await a.app.db
      .updateTable('registry_versions')
      .set({ engine: '^0.1.0' })
      .where('module_id', '=', 'star-probe')
      .where('version', '=', '2.0.0')
      .execute();
  });

  it("refuses an archive changed on the registry's disk after publishing, writing nothing on B", async () => {
    await publish(pack('1.2.0'), alice.token);
    const row = await a.app.db
      .selectFrom('registry_versions')
      .select(['path', 'sha256'])
      .where('module_id', '=', 'star-probe')
      .where('version', '=', '1.2.0')
      .executeTakeFirstOrThrow();
    const file = join(a.dataDir, 'registry', ...row.path.split('/'));
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(file, bytes);

    const before = await footprint(b);
    const refused = await installOnB<ErrorBody>('star-probe@~1.2.0');
    expect(refused.status, refused.text).toBe(502);
    expect(refused.body.error.code).toBe('VTT_ERR_REGISTRY_SHA256_MISMATCH');
    expect(refused.body.error.params['expected']).toBe(row.sha256);
    expect(refused.body.error.params['got']).not.toBe(row.sha256);
    expect(await footprint(b)).toEqual(before);
  });

  it('refuses an archive whose verified digest differs from the listing, writing nothing on B', async () => {
    const published = await publish(pack('1.3.0'), alice.token);
    expect(published.status, published.text).toBe(201);
    const lie = 'f'.repeat(64);
    await a.app.db
      .updateTable('registry_versions')
      .set({ digest: lie })
      .where('module_id', '=', 'star-probe')
      .where('version', '=', '1.3.0')
      .execute();
    const before = await footprint(b);
    const refused = await installOnB<ErrorBody>('star-probe@~1.3.0');
    expect(refused.status, refused.text).toBe(502);
    expect(refused.body.error.code).toBe('VTT_ERR_REGISTRY_DIGEST_MISMATCH');
    expect(refused.body.error.params).toMatchObject({
      expected: lie,
      got: published.body['digest'],
    });
    expect(await footprint(b)).toEqual(before);
  });

  it('refuses a registry that is unreachable or no registry, and a bad spec or address', async () => {
    const closed = await startTestServer();
    const address = closed.url;
    await closed.dispose();
    const unreachable = await installOnB<ErrorBody>('star-probe', address);
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.error.code).toBe('VTT_ERR_REGISTRY_UNREACHABLE');

    const notRegistry = await installOnB<ErrorBody>('star-probe', b.url);
    expect(notRegistry.status).toBe(502);
    expect(notRegistry.body.error.code).toBe('VTT_ERR_REGISTRY_ANSWER_INVALID');
    expect(notRegistry.body.error.message).toContain('VTT_ERR_REGISTRY_DISABLED');

    const spec = await installOnB<ErrorBody>('Star Probe@^1');
    expect(spec.body.error.code).toBe('VTT_ERR_REGISTRY_SPEC_INVALID');
    const file = await installOnB<ErrorBody>('star-probe', 'file:///etc/passwd');
    expect(file.body.error.code).toBe('VTT_ERR_REGISTRY_URL_INVALID');
  });

  it('lets only admins install from a registry', async () => {
    const refused = await installOnB<ErrorBody>('star-probe@^1.0.0', a.url, bGm.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('VTT_ERR_AUTH_ADMIN_ONLY');
    const token = await apiToken(b, bAdmin, ['modules:install']);
    const installed = await installOnB('star-probe@~1.1.0 || ~2.0.0', a.url, token);
    expect(installed.status, installed.text).toBe(201);
    expect(installed.body).toMatchObject({ version: '2.0.0', versions: ['1.1.0', '2.0.0'] });
  });
});

describe('what a registry refuses to publish', () => {
  it("refuses a second user's version of someone else's module id; an admin may publish it", async () => {
    const before = await footprint(a);
    const refused = await publish<ErrorBody>(pack('9.0.0'), mallory.token);
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.error.code).toBe('VTT_ERR_REGISTRY_NOT_OWNER');
    expect(await footprint(a)).toEqual(before);
    const byAdmin = await publish(pack('9.0.0'), aAdmin.token);
    expect(byAdmin.status, byAdmin.text).toBe(201);
    const own = await publish(pack('1.0.0', { id: 'mallory-dice', kind: 'addon' }), mallory.token);
    expect(own.status, own.text).toBe(201);
  });

  it('never replaces a published version, nor changes its kind', async () => {
    const before = await footprint(a);
    const again = await publish<ErrorBody>(pack('1.0.0', { description: 'Changed.' }), alice.token);
    expect(again.status, again.text).toBe(409);
    expect(again.body.error.code).toBe('VTT_ERR_REGISTRY_VERSION_EXISTS');
    const kind = await publish<ErrorBody>(pack('10.0.0', { kind: 'addon' }), alice.token);
    expect(kind.status).toBe(409);
    expect(kind.body.error.code).toBe('VTT_ERR_REGISTRY_KIND_CHANGED');
    expect(await footprint(a)).toEqual(before);
  });

  const picked = new Map([
    ['a ../ path', 'PATH_TRAVERSAL'],
    ['an absolute path', 'PATH_ABSOLUTE'],
    ['a symlink', 'SYMLINK'],
    ['a file whose sha256 differs', 'INTEGRITY_MISMATCH'],
    ['a wrong digest', 'DIGEST_MISMATCH'],
    ['a plain tar', 'NOT_GZIP'],
  ]);
  const cases = [...containerRefusals, ...contentRefusals].filter((c) => picked.has(c.name));

  it('has every hostile case it names', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...picked.keys()].sort());
  });

  it.each(cases)('refuses a hostile archive: $name ($code), storing nothing', async (c) => {
    const before = await footprint(a);
    const refused = await publish<ErrorBody>(c.archive(a.dataDir), alice.token);
    expect(refused.status, refused.text).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.body.error.code).toBe(`VTT_ERR_ARCHIVE_${c.code}`);
    expect(await footprint(a)).toEqual(before);
  });
});

describe('a server that is no registry', () => {
  it('answers 404 VTT_ERR_REGISTRY_DISABLED on every registry route', async () => {
    const answers = await Promise.all([
      request<ErrorBody>(b, 'GET', '/api/registry/modules'),
      request<ErrorBody>(b, 'GET', '/api/registry/modules/star-probe'),
      request<ErrorBody>(b, 'GET', '/api/registry/modules/star-probe/1.1.0/archive'),
      request<ErrorBody>(b, 'POST', '/api/registry/modules', { token: bAdmin.token }),
    ]);
    for (const answer of answers) {
      expect(answer.status, answer.text).toBe(404);
      expect(answer.body.error.code).toBe('VTT_ERR_REGISTRY_DISABLED');
    }
  });
});
