/**
 * The server on PostgreSQL instead of its SQLite default: a real
 * PostgreSQL (VTT_TEST_POSTGRES_URL, by default the machine's
 * postgres://postgres@127.0.0.1:5432/test), in a database made for this run
 * and dropped after it. A D&D 5e table plays, restarts to the same state,
 * keeps its log without gaps and applies a resent request once; the group
 * commit lands many tables' appends at once through Kysely.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stateHash, type AckMessage, type TableEvent } from '@vtt/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './persistence/open-database.js';
import { appendEvents } from './plugins/tables/table-store.js';
import { WITH_EXAMPLES } from './test-support/examples.js';
import { addUser, request, setupAdmin } from './test-support/http-client.js';
import { campaignWith, LiveClient } from './test-support/live-client.js';
import { startTestServer } from './test-support/test-server.js';

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
beforeAll(async () => {
  await admin(`create database ${database}`);
  dataDir = await mkdtemp(join(tmpdir(), 'vtt-postgres-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await admin(`drop database if exists ${database} with (force)`);
});

describe('vtt serve on PostgreSQL', () => {
  it('plays a D&D 5e table, applies a resent request once, and restarts to the same state', async () => {
    const server = await startTestServer(
      { ...WITH_EXAMPLES, databaseUrl, snapshotEvery: 5 },
      dataDir,
    );
    let id: string;
    let before: { seq: number; hash: string };
    try {
      const gm = await setupAdmin(server);
      const ana = await addUser(server, gm, 'ana');
      id = await campaignWith(server, gm, [ana]);
      const gmc = await LiveClient.open(server, id, gm);
      const ac = await LiveClient.open(server, id, ana);
      await gmc.join();
      await ac.join();
      const setup: [string, unknown][] = [
        ['core:create-scene', { id: 's', name: 'Keep', width: 1000, height: 1000 }],
        ['core:create-token', { id: 't', sceneId: 's', name: 'Goblin', x: 0, y: 0 }],
      ];
      for (const [type, payload] of setup) {
        expect((await gmc.action(type, payload)).type).toBe('ack');
      }
      for (let i = 1; i <= 12; i++) {
        const answer = await gmc.action('core:move-token', { tokenId: 't', x: 10 * i, y: 0 });
        expect(answer.type, JSON.stringify(answer)).toBe('ack');
      }
      // ana hears the last move
      await ac.next(
        (m) =>
          m.type === 'events' &&
          m.events.some((e) => e.type === 'core:token-moved' && e.payload.x === 120),
      );
      const first = (await gmc.action(
        'core:send-message',
        { text: 'hello' },
        'chat-1',
      )) as AckMessage;
      const again = (await gmc.action(
        'core:send-message',
        { text: 'hello' },
        'chat-1',
      )) as AckMessage;
      expect(again).toEqual({ ...first, duplicate: true });
      const chat = await request<{ messages: { text: string }[] }>(
        server,
        'GET',
        `/api/campaigns/${id}/chat`,
        { token: ana.token },
      );
      expect(chat.status, chat.text).toBe(200);
      expect(chat.body.messages.filter((m) => m.text === 'hello')).toHaveLength(1);
      await Promise.all([gmc.close(), ac.close()]);
      const state = await server.app.tables.state(id);
      before = { seq: state.seq, hash: stateHash(state) };
    } finally {
      await server.close();
    }

    const restarted = await startTestServer({ ...WITH_EXAMPLES, databaseUrl }, dataDir);
    try {
      const state = await restarted.app.tables.state(id);
      expect({ seq: state.seq, hash: stateHash(state) }).toEqual(before);
      expect(state.tokens.get('t')?.x).toBe(120);
      const rows = await restarted.app.db
        .selectFrom('events')
        .select('seq')
        .where('campaign_id', '=', id)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => Number(r.seq))).toEqual(
        Array.from({ length: before.seq }, (_, i) => i + 1),
      );
    } finally {
      await restarted.close();
    }
  });

  it("lands 50 tables' appends made at once, and fails only the one whose seq is taken", async () => {
    const { db } = await openDatabase({ dataDir, databaseUrl });
    try {
      const ids = Array.from({ length: 50 }, (_, i) => `pg-c${i}`);
      await db
        .insertInto('campaigns')
        .values(
          ids.map((cid) => ({
            id: cid,
            name: cid,
            system: 'dnd5e',
            created_by: 'u-gm',
            created_at: 1,
            seq: 0,
          })),
        )
        .execute();
      const moved = (seq: number) =>
        ({
          seq,
          type: 'core:token-moved',
          payload: { tokenId: 't', x: seq, y: 0 },
          author: 'u-gm',
          time: 1,
        }) as unknown as TableEvent;
      await appendEvents(db, 'pg-c0', [moved(1)], null);
      const results = await Promise.allSettled(
        ids.map((cid, i) =>
          appendEvents(db, cid, [moved(1), moved(2)], {
            userId: 'u-gm',
            clientId: `r${i}`,
            ack: `{"type":"ack","id":"r${i}","seq":2}`,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
      expect(results[0]!.status).toBe('rejected'); // pg-c0's seq 1 was taken
      const counts = await db
        .selectFrom('events')
        .select(['campaign_id', db.fn.countAll<number>().as('n')])
        .where('campaign_id', 'in', ids)
        .groupBy('campaign_id')
        .execute();
      const byId = new Map(counts.map((c) => [c.campaign_id, Number(c.n)]));
      expect(byId.get('pg-c0')).toBe(1);
      expect(ids.slice(1).every((cid) => byId.get(cid) === 2)).toBe(true);
      const acks = await db
        .selectFrom('applied_requests')
        .select('client_id')
        .where('campaign_id', 'in', ids)
        .execute();
      expect(acks).toHaveLength(49);
    } finally {
      await db.destroy();
    }
  });
});
