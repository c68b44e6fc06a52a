/**
 * A dropped connection through a TCP proxy between the client and a real
 * server: requests in flight and queued while cut are each applied once,
 * and the replica ends equal to a fresh snapshot.
 */
import type { AckMessage } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, request, setupAdmin } from '../../../server/src/test-support/http-client.js';
import { LiveClient } from '../../../server/src/test-support/live-client.js';
import type { ConnectionStatus } from './table-connection.js';
import {
  asJson,
  freshSnapshot,
  loggedIn,
  PASSWORD,
  seededRandom,
  startTestServer,
  TcpProxy,
  tokenTable,
  until,
  WITH_EXAMPLES,
  type TestServer,
  type TestUser,
} from './test-support/table-fixture.js';

let server: TestServer;
let proxy: TcpProxy;
let gm: TestUser;
let ana: TestUser;
let bo: TestUser;

beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  proxy = await TcpProxy.start(server.url);
  gm = await setupAdmin(server, 'gwen', PASSWORD);
  ana = await addUser(server, gm, 'ana', PASSWORD);
  bo = await addUser(server, gm, 'bo', PASSWORD);
}, 120_000);
afterAll(async () => {
  await proxy.close();
  await server.dispose();
}, 60_000);

describe('a dropped connection', () => {
  it('reconnects from its seq and applies every request exactly once', async () => {
    const id = await tokenTable(server, gm, ana, bo);
    // The GM's client goes through the proxy, with one-time tickets as a browser would.
    const client = await loggedIn(proxy.url, 'gwen', {
      socketAuth: 'ticket',
      reconnect: { baseDelayMs: 10, maxDelayMs: 100, random: seededRandom(42) },
    });
    const table = client.join(id);
    const seen: ConnectionStatus[] = [];
    table.addEventListener('status', () => seen.push(table.status));
    await table.ready();
    // An observer straight to the server sees what the server applied.
    const observer = await LiveClient.open(server, id, gm);
    await observer.join();

    // In flight: they reach the server, but their events and acks never come back.
    proxy.holdDownstream();
    const inFlight = [
      table.chat('inflight-1'),
      table.moveToken('t-ogre', 510, 520),
      table.chat('inflight-2'),
      table.chat('inflight-3'),
    ];
    await observer.next((m) => m.type === 'events' && JSON.stringify(m).includes('inflight-3'));
    proxy.cut();
    await until(table, () => table.status === 'reconnecting', 'reconnecting');

    // Queued while cut: they wait for the rejoin; the move shows at once.
    const queued = [
      table.chat('queued-1'),
      table.moveToken('t-ogre', 777, 666),
      table.chat('queued-2'),
    ];
    expect(table.view?.tokens.get('t-ogre')).toMatchObject({ x: 777, y: 666 });
    await proxy.refusals(2); // the client kept trying while the proxy was down
    expect(table.status).toBe('reconnecting');
    proxy.restore();

    const inFlightAcks: AckMessage[] = await Promise.all(inFlight);
    const queuedAcks: AckMessage[] = await Promise.all(queued);
    expect(inFlightAcks.map((a) => a.duplicate)).toEqual([true, true, true, true]);
    expect(queuedAcks.map((a) => a.duplicate ?? false)).toEqual([false, false, false]);
    expect(seen).toEqual(['live', 'reconnecting', 'live']);
    expect(table.pendingRequests).toBe(0);

    // Each request is in the server's log exactly once.
    const log = await request<{ events: { type: string; payload: unknown }[] }>(
      server,
      'GET',
      `/api/campaigns/${id}/log?limit=100`,
      { token: gm.token },
    );
    const texts = ['inflight-1', 'inflight-2', 'inflight-3', 'queued-1', 'queued-2'];
    for (const text of texts) {
      const hits = log.body.events.filter((e) => JSON.stringify(e.payload).includes(`"${text}"`));
      expect(hits, text).toHaveLength(1);
    }
    const moves = log.body.events.filter(
      (e) => e.type === 'core:token-moved' && JSON.stringify(e.payload).includes('t-ogre'),
    );
    expect(moves).toHaveLength(2);

    const fresh = await freshSnapshot(server, id, gm);
    expect(table.seq).toBe(fresh.seq);
    expect(asJson(table.view)).toEqual(fresh.view);
    expect(table.view?.tokens.get('t-ogre')).toMatchObject({ x: 777, y: 666 });
    expect(table.view?.chat.filter((m) => JSON.stringify(m).includes('inflight-1'))).toHaveLength(
      1,
    );
    table.close();
    await observer.close();
  });
});
