/**
 * A campaign moved between two real servers as one archive: exported by
 * its GM on A (not by a player), imported on B by B's admin, who becomes
 * its only GM and can play at once; the table, its log and its map arrive
 * unchanged. An import is refused, with nothing written, when the campaign
 * is already there, when a module is missing or at another version (named
 * as `id@version`), and when a file was tampered with (named).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { stateHash, type TableState } from '@vtt/core';
import { readTarStream, TarStreamWriter } from '@vtt/sdk/archive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, png, upload } from '../test-support/asset-uploads.js';
import { WITH_EXAMPLES } from '../test-support/examples.js';
import { addUser, setupAdmin, type TestUser } from '../test-support/http-client.js';
import { campaignWith, LiveClient } from '../test-support/live-client.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import {
  CAMPAIGN_ARCHIVE_LIMITS,
  CAMPAIGN_MANIFEST_PATH,
  type CampaignArchiveManifest,
} from './campaign-archive-format.js';
import { filesUnder } from './backup-format.js';

let a: TestServer;
let b: TestServer;
let bare: TestServer;
let gmA: TestUser;
let playerA: TestUser;
let adminB: TestUser;
let adminBare: TestUser;
let campaignId: string;
let mapUrl: string;
let mapBytes: Buffer;
let archive: Buffer;

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

async function importArchive(server: TestServer, user: TestUser, bytes: Buffer): Promise<Answer> {
  const res = await fetch(`${server.url}/api/campaigns/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/** The tar entries of a .tar.gz, in order. */
async function entriesOf(bytes: Buffer): Promise<{ path: string; data: Buffer }[]> {
  const out: { path: string; data: Buffer }[] = [];
  const source = new PassThrough();
  source.end(gunzipSync(bytes));
  for await (const entry of readTarStream(source, CAMPAIGN_ARCHIVE_LIMITS)) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry.data as AsyncIterable<Buffer>) chunks.push(chunk);
    out.push({ path: entry.path, data: Buffer.concat(chunks) });
  }
  return out;
}

/** The archive with its manifest edited. */
async function withManifest(
  bytes: Buffer,
  edit: (m: CampaignArchiveManifest) => CampaignArchiveManifest,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const tar = new TarStreamWriter(out, CAMPAIGN_ARCHIVE_LIMITS);
  for (const { path, data } of await entriesOf(bytes)) {
    const next =
      path === CAMPAIGN_MANIFEST_PATH
        ? Buffer.from(JSON.stringify(edit(JSON.parse(data.toString('utf8')))))
        : data;
    await tar.addBytes(path, next);
  }
  await tar.end();
  return gzipSync(Buffer.concat(chunks));
}

async function manifestOf(bytes: Buffer): Promise<CampaignArchiveManifest> {
  const last = (await entriesOf(bytes)).at(-1)!;
  expect(last.path).toBe(CAMPAIGN_MANIFEST_PATH);
  return JSON.parse(last.data.toString('utf8')) as CampaignArchiveManifest;
}

/** What a server holds of the campaign: rows and files, for "nothing written" checks. */
async function traces(server: TestServer) {
  const rows = await server.app.db
    .selectFrom('campaigns')
    .select('id')
    .where('id', '=', campaignId)
    .execute();
  const blobs = (await filesUnder(join(server.dataDir, 'assets'))).filter((f) =>
    f.endsWith(mapSha()),
  );
  const leftovers = (await readdir(server.dataDir)).filter((n) => n.startsWith('.campaign-'));
  const temps = (await readdir(join(server.dataDir, 'assets')).catch(() => [])).filter((n) =>
    n.startsWith('.upload-'),
  );
  return { rows: rows.length, blobs, leftovers, temps };
}

let sha = '';
const mapSha = () => sha;

/** The state's documents that moved, hashed one by one (membership differs on purpose). */
function documents(state: TableState) {
  return {
    scenes: stateHash(state.scenes),
    tokens: stateHash(state.tokens),
    actors: stateHash(state.actors),
    chat: stateHash(state.chat),
    rng: stateHash(state.rng),
  };
}

