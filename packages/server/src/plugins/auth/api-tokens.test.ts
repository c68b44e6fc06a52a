/**
 * Personal API tokens on a real server (127.0.0.1, SQLite file, D&D 5e in
 * the sandbox): made, listed and revoked by a login only; each scope reaches
 * what it names and nothing more, over HTTP and over the live socket; a
 * revoked token's socket closes; limits, expiry, and no secret stored or logged.
 */
import { createHash } from 'node:crypto';
import type { EventsMessage, RejectedMessage } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fighterData } from '../../test-support/dnd5e-data.js';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import {
  addUser,
  request,
  setupAdmin,
  type JsonAnswer,
  type TestUser,
} from '../../test-support/http-client.js';
import { campaignWith, LiveClient, UpgradeRefused } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
/** Every token secret made in these tests, for the log check. */
const secrets: string[] = [];

beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
});
afterAll(() => server.dispose());

interface Made {
  id: string;
  name: string;
  scopes: string[];
  token: string;
  createdAt: number;
  expiresAt: number | null;
}

const codeOf = (answer: JsonAnswer) =>
  (answer.body['error'] as { code?: string } | undefined)?.code;
const paramsOf = (answer: JsonAnswer) =>
  (answer.body['error'] as { params?: Record<string, unknown> } | undefined)?.params;

/** `user` makes a token over HTTP (with their login) and it is remembered for the log check. */
async function makeToken(
  target: TestServer,
  user: TestUser,
  scopes: string[],
  extra: Record<string, unknown> = {},
): Promise<Made> {
  const made = await request<Made>(target, 'POST', '/api/auth/tokens', {
    token: user.token,
    body: { name: `bot ${scopes.join(' ')}`, scopes, ...extra },
  });
  expect(made.status, made.text).toBe(201);
  secrets.push(made.body.token.slice(-43));
  return made.body;
}

/** A scene with a token owned by ana and one of the GM's, made by the GM over a socket. */
async function tableWithTokens(): Promise<{ id: string; gmc: LiveClient }> {
  const id = await campaignWith(server, gm, [ana]);
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
      'core:create-token',
      { id: 't-ayla', sceneId: 'crypt', name: 'Ayla', x: 0, y: 0, actorId: 'ayla' },
    ],
  ];
  for (const [type, payload] of setup) {
    const answer = await gmc.action(type, payload);
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
  }
  return { id, gmc };
}

const movesOf = (c: LiveClient): unknown[] =>
  c.messages.flatMap((m) =>
    m.type === 'events' ? m.events.filter((e) => e.type === 'core:token-moved') : [],
  );

