/**
 * The live table over real sockets: a GM and two players at one table on a
 * real server (127.0.0.1, SQLite file, D&D 5e in the sandbox).
 */
import type {
  AckMessage,
  EventsMessage,
  RejectedMessage,
  ReplayMessage,
  ServerMessage,
  SnapshotMessage,
} from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import {
  addUser,
  login,
  request,
  setupAdmin,
  type TestUser,
} from '../../test-support/http-client.js';
import { campaignWith, LiveClient, UpgradeRefused } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { fighterData } from '../../test-support/dnd5e-data.js';

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
let bo: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
  bo = await addUser(server, gm, 'bo');
  outsider = await addUser(server, gm, 'zed');
});
afterAll(() => server.dispose());

/** A table with a scene, ana's and bo's heroes with tokens, a GM token and a hidden token. */
async function table(): Promise<{ id: string; gmc: LiveClient; ac: LiveClient; bc: LiveClient }> {
  const id = await campaignWith(server, gm, [ana, bo]);
  const gmc = await LiveClient.open(server, id, gm);
  await gmc.join();
  const setup: [string, unknown][] = [
    ['core:create-scene', { id: 'crypt', name: 'Crypt', width: 2000, height: 2000 }],
    [
      'core:create-actor',
      {
        id: 'ayla',
        name: 'Ayla',
        type: 'character',
        data: fighterData(),
        ownership: { [ana.id]: 'owner' },
      },
    ],
    [
      'core:create-actor',
      {
        id: 'brom',
        name: 'Brom',
        type: 'character',
        data: fighterData(),
        ownership: { [bo.id]: 'owner' },
      },
    ],
    [
      'core:create-token',
      { id: 't-ayla', sceneId: 'crypt', name: 'Ayla', x: 0, y: 0, actorId: 'ayla' },
    ],
    [
      'core:create-token',
      { id: 't-brom', sceneId: 'crypt', name: 'Brom', x: 100, y: 0, actorId: 'brom' },
    ],
    ['core:create-token', { id: 't-ogre', sceneId: 'crypt', name: 'Ogre', x: 500, y: 500 }],
    [
      'core:create-token',
      { id: 't-lich', sceneId: 'crypt', name: 'Lich canary-7f3a', x: 900, y: 900, hidden: true },
    ],
  ];
  for (const [type, payload] of setup) {
    const answer = await gmc.action(type, payload);
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
  }
  const ac = await LiveClient.open(server, id, ana);
  const bc = await LiveClient.open(server, id, bo);
  await ac.join();
  await bc.join();
  return { id, gmc, ac, bc };
}

const eventTypes = (c: LiveClient): string[] =>
  c.messages.flatMap((m) => (m.type === 'events' ? m.events.map((e) => e.type) : []));

