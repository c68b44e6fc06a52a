import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  campaignWith,
  fetchBytes,
  jpeg,
  png,
  pngDeclaring,
  upload,
  type UploadedAsset,
} from '../../test-support/asset-uploads.js';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import { addUser, request, setupAdmin, type TestUser } from '../../test-support/http-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const MAX_UPLOAD = 256 * 1024;

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
let obi: TestUser;
let eve: TestUser;
let campaignId: string;

beforeAll(async () => {
  server = await startTestServer({ ...WITH_EXAMPLES, maxUploadBytes: MAX_UPLOAD });
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
  obi = await addUser(server, gm, 'obi');
  eve = await addUser(server, gm, 'eve');
  campaignId = await campaignWith(server, gm, [
    { user: ana, role: 'player' },
    { user: obi, role: 'observer' },
  ]);
});
afterAll(() => server.dispose());

const codeOf = (answer: { body: unknown }) =>
  (answer.body as { error?: { code?: string } }).error?.code;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function blobFiles(sha: string): Promise<string[]> {
  const dir = join(server.dataDir, 'assets', sha.slice(0, 2));
  return (await readdir(dir).catch(() => [] as string[])).filter((f) => f.startsWith(sha));
}

async function gmUpload(
  bytes: Uint8Array,
  name: string,
  visibility = 'gm',
): Promise<UploadedAsset> {
  const made = await upload(server, gm, campaignId, bytes, { name, visibility });
  expect(made.status, made.text).toBe(201);
  return made.body;
}

describe('upload and download', () => {
  it('round-trips an image with its size, safe headers, an ETag and 304', async () => {
    const bytes = await png(320, 200);
    const made = await upload(server, gm, campaignId, bytes, { fileName: 'door.png' });
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({
      name: 'door.png',
      mime: 'image/png',
      bytes: bytes.length,
      width: 320,
      height: 200,
      visibility: 'gm',
      url: `/api/campaigns/${campaignId}/assets/${made.body.id}`,
      thumbUrl: `/api/campaigns/${campaignId}/assets/${made.body.id}/thumb`,
    });
    expect(made.body.id).not.toBe(sha256(bytes));

    const got = await fetchBytes(server, gm, made.body.url);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(got.headers.get('etag')).toBe(`"${sha256(bytes)}"`);

    const again = await fetchBytes(server, gm, made.body.url, {
      'if-none-match': got.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);

    const thumb = await fetchBytes(server, gm, made.body.thumbUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const sharp = (await import('sharp')).default;
    const meta = await sharp(thumb.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 160]);

    expect(await server.app.assets.info(campaignId, made.body.id)).toEqual({
      width: 320,
      height: 200,
      mime: 'image/png',
    });
    expect(await server.app.assets.info(campaignId, 'no-such-asset')).toBeNull();
  });

  it('stores the same bytes once, under their SHA-256, with the thumbnail beside', async () => {
    const bytes = await png(64, 64, { r: 1, g: 2, b: 3 });
    const first = await gmUpload(bytes, 'one');
    const second = await gmUpload(bytes, 'two');
    expect(first.id).not.toBe(second.id);
    const sha = sha256(bytes);
    expect((await blobFiles(sha)).sort()).toEqual([sha, `${sha}.thumb.webp`]);
    const tmp = (await readdir(join(server.dataDir, 'assets'))).filter((f) => f.startsWith('.'));
    expect(tmp).toEqual([]);
  });

  it('refuses a file whose bytes are not an image, naming what they are', async () => {
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    const made = await upload(server, gm, campaignId, html, {
      fileName: 'map.png',
      type: 'image/png',
    });
    expect(made.status).toBe(415);
    expect(codeOf(made)).toBe('VTT_ERR_ASSET_TYPE');
    expect(made.body.error!.message).toContain('HTML');
  });

  it('refuses an image that lies about its type, naming the type found', async () => {
    const made = await upload(server, gm, campaignId, await jpeg(40, 40), {
      fileName: 'portrait.png',
      type: 'image/png',
    });
    expect(made.status).toBe(415);
    expect(codeOf(made)).toBe('VTT_ERR_ASSET_TYPE_MISMATCH');
    expect(made.body.error!.message).toContain('a JPEG image');
    const honest = await upload(server, gm, campaignId, await jpeg(40, 40), {
      fileName: 'portrait.jpg',
      type: 'application/octet-stream',
    });
    expect(honest.status, honest.text).toBe(201);
    expect(honest.body.mime).toBe('image/jpeg');
  });

  it('refuses SVG (it could pull in file:///etc/passwd or an http URL) and says to export a PNG', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">' +
        '<image xlink:href="file:///etc/passwd" width="10" height="10"/><image href="http://127.0.0.1:9/x.png"/></svg>',
    );
    const made = await upload(server, gm, campaignId, svg, {
      fileName: 'map.png',
      type: 'image/png',
    });
    expect(made.status).toBe(415);
    expect(codeOf(made)).toBe('VTT_ERR_ASSET_SVG');
    expect(made.body.error!.message).toContain('PNG');
  });

  it('refuses a 1 KB PNG that declares 50,000 x 50,000 pixels before decoding it', async () => {
    const bomb = pngDeclaring(50_000, 50_000);
    expect(bomb.length).toBeLessThan(1024);
    const made = await upload(server, gm, campaignId, bomb, { fileName: 'bomb.png' });
    expect(made.status).toBe(413);
    expect(codeOf(made)).toBe('VTT_ERR_ASSET_TOO_MANY_PIXELS');
    expect(made.body.error!.message).toContain('50000 x 50000');
    expect(made.body.error!.message).toContain('100,000,000');
  });

  it('cuts off an upload over the size limit, names the limit and keeps serving', async () => {
    const big = Buffer.concat([await png(8, 8), Buffer.alloc(MAX_UPLOAD * 40, 7)]);
    const made = await upload(server, gm, campaignId, big, { fileName: 'big.png' });
    expect(made.status).toBe(413);
    expect(codeOf(made)).toBe('VTT_ERR_ASSET_TOO_LARGE');
    expect(made.body.error!.message).toContain('256 KiB');
    expect(made.body.error!.message).toContain(String(MAX_UPLOAD));
    expect(made.headers.get('connection')).toBe('close');
    const tmp = (await readdir(join(server.dataDir, 'assets'))).filter((f) => f.startsWith('.'));
    expect(tmp).toEqual([]);
    const after = await upload(server, gm, campaignId, await png(10, 10), { fileName: 'ok.png' });
    expect(after.status).toBe(201);
  });

  it('refuses uploads of observers, GM-only uploads of players, and strangers alike', async () => {
    const bytes = await png(16, 16);
    const observer = await upload(server, obi, campaignId, bytes);
    expect(observer.status).toBe(403);
    expect(codeOf(observer)).toBe('VTT_ERR_ASSET_OBSERVER');
    const secret = await upload(server, ana, campaignId, bytes, { visibility: 'gm' });
    expect(secret.status).toBe(403);
    expect(codeOf(secret)).toBe('VTT_ERR_ASSET_PLAYER_PUBLIC_ONLY');
    const stranger = await upload(server, eve, campaignId, bytes);
    expect(stranger.status).toBe(404);
    expect(codeOf(stranger)).toBe('VTT_ERR_CAMPAIGN_NOT_FOUND');
    const portrait = await upload(server, ana, campaignId, bytes, { name: 'ana portrait' });
    expect(portrait.status, portrait.text).toBe(201);
    expect(portrait.body.visibility).toBe('public');
    expect((await fetchBytes(server, ana, portrait.body.url)).status).toBe(200);
    expect((await fetchBytes(server, obi, portrait.body.url)).status).toBe(200);
    expect((await fetchBytes(server, eve, portrait.body.url)).status).toBe(404);
  });
});