describe('making, listing and revoking tokens', () => {
  it('shows the secret once, stores only its SHA-256, lists without it, and revokes', async () => {
    const made = await makeToken(server, ana, ['campaigns:read'], { expiresInDays: 30 });
    expect(made.token).toMatch(/^vtt_pat_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{43}$/);
    expect(made.token).toContain(made.id);
    expect(made).toMatchObject({ name: 'bot campaigns:read', scopes: ['campaigns:read'] });
    expect(made.expiresAt! - made.createdAt).toBe(30 * 24 * 3600_000);
    const secret = made.token.slice(`vtt_pat_${made.id}_`.length);

    const row = await server.app.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.user_id).toBe(ana.id);

    // It works, and its use is noted once a minute at most.
    expect((await request(server, 'GET', '/api/me', { token: made.token })).body).toMatchObject({
      id: ana.id,
    });
    const firstUse = (
      await request<{ tokens: { id: string; lastUsedAt: number | null }[] }>(
        server,
        'GET',
        '/api/auth/tokens',
        { token: ana.token },
      )
    ).body.tokens.find((t) => t.id === made.id)!.lastUsedAt;
    expect(firstUse).toBeGreaterThanOrEqual(made.createdAt);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await request(server, 'GET', '/api/me', { token: made.token })).status).toBe(200);

    const listed = await request<{ tokens: Record<string, unknown>[] }>(
      server,
      'GET',
      '/api/auth/tokens',
      { token: ana.token },
    );
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(secret);
    expect(listed.body.tokens.find((t) => t['id'] === made.id)).toEqual({
      id: made.id,
      name: 'bot campaigns:read',
      scopes: ['campaigns:read'],
      createdAt: made.createdAt,
      expiresAt: made.expiresAt,
      lastUsedAt: firstUse,
      revokedAt: null,
    });
    // The GM's list has none of ana's tokens.
    const gmList = await request<{ tokens: { id: string }[] }>(server, 'GET', '/api/auth/tokens', {
      token: gm.token,
    });
    expect(gmList.body.tokens.map((t) => t.id)).not.toContain(made.id);

    // Another user's token and a missing id answer alike; the token still works after.
    const theirs = await request(server, 'DELETE', `/api/auth/tokens/${made.id}`, {
      token: gm.token,
    });
    const missing = await request(server, 'DELETE', '/api/auth/tokens/no-such-token', {
      token: gm.token,
    });
    expect([theirs.status, codeOf(theirs)]).toEqual([404, 'VTT_ERR_AUTH_TOKEN_NOT_FOUND']);
    expect([missing.status, codeOf(missing)]).toEqual([404, 'VTT_ERR_AUTH_TOKEN_NOT_FOUND']);
    expect((await request(server, 'GET', '/api/me', { token: made.token })).status).toBe(200);

    const revoked = await request(server, 'DELETE', `/api/auth/tokens/${made.id}`, {
      token: ana.token,
    });
    expect(revoked.status).toBe(204);
    const after = await request(server, 'GET', '/api/me', { token: made.token });
    expect([after.status, codeOf(after)]).toEqual([401, 'VTT_ERR_AUTH_TOKEN_REVOKED']);
    const relisted = await request<{ tokens: { id: string; revokedAt: number | null }[] }>(
      server,
      'GET',
      '/api/auth/tokens',
      { token: ana.token },
    );
    expect(relisted.body.tokens.find((t) => t.id === made.id)!.revokedAt).toEqual(
      expect.any(Number),
    );
  });

  it('checks the body strictly and refuses a forged or mangled token', async () => {
    const post = (body: unknown) =>
      request(server, 'POST', '/api/auth/tokens', { token: ana.token, body });
    for (const body of [
      { name: 'x', scopes: ['campaigns:read'], admin: true },
      { name: 'x', scopes: ['campaigns:write'] },
      { name: 'x', scopes: 'campaigns:read' },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['campaigns:read'], expiresInDays: '30' },
      { scopes: ['campaigns:read'] },
    ]) {
      const answer = await post(body);
      expect([answer.status, codeOf(answer)], JSON.stringify(body)).toEqual([
        400,
        'VTT_ERR_HTTP_INVALID',
      ]);
    }
    const made = await makeToken(server, ana, ['campaigns:read']);
    const forged = `vtt_pat_${made.id}_${'A'.repeat(43)}`;
    for (const token of [forged, made.token.slice(0, -1), `${made.token}x`, 'vtt_pat_']) {
      const answer = await request(server, 'GET', '/api/me', { token });
      expect([answer.status, codeOf(answer)], token).toEqual([401, 'VTT_ERR_AUTH_TOKEN_INVALID']);
    }
  });

  it('refuses a token once it has expired', async () => {
    const made = await makeToken(server, ana, ['campaigns:read', 'tables:act'], {
      expiresInDays: 1,
    });
    expect((await request(server, 'GET', '/api/campaigns', { token: made.token })).status).toBe(
      200,
    );
    // A day later: its expiry moved into the past.
    await server.app.db
      .updateTable('api_tokens')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', made.id)
      .execute();
    const answer = await request(server, 'GET', '/api/campaigns', { token: made.token });
    expect([answer.status, codeOf(answer), paramsOf(answer)?.['state']]).toEqual([
      401,
      'VTT_ERR_AUTH_TOKEN_REVOKED',
      'expired',
    ]);
    const id = await campaignWith(server, gm, [ana]);
    const refused = await LiveClient.open(server, id, null, { token: made.token }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(UpgradeRefused);
    expect((refused as UpgradeRefused).status).toBe(401);
  });
});

