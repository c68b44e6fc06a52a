/**
 * Installing, upgrading and removing modules on a real server (127.0.0.1,
 * SQLite, real QuickJS): archives packed in the test with the SDK's
 * `writeArchive`, uploaded over HTTP, played at live tables; hostile
 * archives from the SDK's refusal tables refused with nothing written.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  MANIFEST_FILE,
  MODULE_PROTOCOL_VERSION,
  type AckMessage,
  type RejectedMessage,
} from '@vtt/core';
import { writeArchive } from '@vtt/sdk/archive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerRefusals } from '../../../../sdk/src/archive/test-support/container-refusals.js';
import { contentRefusals } from '../../../../sdk/src/archive/test-support/content-refusals.js';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import {
  addUser,
  request,
  setupAdmin,
  type JsonAnswer,
  type TestUser,
} from '../../test-support/http-client.js';
import { campaignWith, LiveClient } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const MiB = 1024 * 1024;
const MAX_MODULE_BYTES = 4 * MiB;

let server: TestServer;
let admin: TestUser;
let gm: TestUser; // no admin: makes campaigns and plays
let pat: TestUser;

beforeAll(async () => {
  server = await startTestServer({ ...WITH_EXAMPLES, maxModuleBytes: MAX_MODULE_BYTES });
  admin = await setupAdmin(server);
  gm = await addUser(server, admin, 'gail');
  pat = await addUser(server, admin, 'pat');
});
afterAll(() => server.dispose());

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/**
 * The files of module `id` at `version`: a manifest, a bundle in the guest
 * protocol whose action `<id>:version` is refused with the version it runs
 * (so a table shows which version it loaded), and an asset.
 */
function moduleFiles(
  version: string,
  options: { id?: string; kind?: 'system' | 'addon'; manifest?: Record<string, unknown> } = {},
): { path: string; data: Uint8Array }[] {
  const id = options.id ?? 'probe';
  const description = {
    protocol: MODULE_PROTOCOL_VERSION,
    id,
    actions: { [`${id}:version`]: { schema: { type: 'object' } } },
    hooks: { before: [], after: [] },
    derived: [],
    initiative: false,
    initiativePassStep: null,
    rolls: {},
    chatCommands: {},
    macros: {},
  };
  const source = `
const description = ${JSON.stringify(description)};
let seq = 0;
export function vttDescribe() { return description; }
export function vttLoad(call) { if (call.seq !== undefined) seq = call.seq; return { seq }; }
export function vttApply(call) { for (const e of call.events) seq = e.seq; return { seq }; }
export function vttAction() { return { rejected: { reason: ${JSON.stringify(`${id} ${version}`)} } }; }
`;
  const manifest = {
    id,
    name: `Probe ${id}`,
    version,
    kind: options.kind ?? 'system',
    engine: '^0.1.0',
    entry: 'dist/module.js',
    actorTypes: { hero: { label: 'Hero', schema: { type: 'object' } } },
    ...options.manifest,
  };
  return [
    { path: MANIFEST_FILE, data: text(JSON.stringify(manifest, null, 2)) },
    { path: 'dist/module.js', data: text(source) },
    { path: 'assets/readme.txt', data: text(`version ${version}\n`) },
  ];
}

const pack = (version: string, options?: Parameters<typeof moduleFiles>[1]): Uint8Array =>
  writeArchive({ files: moduleFiles(version, options) });

interface Installed {
  id: string;
  version: string;
  kind: string;
  active: boolean;
  versions: string[];
}
interface ErrorBody {
  error: { code: string; params: Record<string, unknown> };
}