beforeAll(async () => {
  [a, b, bare] = await Promise.all([
    startTestServer(WITH_EXAMPLES),
    startTestServer(WITH_EXAMPLES),
    startTestServer(),
  ]);
  gmA = await setupAdmin(a);
  playerA = await addUser(a, gmA, 'pia');
  adminB = await setupAdmin(b, 'bea');
  adminBare = await setupAdmin(bare, 'ben');
  campaignId = await campaignWith(a, gmA, [playerA]);
  mapBytes = await png(320, 200);
  const map = await upload(a, gmA, campaignId, mapBytes, { name: 'Keep' });
  expect(map.status, map.text).toBe(201);
  mapUrl = map.body.url;
  const gmc = await LiveClient.open(a, campaignId, gmA);
  await gmc.join();
  const acks = [
    await gmc.action('core:create-scene', {
      id: 's',
      name: 'Keep',
      background: { asset: map.body.id },
    }),
    await gmc.action('core:create-token', { id: 't', sceneId: 's', name: 'Goblin', x: 0, y: 0 }),
    await gmc.action('core:create-token', { id: 'u', sceneId: 's', name: 'Orc', x: 50, y: 50 }),
    await gmc.action('core:move-token', { tokenId: 't', x: 100, y: 0 }),
    await gmc.action('core:move-token', { tokenId: 't', x: 200, y: 40 }),
    await gmc.request({ type: 'chat', text: 'The keep looms.' }),
  ];
  for (const ack of acks) expect(ack.type, JSON.stringify(ack)).toBe('ack');
  const pc = await LiveClient.open(a, campaignId, playerA);
  await pc.join();
  expect((await pc.request({ type: 'chat', text: 'I knock.' })).type).toBe('ack');
  await pc.close();
  // While the dice session runs its seed is secret, from the GM too: no archive.
  const running = await fetchBytes(a, gmA, `/api/campaigns/${campaignId}/archive`);
  expect(running.status).toBe(409);
  expect(running.text).toContain('VTT_ERR_TRANSFER_SESSION_RUNNING');
  expect((await gmc.action('core:end-session', {})).type).toBe('ack');
  await gmc.close();

  const got = await fetchBytes(a, gmA, `/api/campaigns/${campaignId}/archive`);
  expect(got.status, got.text).toBe(200);
  expect(got.headers.get('content-disposition')).toBe(
    'attachment; filename="tomb-of-horrors.vtt-campaign.tar.gz"',
  );
  archive = got.bytes;
  const asset = await a.app.db
    .selectFrom('assets')
    .select('sha256')
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  sha = asset.sha256;
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose(), bare?.dispose()]);
});

