/**
 * Backups of a running server's data folder, restored into new folders: a
 * backup taken while a GM moves a token 10 times a second restores to a
 * consistent prefix of the table (same state hash as at backup time, its
 * log unbroken, every event as the server wrote it), with its map; a
 * tampered or cut-off archive, a non-empty target and a backup killed half
 * way are refused, and nothing is left behind.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { stateHash } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITH_EXAMPLES } from '../test-support/examples.js';
import { fetchBytes, png, upload } from '../test-support/asset-uploads.js';
import { setupAdmin, type TestUser } from '../test-support/http-client.js';
import { campaignWith, LiveClient } from '../test-support/live-client.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { createBackup } from './create-backup.js';
import { restoreBackup } from './restore-backup.js';

let work: string;
let server: TestServer;
let gm: TestUser;
let campaignId: string;
let mapUrl: string;
let mapBytes: Buffer;
let archive: string;
let backedUpSeq: number;
const registryBytes = Buffer.from('a published archive, as a registry stores it');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vtt-backup-test-'));
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server);
  campaignId = await campaignWith(server, gm, []);
  mapBytes = await png(320, 200);
  const map = await upload(server, gm, campaignId, mapBytes, { name: 'Keep' });
  expect(map.status, map.text).toBe(201);
  mapUrl = map.body.url;
  const gmc = await LiveClient.open(server, campaignId, gm);
  await gmc.join();
  await gmc.action('core:create-scene', { id: 's', name: 'Keep', width: 1000, height: 1000 });
  await gmc.action('core:create-token', { id: 't', sceneId: 's', name: 'Goblin', x: 0, y: 0 });

  // 10 moves a second while the backup is taken.
  let moving = true;
  let x = 0;
  const mover = (async () => {
    while (moving) {
      const answer = await gmc.action('core:move-token', { tokenId: 't', x: ++x, y: 0 });
      expect(answer.type).toBe('ack');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 350));
  // What a registry server keeps of a published module: its archive file.
  await mkdir(join(server.dataDir, 'registry', 'probe'), { recursive: true });
  await writeFile(join(server.dataDir, 'registry', 'probe', '1.0.0-a1b2.vttmod'), registryBytes);
  archive = join(work, 'backup.tar.gz');
  const made = await createBackup({ dataDir: server.dataDir, out: archive });
  backedUpSeq = made.manifest.campaigns.find((c) => c.id === campaignId)!.seq;
  await new Promise((resolve) => setTimeout(resolve, 350));
  moving = false;
  await mover;
  await gmc.close();
}, 60_000);
afterAll(async () => {
  await server.dispose();
  await rm(work, { recursive: true, force: true });
});

describe('vtt backup and restore', () => {
  it('restores a consistent prefix of a table that was playing, with its map', async () => {
    const live = await server.app.tables.state(campaignId);
    expect(backedUpSeq).toBeGreaterThan(4); // some moves were in before the copy...
    expect(live.seq).toBeGreaterThan(backedUpSeq); // ...and some after it
    const target = join(work, 'restored');
    const { manifest } = await restoreBackup({ archive, dataDir: target });
    expect((await stat(target)).mode & 0o777).toBe(0o700);
    const restored = await startTestServer({}, target);
    try {
      const state = await restored.app.tables.state(campaignId);
      const atBackup = manifest.campaigns.find((c) => c.id === campaignId)!;
      expect(state.seq).toBe(atBackup.seq);
      expect(stateHash(state)).toBe(atBackup.stateHash);
      const rows = (db: TestServer) =>
        db.app.db
          .selectFrom('events')
          .select(['seq', 'event'])
          .where('campaign_id', '=', campaignId)
          .where('seq', '<=', atBackup.seq)
          .orderBy('seq')
          .execute();
      const mine = await rows(restored);
      expect(mine.map((r) => Number(r.seq))).toEqual(
        Array.from({ length: atBackup.seq }, (_, i) => i + 1),
      );
      expect(mine).toEqual(await rows(server)); // each event exactly as the server wrote it
      // The GM's session and the map came along (signing key, sessions, assets).
      const got = await fetchBytes(restored, gm, mapUrl);
      expect(got.status).toBe(200);
      expect(Buffer.compare(got.bytes, mapBytes)).toBe(0);
      const published = join(target, 'registry', 'probe', '1.0.0-a1b2.vttmod');
      expect(Buffer.compare(await readFile(published), registryBytes)).toBe(0);
    } finally {
      await restored.close();
    }
  });

  it('refuses a tampered archive, naming the file, and leaves nothing behind', async () => {
    // Flip one byte inside the map's contents in the tar, then compress again.
    const tar = gunzipSync(await readFile(archive));
    const at = tar.indexOf(mapBytes.subarray(64, 96));
    expect(at).toBeGreaterThan(0);
    tar[at + 4] = tar[at + 4]! ^ 0xff;
    const tampered = join(work, 'tampered.tar.gz');
    await writeFile(tampered, gzipSync(tar));
    const target = join(work, 'from-tampered');
    await expect(restoreBackup({ archive: tampered, dataDir: target })).rejects.toMatchObject({
      code: 'VTT_ERR_BACKUP_MISMATCH',
      params: { problem: expect.stringMatching(/^'assets\/.+' differs from its digest$/) },
    });
    expect(await readdir(work)).not.toContain('from-tampered');
    expect((await readdir(work)).filter((n) => n.includes('restoring'))).toEqual([]);
  });

  it('refuses a cut-off archive and a target that is not empty', async () => {
    const whole = await readFile(archive);
    const cut = join(work, 'cut.tar.gz');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.7)));
    await expect(
      restoreBackup({ archive: cut, dataDir: join(work, 'from-cut') }),
    ).rejects.toMatchObject({ code: 'VTT_ERR_BACKUP_INCOMPLETE' });
    const busy = join(work, 'busy');
    await restoreBackup({ archive, dataDir: busy });
    await expect(restoreBackup({ archive, dataDir: busy })).rejects.toMatchObject({
      code: 'VTT_ERR_BACKUP_TARGET_NOT_EMPTY',
    });
  });

  it('a backup killed half way leaves no archive under its name, and its .partial is refused', async () => {
    const out = join(work, 'killed.tar.gz');
    const script = fileURLToPath(new URL('../test-support/backup-process.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@vtt/source', script, server.dataDir, out, '2'],
      { stdio: 'pipe' },
    );
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, sig) => resolve(sig)),
    );
    expect(signal).toBe('SIGKILL');
    const names = await readdir(work);
    expect(names).not.toContain('killed.tar.gz');
    expect(names).toContain('killed.tar.gz.partial');
    await expect(
      restoreBackup({ archive: `${out}.partial`, dataDir: join(work, 'from-partial') }),
    ).rejects.toMatchObject({ code: 'VTT_ERR_BACKUP_INCOMPLETE' });
  }, 30_000);
});
