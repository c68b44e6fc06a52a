/**
 * A table unloaded and loaded again (as after idling, or a restart) from
 * its snapshot and log is the same table: same seq, same state hash, every
 * event on disk in an unbroken sequence (the module policy's load events
 * included).
 */
import { stateHash } from '@vtt/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import { png, upload } from '../../test-support/asset-uploads.js';
import { addUser, setupAdmin, type TestUser } from '../../test-support/http-client.js';
import { campaignWith, LiveClient } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let gm: TestUser;
beforeAll(async () => {
  server = await startTestServer({ ...WITH_EXAMPLES, snapshotEvery: 5 });
  gm = await setupAdmin(server);
});
afterAll(() => server.dispose());

it('reloads a D&D 5e table to the same seq and state hash, its log without gaps', async () => {
  const ana = await addUser(server, gm, 'ana');
  const id = await campaignWith(server, gm, [ana]);
  const gmc = await LiveClient.open(server, id, gm);
  await gmc.join();
  await gmc.action('core:create-scene', { id: 's', name: 'S', width: 500, height: 500 });
  await gmc.action('core:create-token', { id: 't', sceneId: 's', name: 'T', x: 0, y: 0 });
  for (let i = 1; i <= 12; i++) {
    const answer = await gmc.action('core:move-token', { tokenId: 't', x: i * 10, y: 0 });
    expect(answer.type).toBe('ack');
  }
  await gmc.close();
  const before = await server.app.tables.state(id);
  const rows = await server.app.db
    .selectFrom('events')
    .select('seq')
    .where('campaign_id', '=', id)
    .orderBy('seq')
    .execute();
  expect(rows.map((r) => Number(r.seq))).toEqual(
    Array.from({ length: before.seq }, (_, i) => i + 1),
  );
  await server.app.tables.dropTable(id, 1001, 'reload test');
  const after = await server.app.tables.state(id);
  expect(after.seq).toBe(before.seq);
  expect(stateHash(after)).toBe(stateHash(before));
});

it("sizes a new scene to its map's pixels unless the GM gives a size", async () => {
  const id = await campaignWith(server, gm, []);
  const map = await upload(server, gm, id, await png(640, 480), { name: 'Crypt map' });
  expect(map.status, map.text).toBe(201);
  const gmc = await LiveClient.open(server, id, gm);
  await gmc.join();
  for (const [sceneId, size] of [
    ['sized-by-map', {}],
    ['sized-by-gm', { width: 1000, height: 800 }],
  ] as const) {
    const answer = await gmc.action('core:create-scene', {
      id: sceneId,
      name: sceneId,
      background: { asset: map.body.id },
      ...size,
    });
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
  }
  await gmc.close();
  const scenes = (await server.app.tables.state(id)).scenes;
  expect([scenes.get('sized-by-map')?.width, scenes.get('sized-by-map')?.height]).toEqual([
    640, 480,
  ]);
  expect([scenes.get('sized-by-gm')?.width, scenes.get('sized-by-gm')?.height]).toEqual([
    1000, 800,
  ]);
});