/** POSTs `bytes` as the archive body. */
async function upload<T = Installed>(
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  token: string | null = admin.token,
  headers: Record<string, string> = {},
): Promise<JsonAnswer<T>> {
  const res = await fetch(`${server.url}/api/modules`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: bytes as BodyInit,
    ...(bytes instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const body = await res.text();
  return { status: res.status, body: JSON.parse(body) as T, headers: res.headers, text: body };
}

/** Every file under the data folder's `modules/` and `tmp/` with its size, and every module row. */
async function footprint(): Promise<{ files: string[]; rows: unknown[] }> {
  const files: string[] = [];
  for (const folder of ['modules', 'tmp']) {
    const root = join(server.dataDir, folder);
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      const size = entry.isFile() ? (await stat(path)).size : 'dir';
      files.push(`${relative(server.dataDir, path)} ${size}`);
    }
  }
  const rows = await server.app.db.selectFrom('modules').selectAll().orderBy('id').execute();
  return { files: files.sort(), rows: rows.sort((a, b) => a.version.localeCompare(b.version)) };
}

const listed = async () =>
  (
    await request<{ modules: { id: string; version: string; versions: string[] }[] }>(
      server,
      'GET',
      '/api/modules',
      { token: pat.token },
    )
  ).body.modules;

/** A seated client of a campaign. */
async function seat(campaignId: string, user: TestUser): Promise<LiveClient> {
  const client = await LiveClient.open(server, campaignId, user);
  await client.join();
  return client;
}

/** The reason a table's module gave for refusing `<id>:version`: the version it runs. */
async function versionAt(client: LiveClient, id = 'probe'): Promise<unknown> {
  const answer = await client.action(`${id}:version`, {});
  expect(answer.type, JSON.stringify(answer)).toBe('rejected');
  expect((answer as RejectedMessage).error.code).toBe('VTT_ERR_MODULE_REJECTED');
  return (answer as RejectedMessage).error.params['reason'];
}

async function chat(client: LiveClient, words: string): Promise<void> {
  const answer = await client.request({ type: 'chat', text: words });
  expect(answer.type, JSON.stringify(answer)).toBe('ack');
  expect((answer as AckMessage).seq).toBeGreaterThan(0);
}

describe('installing and upgrading a module over HTTP', () => {
  let oldTable: LiveClient;
  let oldCampaign: string;

  it('installs a new module archive, lists it, and a campaign plays on it', async () => {
    const installed = await upload(pack('1.0.0'));
    expect(installed.status, installed.text).toBe(201);
    expect(installed.body).toMatchObject({
      id: 'probe',
      version: '1.0.0',
      kind: 'system',
      active: true,
      versions: ['1.0.0'],
    });
    expect((await listed()).find((m) => m.id === 'probe')).toMatchObject({
      version: '1.0.0',
      versions: ['1.0.0'],
    });
    const folder = join(server.dataDir, 'modules', 'probe', '1.0.0');
    expect(await readFile(join(folder, 'assets', 'readme.txt'), 'utf8')).toBe('version 1.0.0\n');

    oldCampaign = await campaignWith(server, gm, [pat], { system: 'probe', name: 'Old Table' });
    oldTable = await seat(oldCampaign, gm);
    expect(await versionAt(oldTable)).toBe('probe 1.0.0');
    await chat(oldTable, 'we play on 1.0.0');
  });

  it('refuses a tampered upgrade and leaves the old version active, writing nothing', async () => {
    const before = await footprint();
    const tampered = pack('1.1.0');
    tampered[Math.floor(tampered.length / 2)]! ^= 0xff;
    const refused = await upload<ErrorBody>(tampered);
    expect(refused.status, refused.text).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.body.error.code).toMatch(/^VTT_ERR_ARCHIVE_/);
    expect(await footprint()).toEqual(before);
    expect((await listed()).find((m) => m.id === 'probe')?.version).toBe('1.0.0');
    await chat(oldTable, 'still here');
    expect(await versionAt(oldTable)).toBe('probe 1.0.0');
  });

  it('upgrades while a table plays: the table keeps answering on the version it loaded', async () => {
    const playing = Array.from({ length: 5 }, (_, i) => chat(oldTable, `move ${i}`));
    const [upgraded] = await Promise.all([upload(pack('1.1.0')), ...playing]);
    expect(upgraded.status, upgraded.text).toBe(201);
    expect(upgraded.body).toMatchObject({
      version: '1.1.0',
      active: true,
      versions: ['1.0.0', '1.1.0'],
    });
    expect((await listed()).find((m) => m.id === 'probe')?.version).toBe('1.1.0');

    await chat(oldTable, 'after the upgrade');
    expect(await versionAt(oldTable)).toBe('probe 1.0.0');
    const newCampaign = await campaignWith(server, gm, [], { system: 'probe', name: 'New Table' });
    const newTable = await seat(newCampaign, gm);
    expect(await versionAt(newTable)).toBe('probe 1.1.0');
    await newTable.close();
    for (const version of ['1.0.0', '1.1.0']) {
      const bundle = join(server.dataDir, 'modules', 'probe', version, 'dist', 'module.js');
      expect(await readFile(bundle, 'utf8')).toContain(`probe ${version}`);
    }
  });

  it('stores an older version without activating it', async () => {
    const older = await upload(pack('0.9.0'));
    expect(older.status, older.text).toBe(201);
    expect(older.body).toMatchObject({ active: false, versions: ['0.9.0', '1.0.0', '1.1.0'] });
    expect((await listed()).find((m) => m.id === 'probe')).toMatchObject({
      version: '1.1.0',
      versions: ['0.9.0', '1.0.0', '1.1.0'],
    });
  });

  it('refuses a stored version again, a changed kind and a missing dependency, writing nothing', async () => {
    const before = await footprint();
    const cases: [Uint8Array, string, Record<string, unknown>][] = [
      [pack('1.1.0'), 'VTT_ERR_MODULE_VERSION_EXISTS', { id: 'probe', version: '1.1.0' }],
      [
        pack('2.0.0', { kind: 'addon' }),
        'VTT_ERR_MODULE_KIND_CHANGED',
        { installedKind: 'system' },
      ],
      [
        pack('2.0.0', { manifest: { dependencies: { 'dice-tray': '^1.0.0' } } }),
        'VTT_ERR_MODULE_DEPENDENCY_MISSING',
        { dependency: 'dice-tray', found: 'it is not installed' },
      ],
    ];
    for (const [bytes, code, params] of cases) {
      const refused = await upload<ErrorBody>(bytes);
      expect(refused.status, refused.text).toBe(409);
      expect(refused.body.error).toMatchObject({ code, params });
    }
    expect(await footprint()).toEqual(before);
  });

  afterAll(async () => {
    await oldTable?.close();
  });
});