describe('campaign archive export and import', () => {
  it("is the GM's: a player is refused, a stranger does not learn the campaign exists", async () => {
    const asPlayer = await fetchBytes(a, playerA, `/api/campaigns/${campaignId}/archive`);
    expect(asPlayer.status).toBe(403);
    expect(JSON.parse(asPlayer.text).error.code).toBe('VTT_ERR_CAMPAIGN_GM_ONLY');
    const stranger = await addUser(a, gmA, 'sam');
    const asStranger = await fetchBytes(a, stranger, `/api/campaigns/${campaignId}/archive`);
    expect(asStranger.status).toBe(404);
  });

  it('holds the earliest snapshot, the log, the assets and the manifest last', async () => {
    const entries = await entriesOf(archive);
    expect(entries.map((e) => e.path)).toEqual([
      'campaign/snapshot.json',
      'campaign/events.jsonl',
      'campaign/assets.json',
      `assets/${sha}`,
      CAMPAIGN_MANIFEST_PATH,
    ]);
    const manifest = await manifestOf(archive);
    const live = await a.app.tables.state(campaignId);
    expect(manifest.seq).toBe(live.seq);
    expect(manifest.stateHash).toBe(stateHash(live));
    expect(manifest.campaign).toEqual({ id: campaignId, name: 'Tomb of Horrors', system: 'dnd5e' });
    expect(manifest.modules[0]).toMatchObject({ id: 'dnd5e', kind: 'system' });
    const assets = JSON.parse(entries[2]!.data.toString('utf8')) as Record<string, unknown>[];
    expect(Object.keys(assets[0]!)).not.toContain('campaign_id');
    expect(Object.keys(assets[0]!)).not.toContain('uploaded_by');
  });

  it('refuses a campaign whose system module is missing, naming it, and writes nothing', async () => {
    const { modules } = await manifestOf(archive);
    const answer = await importArchive(bare, adminBare, archive);
    expect(answer.status).toBe(409);
    expect(answer.body.error?.code).toBe('VTT_ERR_TRANSFER_MODULES');
    expect(answer.body.error?.message).toContain(`dnd5e@${modules[0]!.version}`);
    expect(await traces(bare)).toEqual({ rows: 0, blobs: [], leftovers: [], temps: [] });
  });

  it('refuses another installed version, naming both', async () => {
    const edited = await withManifest(archive, (m) => ({
      ...m,
      modules: [{ ...m.modules[0]!, version: '0.0.1-old' }, ...m.modules.slice(1)],
    }));
    const { modules } = await manifestOf(archive);
    const answer = await importArchive(b, adminB, edited);
    expect(answer.status).toBe(409);
    expect(answer.body.error?.code).toBe('VTT_ERR_TRANSFER_MODULES');
    expect(answer.body.error?.message).toContain(
      `dnd5e@0.0.1-old (this server has dnd5e@${modules[0]!.version})`,
    );
    expect(await traces(b)).toEqual({ rows: 0, blobs: [], leftovers: [], temps: [] });
  });

  it('refuses a tampered asset, naming the file, and writes nothing', async () => {
    const tar = gunzipSync(archive);
    const at = tar.indexOf(mapBytes.subarray(64, 96));
    expect(at).toBeGreaterThan(0);
    tar[at + 4] = tar[at + 4]! ^ 0xff;
    const answer = await importArchive(b, adminB, gzipSync(tar));
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('VTT_ERR_TRANSFER_MISMATCH');
    expect(answer.body.error?.message).toContain(`'assets/${sha}' differs from its digest`);
    expect(await traces(b)).toEqual({ rows: 0, blobs: [], leftovers: [], temps: [] });
  });

  it('refuses a state that does not hash to the manifest', async () => {
    const edited = await withManifest(archive, (m) => ({ ...m, stateHash: '0'.repeat(64) }));
    const answer = await importArchive(b, adminB, edited);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('VTT_ERR_TRANSFER_MISMATCH');
    expect(answer.body.error?.message).toContain('stateHash');
    expect((await traces(b)).rows).toBe(0);
  });

  it('imports on B: same log and documents, the importer its only GM, playing at once, the map', async () => {
    const before = await a.app.tables.state(campaignId);
    const answer = await importArchive(b, adminB, archive);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toEqual({
      id: campaignId,
      name: 'Tomb of Horrors',
      system: 'dnd5e',
      seq: before.seq,
    });
    // The log exactly as A wrote it.
    const log = (server: TestServer) =>
      server.app.db
        .selectFrom('events')
        .select(['seq', 'type', 'event'])
        .where('campaign_id', '=', campaignId)
        .orderBy('seq')
        .execute();
    expect(await log(b)).toEqual(await log(a));
    const members = await b.app.db
      .selectFrom('members')
      .select(['user_id', 'role'])
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(members).toEqual([{ user_id: adminB.id, role: 'gm' }]);

    // The table loads, its members reconciled with the rows: the importer in, A's people out.
    const state = await b.app.tables.state(campaignId);
    expect(documents(state)).toEqual(documents(before));
    expect([...state.members.values()].map((m) => [m.id, m.role])).toEqual([[adminB.id, 'gm']]);
    expect(state.seq).toBeGreaterThan(before.seq);

    const gmc = await LiveClient.open(b, campaignId, adminB);
    await gmc.join();
    const moved = await gmc.action('core:move-token', { tokenId: 'u', x: 300, y: 300 });
    expect(moved.type, JSON.stringify(moved)).toBe('ack');
    await gmc.close();
    expect((await b.app.tables.state(campaignId)).tokens.get('u')).toMatchObject({ x: 300 });

    const map = await fetchBytes(b, adminB, mapUrl);
    expect(map.status).toBe(200);
    expect(Buffer.compare(map.bytes, mapBytes)).toBe(0);
    expect((await fetchBytes(b, adminB, `${mapUrl}/thumb`)).status).toBe(200);
  });

  it('refuses to import the same campaign twice', async () => {
    const seq = (await b.app.tables.state(campaignId)).seq;
    const answer = await importArchive(b, adminB, archive);
    expect(answer.status).toBe(409);
    expect(answer.body.error?.code).toBe('VTT_ERR_TRANSFER_EXISTS');
    expect((await b.app.tables.state(campaignId)).seq).toBe(seq);
  });
});