describe('who sees an asset', () => {
  const CANARY = 'CANARY-7f3e secret';
  let hidden: Record<string, UploadedAsset>;
  let shown: Record<string, UploadedAsset>;

  beforeAll(async () => {
    const colours = [10, 20, 30, 40, 50, 60, 70, 80];
    const image = (i: number) => png(24, 24, { r: colours[i]!, g: 0, b: 0 });
    hidden = {
      token: await gmUpload(await image(0), `${CANARY} token`),
      journal: await gmUpload(await image(1), `${CANARY} journal`),
      hiddenMap: await gmUpload(await image(2), `${CANARY} hidden map`),
      foggedMap: await gmUpload(await image(3), `${CANARY} fogged map`, 'public'),
      unused: await gmUpload(await image(4), `${CANARY} unused`),
    };
    shown = {
      token: await gmUpload(await image(5), 'seen token'),
      journal: await gmUpload(await image(6), 'seen handout'),
      map: await gmUpload(await image(7), 'open map'),
    };
    await act(
      server,
      campaignId,
      gm,
      {
        type: 'core:create-scene',
        payload: {
          id: 'open',
          name: 'Open',
          width: 24,
          height: 24,
          background: { asset: shown.map!.id },
        },
      },
      {
        type: 'core:create-scene',
        payload: {
          id: 'secret',
          name: 'Secret',
          hidden: true,
          background: { asset: hidden.hiddenMap!.id },
        },
      },
      {
        type: 'core:create-scene',
        payload: { id: 'fogged', name: 'Fogged', background: { asset: hidden.foggedMap!.id } },
      },
      { type: 'core:configure-fog', payload: { sceneId: 'fogged', enabled: true } },
      {
        type: 'core:paint-fog',
        payload: { sceneId: 'fogged', mode: 'reveal', shape: { kind: 'all' } },
      },
      {
        type: 'core:create-token',
        payload: {
          id: 'goblin',
          sceneId: 'open',
          name: 'Goblin',
          x: 0,
          y: 0,
          image: hidden.token!.id,
          hidden: true,
        },
      },
      {
        type: 'core:create-token',
        payload: { id: 'hero', sceneId: 'open', name: 'Hero', x: 0, y: 0, image: shown.token!.url },
      },
      {
        type: 'core:create-journal-entry',
        payload: { id: 'plot', title: 'Plot', visibility: 'gm', images: [hidden.journal!.id] },
      },
      {
        type: 'core:create-journal-entry',
        payload: {
          id: 'handout',
          title: 'Handout',
          visibility: 'public',
          text: `The door: ![door](${shown.journal!.url})`,
        },
      },
    );
  });

  it('a player gets 404 for hidden assets, with the body of a missing id', async () => {
    const missing = await fetchBytes(
      server,
      ana,
      `/api/campaigns/${campaignId}/assets/00000000-0000-4000-8000-000000000000`,
    );
    expect(missing.status).toBe(404);
    for (const [what, asset] of Object.entries(hidden)) {
      for (const path of [asset.url, asset.thumbUrl]) {
        const got = await fetchBytes(server, ana, path);
        expect(got.status, `${what} ${path}`).toBe(404);
        expect(got.text.replaceAll(asset.id, 'X')).toBe(
          missing.text.replaceAll('00000000-0000-4000-8000-000000000000', 'X'),
        );
      }
    }
  });

  it('a player and an observer get what their view shows; the GM gets everything', async () => {
    for (const user of [ana, obi]) {
      for (const [what, asset] of Object.entries(shown)) {
        expect((await fetchBytes(server, user, asset.url)).status, what).toBe(200);
      }
    }
    for (const asset of Object.values(hidden)) {
      expect((await fetchBytes(server, gm, asset.url)).status).toBe(200);
    }
  });

  it('the listing holds no id, name or size of an asset the player may not see', async () => {
    const listed = await request<{ assets: UploadedAsset[] }>(
      server,
      'GET',
      `/api/campaigns/${campaignId}/assets`,
      { token: ana.token },
    );
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain('CANARY');
    for (const asset of Object.values(hidden)) expect(listed.text).not.toContain(asset.id);
    const ids = listed.body.assets.map((a) => a.id);
    for (const asset of Object.values(shown)) expect(ids).toContain(asset.id);
    const all = await request<{ assets: UploadedAsset[] }>(
      server,
      'GET',
      `/api/campaigns/${campaignId}/assets`,
      { token: gm.token },
    );
    expect(all.text).toContain(CANARY);
    const strangers = await request(server, 'GET', `/api/campaigns/${campaignId}/assets`, {
      token: eve.token,
    });
    expect(strangers.status).toBe(404);
    expect(strangers.text).not.toContain('CANARY');
  });

  it('revealing a token in the state reveals its image at the next seq', async () => {
    const before = await fetchBytes(server, ana, hidden.token!.url);
    expect(before.status).toBe(404);
    await act(server, campaignId, gm, {
      type: 'core:update-token',
      payload: { tokenId: 'goblin', patch: { hidden: false } },
    });
    expect((await fetchBytes(server, ana, hidden.token!.url)).status).toBe(200);
    await act(server, campaignId, gm, {
      type: 'core:update-token',
      payload: { tokenId: 'goblin', patch: { hidden: true } },
    });
    expect((await fetchBytes(server, ana, hidden.token!.url)).status).toBe(404);
  });
});