describe('what a token may not do', () => {
  it('manages no tokens, passwords or sessions, whatever its scopes', async () => {
    const all = await makeToken(server, gm, [
      'campaigns:read',
      'tables:observe',
      'tables:act',
      'server:metrics',
    ]);
    const attempts: [string, string, unknown?][] = [
      ['POST', '/api/auth/tokens', { name: 'more', scopes: ['tables:act'] }],
      ['GET', '/api/auth/tokens'],
      ['DELETE', `/api/auth/tokens/${all.id}`],
      ['POST', '/api/auth/logout', {}],
      [
        'POST',
        '/api/auth/password',
        { currentPassword: 'correct horse battery', newPassword: 'a new long password' },
      ],
      ['POST', '/api/campaigns', { name: 'Mine', system: 'dnd5e' }],
      ['POST', '/api/users', { name: 'mallory', password: 'mallory mallory' }],
      ['GET', '/api/users'],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await request(server, method, path, { token: all.token, body });
      expect([answer.status, codeOf(answer), paramsOf(answer)?.['scope']], path).toEqual([
        403,
        'VTT_ERR_AUTH_SCOPE',
        'session',
      ]);
    }
    // Nothing of it happened: the token lives, the password is the same, no campaign was made.
    expect((await request(server, 'GET', '/api/me', { token: all.token })).status).toBe(200);
    expect((await request(server, 'GET', '/api/me', { token: gm.token })).status).toBe(200);
    const campaigns = await request<{ campaigns: { name: string }[] }>(
      server,
      'GET',
      '/api/campaigns',
      { token: gm.token },
    );
    expect(campaigns.body.campaigns.map((c) => c.name)).not.toContain('Mine');
  });

  it('lets only an admin grant server:metrics, and reads /metrics with it', async () => {
    const refused = await request(server, 'POST', '/api/auth/tokens', {
      token: ana.token,
      body: { name: 'scraper', scopes: ['server:metrics'] },
    });
    expect([refused.status, codeOf(refused)]).toEqual([403, 'VTT_ERR_AUTH_ADMIN_ONLY']);
    const anaTokens = await request<{ tokens: unknown[] }>(server, 'GET', '/api/auth/tokens', {
      token: ana.token,
    });
    expect(JSON.stringify(anaTokens.body)).not.toContain('server:metrics');

    const scraper = await makeToken(server, gm, ['server:metrics']);
    const metrics = await request(server, 'GET', '/metrics', { token: scraper.token });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('vtt_connected_clients');
    // It reads nothing else.
    const campaigns = await request(server, 'GET', '/api/campaigns', { token: scraper.token });
    expect([campaigns.status, paramsOf(campaigns)?.['scope']]).toEqual([403, 'campaigns:read']);
    // And an admin's token without the scope does not read /metrics.
    const reader = await makeToken(server, gm, ['campaigns:read']);
    const noScope = await request(server, 'GET', '/metrics', { token: reader.token });
    expect([noScope.status, codeOf(noScope), paramsOf(noScope)?.['scope']]).toEqual([
      403,
      'VTT_ERR_AUTH_SCOPE',
      'server:metrics',
    ]);
  });
});