describe('a GM and two players at one table', () => {
  it('joins with a projected snapshot and presence; a hidden token is not in a player view', async () => {
    const { id, gmc, ac, bc } = await table();
    const snap = ac.messages.find((m) => m.type === 'snapshot') as SnapshotMessage;
    expect(Object.keys(snap.view.tokens).sort()).toEqual(['t-ayla', 't-brom', 't-ogre']);
    expect(ac.frames.join('')).not.toContain('canary-7f3a');
    const gmSnap = (await (async () => {
      const c = await LiveClient.open(server, id, gm);
      const m = await c.join();
      await c.close();
      return m;
    })()) as SnapshotMessage;
    expect(Object.keys(gmSnap.view.tokens)).toContain('t-lich');
    expect(snap.presence.map((p) => [p.userId, p.role])).toEqual(
      expect.arrayContaining([
        [gm.id, 'gm'],
        [ana.id, 'player'],
        [bo.id, 'player'],
      ]),
    );
    // ana hears bo arrive
    const presence = await ac.next(
      (m) => m.type === 'presence' && m.presence.find((p) => p.userId === bo.id)?.connections === 1,
    );
    expect(presence.type).toBe('presence');
    await Promise.all([gmc.close(), ac.close(), bc.close()]);
  });

  it('a crowd joining at once is heard in a few presence messages, the last counting everyone', async () => {
    const { id, gmc, ac, bc } = await table();
    await ac.next((m) => m.type === 'presence' && m.presence.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the joins above are told
    const before = ac.messages.length;
    const crowd = await Promise.all(
      Array.from({ length: 8 }, () => LiveClient.open(server, id, gm)),
    );
    await Promise.all(crowd.map((c) => c.join()));
    const last = await ac.next(
      (m) => m.type === 'presence' && m.presence.find((p) => p.userId === gm.id)?.connections === 9,
    );
    expect(last.type).toBe('presence');
    const heard = ac.messages.slice(before).filter((m) => m.type === 'presence');
    // One per join was 8; the joins of one 50 ms window share a message.
    expect(heard.length).toBeLessThanOrEqual(4);
    await Promise.all([gmc.close(), ac.close(), bc.close(), ...crowd.map((c) => c.close())]);
  });

  it('a player moves their own token: acked after it is durable, and everyone sees it', async () => {
    const { id, gmc, ac, bc } = await table();
    const ack = (await ac.action('core:move-token', {
      tokenId: 't-ayla',
      x: 50,
      y: 50,
    })) as AckMessage;
    expect(ack.type).toBe('ack');
    for (const c of [gmc, ac, bc]) {
      const events = await c.next<EventsMessage>(
        (m) => m.type === 'events' && m.events.some((e) => e.type === 'core:token-moved'),
      );
      expect(events.events.at(-1)!.seq).toBe(ack.seq);
    }
    // durable: the log on disk holds it
    const row = await server.app.db
      .selectFrom('events')
      .select('type')
      .where('campaign_id', '=', id)
      .where('seq', '=', ack.seq)
      .executeTakeFirst();
    expect(row?.type).toBe('core:token-moved');
    await Promise.all([gmc.close(), ac.close(), bc.close()]);
  });

  it("refuses a player moving the GM's token, another player's token, or unhiding a token: nothing broadcast, state unchanged", async () => {
    const { id, gmc, ac, bc } = await table();
    const before = server.app.liveTables.loaded(id)!.hash();
    const tries: [string, unknown][] = [
      ['core:move-token', { tokenId: 't-ogre', x: 10, y: 10 }],
      ['core:move-token', { tokenId: 't-brom', x: 10, y: 10 }],
      ['core:update-token', { tokenId: 't-lich', patch: { hidden: false } }],
      ['core:update-token', { tokenId: 't-ayla', patch: { hidden: true } }],
    ];
    const heard = [gmc, ac, bc].map((c) => eventTypes(c).length);
    for (const [type, payload] of tries) {
      const answer = (await ac.action(type, payload)) as RejectedMessage;
      expect(answer.type, `${type} ${JSON.stringify(payload)}`).toBe('rejected');
      expect(answer.error.code).toMatch(/^VTT_ERR_/);
      expect(JSON.stringify(answer)).not.toContain('canary-7f3a');
    }
    // a marker the GM makes afterwards arrives, and nothing arrived before it
    const marker = (await gmc.action('core:move-token', {
      tokenId: 't-ogre',
      x: 1,
      y: 1,
    })) as AckMessage;
    for (const [i, c] of [gmc, ac, bc].entries()) {
      await c.next((m) => m.type === 'events' && m.events.some((e) => e.seq === marker.seq));
      expect(eventTypes(c).slice(heard[i]!)).toEqual(['core:token-moved']);
    }
    expect(server.app.liveTables.loaded(id)!.state.tokens.get('t-brom')!.x).toBe(100);
    expect(before).not.toBe(server.app.liveTables.loaded(id)!.hash()); // only the marker changed it
    await Promise.all([gmc.close(), ac.close(), bc.close()]);
  });

  it('runs module rolls and derived data over the socket', async () => {
    const { gmc, ac, bc } = await table();
    const roll = (await ac.request({
      type: 'roll',
      name: 'ability-check',
      actorId: 'ayla',
      args: { ability: 'str' },
    })) as AckMessage;
    expect(roll.type, JSON.stringify(roll)).toBe('ack');
    expect(roll.result).toBeDefined();
    const refused = (await ac.request({
      type: 'roll',
      name: 'ability-check',
      actorId: 'brom',
      args: { ability: 'str' },
    })) as RejectedMessage;
    expect(refused.type).toBe('rejected');
    const derived = (await ac.request({ type: 'derived', actorId: 'ayla' })) as AckMessage;
    expect(derived.type).toBe('ack');
    const chat = (await bc.request({ type: 'chat', text: 'Hello, crypt' })) as AckMessage;
    expect(chat.type).toBe('ack');
    await ac.next((m) => m.type === 'events' && JSON.stringify(m).includes('Hello, crypt'));
    await Promise.all([gmc.close(), ac.close(), bc.close()]);
  });

  it('reconnects with the last seq: a replay of what was missed; a resent id is applied once', async () => {
    const { id, gmc, ac, bc } = await table();
    const first = (await ac.action(
      'core:move-token',
      { tokenId: 't-ayla', x: 60, y: 0 },
      'mv-1',
    )) as AckMessage;
    await bc.close();
    await gmc.action('core:move-token', { tokenId: 't-ogre', x: 70, y: 0 });
    await gmc.action('core:move-token', { tokenId: 't-lich', x: 80, y: 0 });
    const back = await LiveClient.open(server, id, bo);
    const replay = (await back.join(first.seq)) as ReplayMessage;
    expect(replay.type).toBe('replay');
    expect(replay.events.map((e) => e.type)).toEqual(['core:token-moved']); // the lich stays hidden
    expect(JSON.stringify(replay)).not.toContain('t-lich');
    // ana resends her move after a reconnect: acked again, applied once
    await ac.close();
    const again = await LiveClient.open(server, id, ana);
    await again.join(first.seq);
    const dup = (await again.action(
      'core:move-token',
      { tokenId: 't-ayla', x: 60, y: 0 },
      'mv-1',
    )) as AckMessage;
    expect(dup).toMatchObject({ type: 'ack', seq: first.seq, duplicate: true });
    const moves = await server.app.db
      .selectFrom('events')
      .select('seq')
      .where('campaign_id', '=', id)
      .where('type', '=', 'core:token-moved')
      .execute();
    expect(moves).toHaveLength(3);
    // a gap larger than the room holds gets a snapshot
    const fresh = await LiveClient.open(server, id, bo);
    expect((await fresh.join(0)).type).toBe('snapshot');
    await Promise.all([gmc.close(), back.close(), again.close(), fresh.close()]);
  });
});

describe('ephemeral messages', () => {
  it('relays a drag only to those who see the token, typing to everyone, and stores nothing', async () => {
    const { id, gmc, ac, bc } = await table();
    const seq = server.app.liveTables.loaded(id)!.state.seq;
    gmc.send({ type: 'ephemeral', kind: 'drag', tokenId: 't-lich', x: 10, y: 20 });
    gmc.send({ type: 'ephemeral', kind: 'drag', tokenId: 't-ogre', x: 30, y: 40 });
    for (const c of [ac, bc]) {
      const drag = await c.next((m) => m.type === 'ephemeral' && m.kind === 'drag');
      expect(drag).toMatchObject({ tokenId: 't-ogre', from: gm.id, x: 30, y: 40 });
    }
    ac.send({ type: 'ephemeral', kind: 'typing', typing: true });
    await bc.next((m) => m.type === 'ephemeral' && m.kind === 'typing' && m.from === ana.id);
    await gmc.next((m) => m.type === 'ephemeral' && m.kind === 'typing');
    // a player may not drag another's token
    ac.send({ type: 'ephemeral', kind: 'drag', tokenId: 't-brom', x: 1, y: 1 });
    const refused = await ac.next((m) => m.type === 'error');
    expect(refused).toMatchObject({ error: { code: 'VTT_ERR_PROTOCOL_INVALID' } });
    await ac.action('core:move-token', { tokenId: 't-ayla', x: 5, y: 5 }); // a round trip after
    for (const c of [ac, bc]) expect(c.frames.join('')).not.toContain('t-lich');
    expect(server.app.liveTables.loaded(id)!.state.seq).toBe(seq + 1);
    await Promise.all([gmc.close(), ac.close(), bc.close()]);
  });
});

describe('authentication before the upgrade', () => {
  const refusal = async (promise: Promise<unknown>): Promise<UpgradeRefused> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpgradeRefused);
    return error as UpgradeRefused;
  };

  it('refuses no token, a forged token, a bad Origin, and a non-member like a missing campaign', async () => {
    const id = await campaignWith(server, gm, [ana]);
    expect((await refusal(LiveClient.open(server, id, null))).status).toBe(401);
    const [h, p] = ana.token.split('.');
    const forged = `${h}.${p}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
    expect((await refusal(LiveClient.open(server, id, { token: forged }))).status).toBe(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expect((await refusal(LiveClient.open(server, id, { token: none }))).status).toBe(401);
    const origin = await refusal(
      LiveClient.open(server, id, ana, { origin: 'https://evil.example' }),
    );
    expect(origin.status).toBe(403);
    expect(origin.body).toContain('VTT_ERR_AUTH_ORIGIN');
    const stranger = await refusal(LiveClient.open(server, id, outsider));
    const missing = await refusal(LiveClient.open(server, 'no-such-campaign', outsider));
    expect(stranger.status).toBe(404);
    expect(stranger.body.replaceAll(id, 'ID')).toBe(
      missing.body.replaceAll('no-such-campaign', 'ID'),
    );
    // the server's own origin is accepted
    const own = await LiveClient.open(server, id, ana, { origin: server.url });
    await own.close();
  });

  it('opens with a one-time ticket, once', async () => {
    const id = await campaignWith(server, gm, [ana]);
    const made = await request<{ ticket: string; expiresIn: number }>(
      server,
      'POST',
      `/api/campaigns/${id}/live-ticket`,
      { token: ana.token, body: {} },
    );
    expect(made.status).toBe(200);
    expect(made.body.expiresIn).toBe(30);
    const live = await LiveClient.open(server, id, null, { ticket: made.body.ticket });
    expect((await live.join()).type).toBe('snapshot');
    const reused = await refusal(LiveClient.open(server, id, null, { ticket: made.body.ticket }));
    expect(reused.status).toBe(401);
    expect(reused.body).toContain('VTT_ERR_AUTH_TICKET_INVALID');
    expect(server.logLines.join('\n')).not.toContain(made.body.ticket);
    const stranger = await request(server, 'POST', `/api/campaigns/${id}/live-ticket`, {
      token: outsider.token,
      body: {},
    });
    expect(stranger.status).toBe(404);
    await live.close();
  });
});

describe('bad input on an open socket', () => {
  it('answers each bad frame with its code and keeps serving', async () => {
    const { gmc, ac, bc } = await table();
    const errorAfter = async (frame: string): Promise<ServerMessage> => {
      ac.send(frame);
      return ac.next((m) => m.type === 'error' || m.type === 'rejected');
    };
    expect(await errorAfter('{not json')).toMatchObject({
      error: { code: 'VTT_ERR_PROTOCOL_MALFORMED' },
    });
    expect(
      await errorAfter(
        '{"type":"action","id":"p1","action":{"type":"core:move-token","payload":{"__proto__":{"x":1}}}}',
      ),
    ).toMatchObject({
      type: 'rejected',
      id: 'p1',
      error: { code: 'VTT_ERR_PROTOCOL_FORBIDDEN_KEY' },
    });
    expect(await errorAfter(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toMatchObject({
      error: { code: 'VTT_ERR_PROTOCOL_TOO_DEEP' },
    });
    expect(await errorAfter('{"type":"action","id":"w1","action":{"type":7}}')).toMatchObject({
      type: 'rejected',
      error: { code: 'VTT_ERR_PROTOCOL_INVALID' },
    });
    expect(await errorAfter('{"type":"teleport"}')).toMatchObject({
      error: { code: 'VTT_ERR_PROTOCOL_UNKNOWN_MESSAGE' },
    });
    const unknown = (await ac.action('core:teleport', {})) as RejectedMessage;
    expect(unknown.type).toBe('rejected');
    expect(unknown.error.code).toMatch(/^VTT_ERR_/);
    // still serving: a move goes through
    expect((await ac.action('core:move-token', { tokenId: 't-ayla', x: 9, y: 9 })).type).toBe(
      'ack',
    );
    // an oversize frame closes that socket with 1009; the others keep playing
    ac.send(`{"type":"chat","id":"big","text":"${'x'.repeat(600 * 1024)}"}`);
    expect((await ac.closed).code).toBe(1009);
    expect((await bc.action('core:move-token', { tokenId: 't-brom', x: 9, y: 9 })).type).toBe(
      'ack',
    );
    await Promise.all([gmc.close(), bc.close()]);
  });

  it('rate-limits a flood of 1,000 messages a second and closes it; the other players keep playing', async () => {
    const { gmc, ac, bc } = await table();
    for (let i = 0; i < 1000; i++) {
      ac.send({
        type: 'action',
        id: `f${i}`,
        action: { type: 'core:move-token', payload: { tokenId: 't-ayla', x: i, y: 0 } },
      });
    }
    const closed = await ac.closed;
    expect(closed.code).toBe(4008);
    const limited = ac.messages.filter(
      (m) =>
        (m.type === 'rejected' || m.type === 'error') &&
        m.error.code === 'VTT_ERR_PROTOCOL_RATE_LIMITED',
    );
    expect(limited.length).toBeGreaterThan(100);
    const acked = ac.messages.filter((m) => m.type === 'ack').length;
    expect(acked).toBeLessThanOrEqual(64);
    expect((await bc.action('core:move-token', { tokenId: 't-brom', x: 3, y: 3 })).type).toBe(
      'ack',
    );
    await Promise.all([gmc.close(), bc.close()]);
  });
});

describe('changes over HTTP reach the sockets at once', () => {
  it('logout closes 4001; removal closes 4003; a new role replaces the view; archiving closes 4004', async () => {
    const { id, gmc, ac, bc } = await table();
    // promote bo to GM: his view is replaced with the GM's, hidden token included
    const promoted = await request(server, 'PATCH', `/api/campaigns/${id}/members/${bo.id}`, {
      token: gm.token,
      body: { role: 'gm' },
    });
    expect(promoted.status).toBe(200);
    const replaced = await bc.next(
      (m) => m.type === 'events' && m.events.some((e) => e.type === 'core:view-replaced'),
    );
    expect(JSON.stringify(replaced)).toContain('t-lich');
    // remove ana: her socket closes with 4003
    const removed = await request(server, 'DELETE', `/api/campaigns/${id}/members/${ana.id}`, {
      token: gm.token,
    });
    expect(removed.status).toBe(204);
    expect((await ac.closed).code).toBe(4003);
    // logout of bo's session closes his socket with 4001
    const out = await request(server, 'POST', '/api/auth/logout', { token: bo.token, body: {} });
    expect(out.status).toBe(200);
    expect((await bc.closed).code).toBe(4001);
    bo = await login(server, 'bo');
    // archiving closes the GM's socket with 4004
    const archived = await request(server, 'PATCH', `/api/campaigns/${id}`, {
      token: gm.token,
      body: { archived: true },
    });
    expect(archived.status).toBe(200);
    expect((await gmc.closed).code).toBe(4004);
  });
});