describe('hostile archives over HTTP', () => {
  const picked = new Map([
    ['a ../ path', 'PATH_TRAVERSAL'],
    ['a .. hidden in the prefix', 'PATH_TRAVERSAL'],
    ['an absolute path', 'PATH_ABSOLUTE'],
    ['a symlink', 'SYMLINK'],
    ['a hard link', 'HARDLINK'],
    ['a case-folded duplicate', 'CASE_COLLISION'],
    ['an entry over 16 MiB', 'ENTRY_TOO_LARGE'],
    ['a total over 64 MiB', 'TOO_LARGE'],
    ['a file whose sha256 differs', 'INTEGRITY_MISMATCH'],
    ['a wrong digest', 'DIGEST_MISMATCH'],
    ['a plain tar', 'NOT_GZIP'],
  ]);
  const cases = [...containerRefusals, ...contentRefusals].filter((c) => picked.has(c.name));

  it('has every case it names', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...picked.keys()].sort());
    for (const c of cases) expect(c.code).toBe(picked.get(c.name));
  });

  it.each(cases)('refuses $name ($code) and writes nothing', async ({ archive, code }) => {
    const before = await footprint();
    const refused = await upload<ErrorBody>(archive(server.dataDir));
    expect(refused.status, refused.text).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.body.error.code).toBe(`VTT_ERR_ARCHIVE_${code}`);
    expect(await footprint()).toEqual(before);
  });

  it.each([
    ['no name', { name: undefined }, 'VTT_ERR_MODULE_FIELD_MISSING'],
    ['a version that is not semver', { version: 'one' }, 'VTT_ERR_MODULE_VERSION_INVALID'],
    [
      'an engine range this core is outside of',
      { engine: '^9.0.0' },
      'VTT_ERR_MODULE_ENGINE_MISMATCH',
    ],
    ['an entry bundle not in the archive', { entry: 'dist/other.js' }, 'VTT_ERR_MODULE_NOT_BUILT'],
  ])(
    'refuses a module with %s, naming the problem, and writes nothing',
    async (_, change, problem) => {
      const before = await footprint();
      const refused = await upload<ErrorBody>(pack('3.0.0', { id: 'broken', manifest: change }));
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'VTT_ERR_MODULE_ARCHIVE_INVALID',
        params: { problemCode: problem },
      });
      expect(await footprint()).toEqual(before);
    },
  );

  it('refuses a body over the size limit, declared or streamed, and writes nothing', async () => {
    const before = await footprint();
    const big = new Uint8Array(MAX_MODULE_BYTES + 1);
    const declared = await upload<ErrorBody>(big);
    expect(declared.status, declared.text).toBe(413);
    expect(declared.body.error.code).toBe('VTT_ERR_MODULE_ARCHIVE_TOO_LARGE');
    const chunk = new Uint8Array(MiB);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > MAX_MODULE_BYTES / MiB) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await upload<ErrorBody>(stream);
    expect(streamed.status, streamed.text).toBe(413);
    expect(streamed.body.error.code).toBe('VTT_ERR_MODULE_ARCHIVE_TOO_LARGE');
    expect(await footprint()).toEqual(before);
  });
});