describe('campaigns:read', () => {
  it("reads its user's campaigns, not another's, and changes nothing", async () => {
    const mine = await campaignWith(server, gm, [ana], { name: 'Ana plays here' });
    const notMine = await campaignWith(server, gm, [], { name: 'GM only' });
    const reader = await makeToken(server, ana, ['campaigns:read']);
    const get = (path: string) => request(server, 'GET', path, { token: reader.token });

    const list = await get('/api/campaigns');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Ana plays here');
    expect(list.text).not.toContain('GM only');
    expect((await get(`/api/campaigns/${mine}`)).status).toBe(200);
    expect((await get(`/api/campaigns/${mine}/members`)).status).toBe(200);
    expect((await get(`/api/campaigns/${mine}/chat`)).status).toBe(200);
    const log = await get(`/api/campaigns/${mine}/log`);
    expect(log.status).toBe(200);
    expect((log.body as { events: unknown[] }).events.length).toBeGreaterThan(0);

    const other = await get(`/api/campaigns/${notMine}/log`);
    const missing = await get('/api/campaigns/no-such-campaign/log');
    expect([other.status, codeOf(other)]).toEqual([404, 'VTT_ERR_CAMPAIGN_NOT_FOUND']);
    expect([missing.status, codeOf(missing)]).toEqual([404, 'VTT_ERR_CAMPAIGN_NOT_FOUND']);

    const posted = await request(server, 'POST', `/api/campaigns/${mine}/invites`, {
      token: reader.token,
      body: { role: 'player', expiresInSeconds: 3600, maxUses: 1 },
    });
    expect([posted.status, codeOf(posted), paramsOf(posted)?.['scope']]).toEqual([
      403,
      'VTT_ERR_AUTH_SCOPE',
      'session',
    ]);
    const renamed = await request(server, 'PATCH', `/api/campaigns/${mine}`, {
      token: reader.token,
      body: { name: 'Taken over' },
    });
    expect([renamed.status, codeOf(renamed)]).toEqual([403, 'VTT_ERR_AUTH_SCOPE']);
    expect((await get(`/api/campaigns/${mine}`)).text).toContain('Ana plays here');

    // No live socket either.
    const socket = await LiveClient.open(server, mine, null, { token: reader.token }).catch(
      (e: unknown) => e,
    );
    expect(socket).toBeInstanceOf(UpgradeRefused);
    expect((socket as UpgradeRefused).status).toBe(403);
    expect((socket as UpgradeRefused).body).toContain('VTT_ERR_AUTH_SCOPE');
  });
});