describe('deletion', () => {
  it('deleting an asset removes its file once no asset uses the bytes', async () => {
    const bytes = await png(30, 30, { r: 9, g: 9, b: 9 });
    const a = await gmUpload(bytes, 'a');
    const b = await gmUpload(bytes, 'b');
    const sha = sha256(bytes);
    const player = await request(server, 'DELETE', a.url, { token: ana.token });
    expect(player.status).toBe(403);
    expect((await request(server, 'DELETE', a.url, { token: gm.token })).status).toBe(204);
    expect(await blobFiles(sha)).toContain(sha);
    expect((await fetchBytes(server, gm, b.url)).status).toBe(200);
    expect((await request(server, 'DELETE', b.url, { token: gm.token })).status).toBe(204);
    expect(await blobFiles(sha)).toEqual([]);
    const gone = await request(server, 'DELETE', b.url, { token: gm.token });
    expect(codeOf(gone)).toBe('VTT_ERR_ASSET_NOT_FOUND');
  });

  it('deleting a campaign removes its blobs, keeping those another campaign uses', async () => {
    const doomed = await campaignWith(server, gm, []);
    const other = await campaignWith(server, gm, []);
    const own = await png(50, 20, { r: 250, g: 1, b: 1 });
    const shared = await png(50, 20, { r: 1, g: 250, b: 1 });
    expect((await upload(server, gm, doomed, own)).status).toBe(201);
    expect((await upload(server, gm, doomed, shared)).status).toBe(201);
    expect((await upload(server, gm, other, shared)).status).toBe(201);
    await stat(join(server.dataDir, 'assets', sha256(own).slice(0, 2), sha256(own)));
    const deleted = await request(server, 'DELETE', `/api/campaigns/${doomed}`, {
      token: gm.token,
    });
    expect(deleted.status).toBeLessThan(300);
    expect(await blobFiles(sha256(own))).toEqual([]);
    expect(await blobFiles(sha256(shared))).toContain(sha256(shared));
  });
});
