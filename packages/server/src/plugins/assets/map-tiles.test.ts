import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  campaignWith,
  fetchBytes,
  png,
  upload,
  type UploadedAsset,
} from '../../test-support/asset-uploads.js';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import { addUser, request, setupAdmin, type TestUser } from '../../test-support/http-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
let campaignId: string;
let map: UploadedAsset;
let mapBytes: Buffer;

const RED = { r: 200, g: 50, b: 50 };
/** The fog reveals scene x 0..300 of the 768 x 256 map: z = 2 tiles 0 (revealed), 1 (edge), 2 (fogged). */
const REVEALED = {
  kind: 'polygon',
  points: [
    { x: 0, y: 0 },
    { x: 300, y: 0 },
    { x: 300, y: 256 },
    { x: 0, y: 256 },
  ],
};

beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
  campaignId = await campaignWith(server, gm, [{ user: ana, role: 'player' }]);
  mapBytes = await png(768, 256, RED);
  const made = await upload(server, gm, campaignId, mapBytes, {
    name: 'dungeon',
    visibility: 'public',
  });
  expect(made.status, made.text).toBe(201);
  map = made.body;
  await act(
    server,
    campaignId,
    gm,
    {
      type: 'core:create-scene',
      payload: {
        id: 'dungeon',
        name: 'Dungeon',
        width: 768,
        height: 256,
        background: { asset: map.id },
      },
    },
    { type: 'core:configure-fog', payload: { sceneId: 'dungeon', enabled: true } },
    { type: 'core:paint-fog', payload: { sceneId: 'dungeon', mode: 'reveal', shape: REVEALED } },
    {
      type: 'core:create-scene',
      payload: {
        id: 'lair',
        name: 'Lair',
        width: 768,
        height: 256,
        hidden: true,
        background: { asset: map.id },
      },
    },
  );
});
afterAll(() => server.dispose());

const tile = (scene: string, z: number, x: number, y: number) =>
  `/api/campaigns/${campaignId}/scenes/${scene}/tiles/${z}/${x}/${y}`;

async function pixels(bytes: Buffer) {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    at: (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ],
  };
}

const near = (actual: number[], expected: readonly number[]) =>
  actual.every((v, i) => Math.abs(v - expected[i]!) <= 8);

describe('scene maps as tiles', () => {
  it('describes the pyramid to members who see the scene', async () => {
    const described = await request(
      server,
      'GET',
      `/api/campaigns/${campaignId}/scenes/dungeon/map`,
      {
        token: ana.token,
      },
    );
    expect(described.status, described.text).toBe(200);
    expect(described.body).toEqual({
      width: 768,
      height: 256,
      tileSize: 256,
      levels: 3,
      tileUrl: `/api/campaigns/${campaignId}/scenes/dungeon/tiles/{z}/{x}/{y}`,
    });
    const sha = createHash('sha256').update(mapBytes).digest('hex');
    await stat(join(server.dataDir, 'assets', sha.slice(0, 2), `${sha}.tiles`));
  });

  it('gives a GM every tile whole, at every level', async () => {
    for (const [z, x, width, height] of [
      [0, 0, 192, 64],
      [1, 0, 256, 128],
      [1, 1, 128, 128],
      [2, 0, 256, 256],
      [2, 1, 256, 256],
      [2, 2, 256, 256],
    ] as const) {
      const got = await fetchBytes(server, gm, tile('dungeon', z, x, 0));
      expect(got.status, `${z}/${x}`).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/webp');
      const image = await pixels(got.bytes);
      expect([image.width, image.height]).toEqual([width, height]);
      expect(near(image.at(width - 1, 0), [RED.r, RED.g, RED.b])).toBe(true);
    }
    const outside = await fetchBytes(server, gm, tile('dungeon', 2, 3, 0));
    expect(outside.status).toBe(404);
  });

  it('never gives a player a tile wholly under fog, whatever the URL', async () => {
    const fogged = await fetchBytes(server, ana, tile('dungeon', 2, 2, 0));
    expect(fogged.status).toBe(404);
    const missing = await fetchBytes(server, ana, tile('dungeon', 2, 9, 0));
    const same = (text: string, x: number) =>
      text.replaceAll(`2/${x}/0`, 'Z').replace(`"x":${x}`, '"x":X');
    expect(same(fogged.text, 2)).toBe(same(missing.text, 9));
    const whole = await fetchBytes(server, ana, `/api/campaigns/${campaignId}/assets/${map.id}`);
    expect(whole.status).toBe(404);
  });

  it('masks the fogged pixels of an edge tile black and serves a revealed tile whole', async () => {
    const edge = await fetchBytes(server, ana, tile('dungeon', 2, 1, 0));
    expect(edge.status).toBe(200);
    expect(edge.headers.get('cache-control')).toBe('private, no-cache');
    const image = await pixels(edge.bytes);
    // Tile 1 spans scene x 256..511; the fog's edge is at x 300 (local 44).
    expect(near(image.at(20, 128), [RED.r, RED.g, RED.b])).toBe(true);
    expect(near(image.at(40, 10), [RED.r, RED.g, RED.b])).toBe(true);
    expect(near(image.at(50, 128), [0, 0, 0])).toBe(true);
    expect(near(image.at(200, 250), [0, 0, 0])).toBe(true);

    const open = await fetchBytes(server, ana, tile('dungeon', 2, 0, 0));
    expect(open.status).toBe(200);
    const whole = await pixels(open.bytes);
    expect(near(whole.at(255, 255), [RED.r, RED.g, RED.b])).toBe(true);

    const etag = edge.headers.get('etag')!;
    const again = await fetchBytes(server, ana, tile('dungeon', 2, 1, 0), {
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);

    await act(server, campaignId, gm, {
      type: 'core:paint-fog',
      payload: { sceneId: 'dungeon', mode: 'reveal', shape: { kind: 'all' } },
    });
    const revealed = await fetchBytes(server, ana, tile('dungeon', 2, 1, 0), {
      'if-none-match': etag,
    });
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('etag')).not.toBe(etag);
    expect(near((await pixels(revealed.bytes)).at(200, 250), [RED.r, RED.g, RED.b])).toBe(true);
    expect((await fetchBytes(server, ana, tile('dungeon', 2, 2, 0))).status).toBe(200);
    await act(server, campaignId, gm, {
      type: 'core:paint-fog',
      payload: { sceneId: 'dungeon', mode: 'hide', shape: { kind: 'all' } },
    });
    expect((await fetchBytes(server, ana, tile('dungeon', 2, 0, 0))).status).toBe(404);
  });

  it('gives a player nothing of a hidden scene', async () => {
    const described = await request(server, 'GET', `/api/campaigns/${campaignId}/scenes/lair/map`, {
      token: ana.token,
    });
    expect(described.status).toBe(404);
    expect(described.body).toMatchObject({ error: { code: 'VTT_ERR_MAP_NOT_FOUND' } });
    const unknown = await request(
      server,
      'GET',
      `/api/campaigns/${campaignId}/scenes/nowhere/map`,
      {
        token: ana.token,
      },
    );
    expect(unknown.text.replaceAll('nowhere', 'lair')).toBe(described.text);
    expect((await fetchBytes(server, ana, tile('lair', 0, 0, 0))).status).toBe(404);
    expect((await fetchBytes(server, gm, tile('lair', 0, 0, 0))).status).toBe(200);
  });
});
