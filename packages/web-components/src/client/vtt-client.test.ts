/**
 * The VttClient against a real server (127.0.0.1, SQLite, D&D 5e in the
 * sandbox): login, the replica, optimistic moves, secrecy, final closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, request, setupAdmin } from '../../../server/src/test-support/http-client.js';
import { WebSocket } from 'ws';
import { VttRequestError } from './request-error.js';
import type { WebSocketConstructor } from './socket-types.js';
import { VttClient } from './vtt-client.js';
import type { ConnectionStatus, TableConnection } from './table-connection.js';
import {
  asJson,
  freshSnapshot,
  loggedIn,
  PASSWORD,
  startTestServer,
  tokenTable,
  until,
  WITH_EXAMPLES,
  type TestServer,
  type TestUser,
} from './test-support/table-fixture.js';

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
let bo: TestUser;

beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server, 'gwen', PASSWORD);
  ana = await addUser(server, gm, 'ana', PASSWORD);
  bo = await addUser(server, gm, 'bo', PASSWORD);
}, 120_000);
afterAll(() => server.dispose(), 60_000);

const statuses = (table: TableConnection): ConnectionStatus[] => {
  const seen: ConnectionStatus[] = [table.status];
  table.addEventListener('status', () => seen.push(table.status));
  return seen;
};

describe('VttClient', () => {
  it('logs in, lists campaigns, and keeps a replica equal to the server view after many actions', async () => {
    const id = await tokenTable(server, gm, ana, bo);
    const anaClient = await loggedIn(server.url, 'ana');
    expect(anaClient.user?.id).toBe(ana.id);
    const campaigns = await anaClient.campaigns();
    expect(campaigns.find((c) => c.id === id)?.role).toBe('player');

    // The GM over a one-time ticket, as a browser would; ana over a bearer header.
    const gmClient = await loggedIn(server.url, 'gwen', { socketAuth: 'ticket' });
    const gmt = gmClient.join(id);
    const at = anaClient.join(id);
    expect(at.status).toBe('connecting');
    await Promise.all([gmt.ready(), at.ready()]);
    expect(at.view?.viewerId).toBe(ana.id);

    await at.moveToken('t-ayla', 50, 60);
    await at.chat('hello from ana');
    await gmt.action('core:update-token', { tokenId: 't-ogre', patch: { name: 'Big Ogre' } });
    await gmt.action('core:create-token', {
      id: 't-rat',
      sceneId: 'crypt',
      name: 'Rat',
      x: 1,
      y: 2,
    });
    await gmt.moveToken('t-lich', 10, 10); // hidden: ana hears nothing
    await gmt.action('core:delete-token', { tokenId: 't-rat' });
    await at.moveToken('t-ayla', 70, 80);
    const last = await gmt.chat('the end');
    await until(at, () => at.seq === last.seq, 'ana has the last chat');

    expect(asJson(at.view)).toEqual((await freshSnapshot(server, id, ana)).view);
    expect(asJson(gmt.view)).toEqual((await freshSnapshot(server, id, gm)).view);
    expect(at.view?.tokens.get('t-ayla')).toMatchObject({ x: 70, y: 80 });
    expect(at.view?.tokens.get('t-ogre')?.name).toBe('Big Ogre');
    expect(at.view?.tokens.has('t-rat')).toBe(false);
    expect(at.presence.find((p) => p.userId === gm.id)?.connections).toBeGreaterThan(0);
    expect(at.modules.map((m) => m.moduleId)).toContain('dnd5e');
    gmt.close();
    at.close();
  });

  it('shows a token move at once and keeps it after the ack', async () => {
    const id = await tokenTable(server, gm, ana, bo);
    const at = (await loggedIn(server.url, 'ana')).join(id);
    await at.ready();
    const moved = at.moveToken('t-ayla', 400, 300);
    expect(at.view?.tokens.get('t-ayla')).toMatchObject({ x: 400, y: 300 });
    expect(at.confirmed?.tokens.get('t-ayla')).toMatchObject({ x: 0, y: 0 });
    expect(at.pendingMoves).toEqual([{ tokenId: 't-ayla', x: 400, y: 300 }]);
    const ack = await moved;
    expect(ack.type).toBe('ack');
    expect(at.pendingMoves).toEqual([]);
    expect(at.confirmed?.tokens.get('t-ayla')).toMatchObject({ x: 400, y: 300 });
    expect(at.view).toBe(at.confirmed);
    expect(asJson(at.view)).toEqual((await freshSnapshot(server, id, ana)).view);
    at.close();
  });

  it("snaps a player's refused move of the GM's token back and surfaces the code", async () => {
    const id = await tokenTable(server, gm, ana, bo);
    const at = (await loggedIn(server.url, 'ana')).join(id);
    await at.ready();
    const heard: VttRequestError[] = [];
    at.addEventListener('rejected', (e) => heard.push((e as CustomEvent<VttRequestError>).detail));
    const moved = at.moveToken('t-ogre', 1, 1);
    expect(at.view?.tokens.get('t-ogre')).toMatchObject({ x: 1, y: 1 });
    const error = await moved.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VttRequestError);
    expect((error as VttRequestError).code).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
    expect((error as VttRequestError).params).toMatchObject({ collection: 'tokens', id: 't-ogre' });
    expect(heard.map((e) => e.code)).toEqual(['VTT_ERR_PERMISSION_NOT_OWNER']);
    expect(at.view?.tokens.get('t-ogre')).toMatchObject({ x: 500, y: 500 });
    expect(at.pendingMoves).toEqual([]);
    at.close();
  });

  it("never holds a hidden token in a player's replica", async () => {
    const id = await tokenTable(server, gm, ana, bo);
    const gmt = (await loggedIn(server.url, 'gwen')).join(id);
    const at = (await loggedIn(server.url, 'ana')).join(id);
    const held = new Set<string>();
    const look = (): void => {
      if (at.view === null) return;
      for (const [tokenId] of at.view.tokens) held.add(tokenId);
      expect(JSON.stringify(at.view)).not.toContain('canary-7f3a');
    };
    at.addEventListener('change', look);
    await Promise.all([gmt.ready(), at.ready()]);
    expect(at.view?.tokens.has('t-ogre')).toBe(true);
    await gmt.action('core:update-token', { tokenId: 't-ogre', patch: { hidden: true } });
    await gmt.moveToken('t-ogre', 600, 600);
    await gmt.moveToken('t-lich', 950, 950);
    const last = await gmt.chat('done hiding');
    await until(at, () => at.seq === last.seq, 'ana has the last chat');
    expect(at.view?.tokens.has('t-ogre')).toBe(false);
    expect(held.has('t-lich')).toBe(false);
    expect(asJson(at.view)).toEqual((await freshSnapshot(server, id, ana)).view);
    gmt.close();
    at.close();
  });

  it('ends in closed with the reason when removed from the campaign, and rejects what waits', async () => {
    const id = await tokenTable(server, gm, ana, bo);
    const bt = (await loggedIn(server.url, 'bo')).join(id);
    const seen = statuses(bt);
    await bt.ready();
    const removed = await request(server, 'DELETE', `/api/campaigns/${id}/members/${bo.id}`, {
      token: gm.token,
    });
    expect(removed.status).toBeLessThan(300);
    await until(bt, () => bt.status === 'closed', 'bo is closed');
    expect(bt.closeInfo?.code).toBe(4003);
    expect(bt.closeInfo?.reason).toMatch(/no longer a member/);
    expect(seen).toEqual(['connecting', 'live', 'closed']);
    const late = await bt.chat('still here?').catch((e: unknown) => e);
    expect((late as VttRequestError).code).toBe('VTT_ERR_PROTOCOL_CONNECTION_CLOSED');
  });

  it('ends in closed after a logout, since the session cannot be renewed', async () => {
    const id = await tokenTable(server, gm, ana, bo);
    const client = await loggedIn(server.url, 'ana', { socketAuth: 'ticket' });
    const at = client.join(id);
    const seen = statuses(at);
    await at.ready();
    await client.logout();
    await until(at, () => at.status === 'closed', 'ana is closed');
    expect(at.closeInfo?.code).toBe(4001);
    expect(seen).toEqual(['connecting', 'live', 'closed']);
    expect(client.user).toBeNull();
  });

  it('watches a table with an API token that may only observe, and is refused when it acts', async () => {
    const id = await tokenTable(server, gm, ana, bo);
    const made = await request<{ token: string }>(server, 'POST', '/api/auth/tokens', {
      token: ana.token,
      body: { name: 'blog map', scopes: ['tables:observe'] },
    });
    expect(made.status, made.text).toBe(201);
    const client = new VttClient({
      baseUrl: server.url,
      apiToken: made.body.token,
      fetch: (input, init) => fetch(input, init),
      WebSocket: WebSocket as unknown as WebSocketConstructor,
    });
    expect((await client.me()).id).toBe(ana.id);
    const table = client.join(id);
    await table.ready();
    expect(asJson(table.view)).toEqual((await freshSnapshot(server, id, ana)).view);
    expect(table.view?.tokens.has('t-lich')).toBe(false);
    const refused = await table.chat('from the blog').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(VttRequestError);
    expect((refused as VttRequestError).code).toMatch(/^VTT_ERR_AUTH_/);
    // A refused token is not renewed: the client says so rather than looping.
    expect(await client.refresh()).toBe(false);
    table.close();
  });
});