describe('the live socket', () => {
  it('tables:observe receives the snapshot and events, but nothing it sends reaches the table', async () => {
    const { id, gmc } = await tableWithTokens();
    const observer = await makeToken(server, ana, ['tables:observe']);
    const oc = await LiveClient.open(server, id, null, { token: observer.token });
    const joined = await oc.join();
    expect(joined.type).toBe('snapshot');
    expect(JSON.stringify(joined)).toContain('t-ayla');

    expect((await gmc.action('core:move-token', { tokenId: 't-ayla', x: 10, y: 0 })).type).toBe(
      'ack',
    );
    const heard = await oc.next<EventsMessage>(
      (m) => m.type === 'events' && m.events.some((e) => e.type === 'core:token-moved'),
    );
    expect(heard.events.length).toBeGreaterThan(0);

    const move = await oc.action('core:move-token', { tokenId: 't-ayla', x: 500, y: 500 });
    expect(move.type).toBe('rejected');
    expect((move as RejectedMessage).error).toMatchObject({
      code: 'VTT_ERR_AUTH_SCOPE',
      params: { scope: 'tables:act' },
    });
    const chat = await oc.request({ type: 'chat', text: 'hello from a bot' });
    expect(chat.type).toBe('rejected');
    oc.send({ type: 'ephemeral', kind: 'typing', typing: true });
    const error = await oc.next('error');
    expect(error).toMatchObject({ error: { code: 'VTT_ERR_AUTH_SCOPE' } });

    // A later GM move is the only one after the first: the refused move was never applied.
    expect((await gmc.action('core:move-token', { tokenId: 't-ayla', x: 20, y: 0 })).type).toBe(
      'ack',
    );
    await oc.next<EventsMessage>(
      (m) => m.type === 'events' && JSON.stringify(m).includes('"x":20'),
    );
    expect(movesOf(gmc)).toHaveLength(2);
    expect(JSON.stringify(gmc.messages)).not.toContain('hello from a bot');
    expect(gmc.messages.some((m) => m.type === 'ephemeral')).toBe(false);
    expect(JSON.stringify(gmc.messages)).not.toContain('"x":500');
    await Promise.all([oc.close(), gmc.close()]);
  });

  it("tables:act moves its user's token, and a browser opens it with a ticket", async () => {
    const { id, gmc } = await tableWithTokens();
    const actor = await makeToken(server, ana, ['tables:act']);
    const ticket = await request<{ ticket: string }>(
      server,
      'POST',
      `/api/campaigns/${id}/live-ticket`,
      { token: actor.token, body: {} },
    );
    expect(ticket.status).toBe(200);
    const ac = await LiveClient.open(server, id, null, { token: null, ticket: ticket.body.ticket });
    await ac.join();
    const moved = await ac.action('core:move-token', { tokenId: 't-ayla', x: 300, y: 40 });
    expect(moved.type, JSON.stringify(moved)).toBe('ack');
    const seen = await gmc.next<EventsMessage>(
      (m) => m.type === 'events' && JSON.stringify(m).includes('"x":300'),
    );
    expect(seen.events.some((e) => e.type === 'core:token-moved')).toBe(true);
    // Still only as ana: the GM's scene is not hers to delete.
    const refused = await ac.action('core:delete-scene', { sceneId: 'crypt' });
    expect(refused.type).toBe('rejected');
    await Promise.all([ac.close(), gmc.close()]);
  });

  it("revoking a token closes its socket at once, and leaves the user's login socket open", async () => {
    const { id, gmc } = await tableWithTokens();
    const actor = await makeToken(server, ana, ['tables:act']);
    const tc = await LiveClient.open(server, id, null, { token: actor.token });
    await tc.join();
    const sc = await LiveClient.open(server, id, ana);
    await sc.join();
    const revoked = await request(server, 'DELETE', `/api/auth/tokens/${actor.id}`, {
      token: ana.token,
    });
    expect(revoked.status).toBe(204);
    const closed = await Promise.race([
      tc.closed,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000)),
    ]);
    expect(closed?.code).toBe(4001);
    const moved = await sc.action('core:move-token', { tokenId: 't-ayla', x: 1, y: 1 });
    expect(moved.type).toBe('ack');
    const again = await LiveClient.open(server, id, null, { token: actor.token }).catch(
      (e: unknown) => e,
    );
    expect((again as UpgradeRefused).status).toBe(401);
    await Promise.all([sc.close(), gmc.close()]);
  });
});

describe('the per-token request limit', () => {
  it('refuses a token past its requests a minute, and no other token', async () => {
    const limited = await startTestServer({ apiTokenRequestsPerMinute: 3 });
    try {
      const admin = await setupAdmin(limited);
      const first = await makeToken(limited, admin, ['campaigns:read']);
      const second = await makeToken(limited, admin, ['campaigns:read']);
      for (let i = 0; i < 3; i++) {
        const ok = await request(limited, 'GET', '/api/campaigns', { token: first.token });
        expect(ok.status).toBe(200);
      }
      const over = await request(limited, 'GET', '/api/campaigns', { token: first.token });
      expect([over.status, codeOf(over)]).toEqual([429, 'VTT_ERR_AUTH_RATE_LIMITED']);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(
        (await request(limited, 'GET', '/api/campaigns', { token: second.token })).status,
      ).toBe(200);
      // The user's login is not limited by its tokens.
      for (let i = 0; i < 5; i++) {
        expect(
          (await request(limited, 'GET', '/api/campaigns', { token: admin.token })).status,
        ).toBe(200);
      }
      expect(limited.logLines.join('\n')).not.toContain(first.token);
    } finally {
      await limited.dispose();
    }
  });
});

describe('the server log', () => {
  it('holds no token secret', () => {
    expect(secrets.length).toBeGreaterThan(5);
    const log = server.logLines.join('\n');
    expect(log).toContain('API token created');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