describe('who may install and remove', () => {
  it('refuses a user who is no admin, and one not logged in', async () => {
    const before = await footprint();
    const byGm = await upload<ErrorBody>(pack('1.0.0', { id: 'sneaky' }), gm.token);
    expect(byGm.status).toBe(403);
    expect(byGm.body.error.code).toBe('VTT_ERR_AUTH_ADMIN_ONLY');
    const anonymous = await upload<ErrorBody>(pack('1.0.0', { id: 'sneaky' }), null);
    expect(anonymous.status).toBe(401);
    const removal = await request<ErrorBody>(server, 'DELETE', '/api/modules/dnd5e', {
      token: gm.token,
    });
    expect(removal.status).toBe(403);
    expect(removal.body.error.code).toBe('VTT_ERR_AUTH_ADMIN_ONLY');
    expect(await footprint()).toEqual(before);
  });
});

describe('removing a module', () => {
  const remove = (id: string) =>
    request<ErrorBody & { id: string; removed: string[] }>(server, 'DELETE', `/api/modules/${id}`, {
      token: admin.token,
    });

  it('is refused while a campaign uses it, naming the campaigns, and removes every version once unused', async () => {
    const inUse = await remove('probe');
    expect(inUse.status, inUse.text).toBe(409);
    expect(inUse.body.error.code).toBe('VTT_ERR_MODULE_IN_USE');
    expect(inUse.body.error.params).toMatchObject({ id: 'probe', count: 2 });
    expect(inUse.body.error.params['campaigns']).toContain('"New Table"');
    expect(inUse.body.error.params['campaigns']).toContain('"Old Table"');
    expect((await listed()).some((m) => m.id === 'probe')).toBe(true);

    const mine = await request<{ campaigns: { id: string; system: string }[] }>(
      server,
      'GET',
      '/api/campaigns',
      { token: gm.token },
    );
    for (const campaign of mine.body.campaigns.filter((c) => c.system === 'probe')) {
      const deleted = await request(server, 'DELETE', `/api/campaigns/${campaign.id}`, {
        token: gm.token,
      });
      expect(deleted.status, deleted.text).toBe(204);
    }
    const removed = await remove('probe');
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body).toEqual({ id: 'probe', removed: ['0.9.0', '1.0.0', '1.1.0'] });
    expect((await listed()).some((m) => m.id === 'probe')).toBe(false);
    expect(await readdir(join(server.dataDir, 'modules'))).not.toContain('probe');
    const rows = await server.app.db.selectFrom('modules').select('id').execute();
    expect(rows.map((r) => r.id)).not.toContain('probe');
    expect((await remove('probe')).body.error.code).toBe('VTT_ERR_MODULE_UNKNOWN_ID');
  });

  it('counts an add-on a campaign enabled, and a system in use', async () => {
    const installed = await upload(pack('1.0.0', { id: 'probe-extras', kind: 'addon' }));
    expect(installed.status, installed.text).toBe(201);
    const campaign = await campaignWith(server, gm, [], { name: 'Extras Table' });
    const table = await seat(campaign, gm);
    const setAddons = (addons: string[]) =>
      request(server, 'PUT', `/api/campaigns/${campaign}/modules`, {
        token: gm.token,
        body: { addons },
      });
    const enable = await setAddons(['probe-extras']);
    expect(enable.status, enable.text).toBe(200);

    const inUse = await remove('probe-extras');
    expect(inUse.status, inUse.text).toBe(409);
    expect(inUse.body.error.params['campaigns']).toContain('"Extras Table"');
    const dnd = await remove('dnd5e');
    expect(dnd.status).toBe(409);
    expect(dnd.body.error.params['campaigns']).toContain('"Extras Table"');

    const disable = await setAddons([]);
    expect(disable.status, disable.text).toBe(200);
    await table.close();
    const removed = await remove('probe-extras');
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.removed).toEqual(['1.0.0']);
  });
});
