import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import { addUser, request, setupAdmin, type TestUser } from '../../test-support/http-client.js';
import { LiveClient } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
let bo: TestUser;

beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
  bo = await addUser(server, gm, 'bo');
});
afterAll(() => server.dispose());

const codeOf = (answer: { body: Record<string, unknown> }) =>
  (answer.body['error'] as { code?: string } | undefined)?.code;

async function campaign(name = 'Tomb', system = 'dnd5e'): Promise<string> {
  const made = await request<{ id: string }>(server, 'POST', '/api/campaigns', {
    token: gm.token,
    body: { name, system },
  });
  expect(made.status).toBe(201);
  return made.body.id;
}

async function invite(id: string, role = 'player', maxUses = 5): Promise<string> {
  const made = await request<{ secret: string; url: string }>(
    server,
    'POST',
    `/api/campaigns/${id}/invites`,
    {
      token: gm.token,
      body: { role, expiresInSeconds: 3600, maxUses },
    },
  );
  expect(made.status).toBe(201);
  expect(made.body.url).toBe(`${server.url}/join#${made.body.secret}`);
  return made.body.secret;
}

describe('modules', () => {
  it('installs the three example systems on first start, once', async () => {
    const list = await request<{ modules: { id: string; kind: string }[] }>(
      server,
      'GET',
      '/api/modules',
      {
        token: ana.token,
      },
    );
    expect(list.body.modules.map((m) => m.id)).toEqual(['dnd5e', 'shadowrun', 'traveller']);
    expect(server.logLines.filter((l) => l.includes('installed module')).length).toBe(3);
  });
});

describe('campaigns', () => {
  it('takes a body as sent: a wrong type or an unknown field is refused by name, and nothing is made', async () => {
    const post = (body: object) =>
      request(server, 'POST', '/api/campaigns', { token: gm.token, body });
    const before = (
      await request<{ campaigns: unknown[] }>(server, 'GET', '/api/campaigns', {
        token: gm.token,
      })
    ).body.campaigns.length;
    const numberName = await post({ name: 123, system: 'dnd5e' }); // not turned into "123"
    expect(numberName.status).toBe(400);
    expect(numberName.body['error']).toMatchObject({
      code: 'VTT_ERR_HTTP_INVALID',
      params: { pointer: 'body/name' },
    });
    const misspelt = await post({ name: 'Tomb', system: 'dnd5e', sead: 'x' }); // not dropped
    expect(misspelt.status).toBe(400);
    expect(misspelt.body['error']).toMatchObject({
      code: 'VTT_ERR_HTTP_INVALID',
      params: { pointer: 'body/sead', problem: 'is no field of this route' },
    });
    const after = (
      await request<{ campaigns: unknown[] }>(server, 'GET', '/api/campaigns', {
        token: gm.token,
      })
    ).body.campaigns.length;
    expect(after).toBe(before);
    // A query string is text: its numbers are still read as numbers.
    const id = await campaign();
    const page = await request(server, 'GET', `/api/campaigns/${id}/log?limit=2`, {
      token: gm.token,
    });
    expect(page.status, page.text).toBe(200);
  });

  it('creates a campaign with a system and lists it for its GM only', async () => {
    const id = await campaign('Lost Mine');
    const mine = await request<{ campaigns: { id: string; role: string }[] }>(
      server,
      'GET',
      '/api/campaigns',
      {
        token: gm.token,
      },
    );
    expect(mine.body.campaigns).toContainEqual(
      expect.objectContaining({ id, role: 'gm', system: 'dnd5e' }),
    );
    const theirs = await request<{ campaigns: unknown[] }>(server, 'GET', '/api/campaigns', {
      token: ana.token,
    });
    expect(theirs.body.campaigns).toEqual([]);
    const state = await server.app.tables.state(id);
    expect(state.campaign.system).toBe('dnd5e');
    expect(state.members.get(gm.id)?.role).toBe('gm');
  });

  it('refuses an unknown system', async () => {
    const made = await request(server, 'POST', '/api/campaigns', {
      token: gm.token,
      body: { name: 'X', system: 'pathfinder' },
    });
    expect(codeOf(made)).toBe('VTT_ERR_CAMPAIGN_SYSTEM_UNKNOWN');
  });

  it("answers another campaign's id and a missing id with the same 404", async () => {
    const id = await campaign();
    const other = await request(server, 'GET', `/api/campaigns/${id}`, { token: ana.token });
    const missing = await request(server, 'GET', `/api/campaigns/no-such-campaign`, {
      token: ana.token,
    });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.text.replaceAll(id, 'ID')).toBe(missing.text.replaceAll('no-such-campaign', 'ID'));
    const members = await request(server, 'GET', `/api/campaigns/${id}/members`, {
      token: ana.token,
    });
    expect(members.status).toBe(404);
  });
});

describe('invites and members', () => {
  it('a player joins with an invite; the table state learns the member', async () => {
    const id = await campaign();
    const secret = await invite(id);
    const joined = await request<{ joined: boolean; campaign: { role: string } }>(
      server,
      'POST',
      '/api/invites/accept',
      {
        token: ana.token,
        body: { secret },
      },
    );
    expect(joined.body).toMatchObject({ joined: true, campaign: { role: 'player' } });
    const again = await request<{ joined: boolean }>(server, 'POST', '/api/invites/accept', {
      token: ana.token,
      body: { secret },
    });
    expect(again.body.joined).toBe(false);
    const invites = await request<{ invites: { uses: number }[] }>(
      server,
      'GET',
      `/api/campaigns/${id}/invites`,
      {
        token: gm.token,
      },
    );
    expect(invites.body.invites[0]!.uses).toBe(1);
    expect((await server.app.tables.state(id)).members.get(ana.id)).toMatchObject({
      role: 'player',
      name: 'ana',
    });
  });

  it('a newcomer registers with an invite link and is logged in, able to refresh', async () => {
    const id = await campaign();
    const secret = await invite(id, 'observer');
    const made = await request<{ accessToken: string; campaign: { id: string; role: string } }>(
      server,
      'POST',
      '/api/invites/register',
      { body: { secret, name: 'newbie', password: 'a long enough password' } },
    );
    expect(made.status).toBe(201);
    expect(made.body.campaign).toMatchObject({ id, role: 'observer' });
    const me = await request(server, 'GET', `/api/campaigns/${id}`, {
      token: made.body.accessToken,
    });
    expect(me.status).toBe(200);
    // The browser keeps the session through the HttpOnly cookie, as after a login.
    const cookie = made.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^vtt_refresh=[^;]+; Path=\/api\/auth; HttpOnly; SameSite=Strict/);
    const refreshed = await request<{ accessToken: string }>(server, 'POST', '/api/auth/refresh', {
      headers: { cookie: cookie.split(';')[0]! },
      body: {},
    });
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
  });

  it('a used-up, revoked or expired invite is refused', async () => {
    const id = await campaign();
    const once = await invite(id, 'player', 1);
    await request(server, 'POST', '/api/invites/accept', {
      token: ana.token,
      body: { secret: once },
    });
    const used = await request(server, 'POST', '/api/invites/accept', {
      token: bo.token,
      body: { secret: once },
    });
    expect(codeOf(used)).toBe('VTT_ERR_INVITE_INVALID');
    const later = await invite(id);
    await server.app.db
      .updateTable('invites')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    const expired = await request(server, 'POST', '/api/invites/accept', {
      token: bo.token,
      body: { secret: later },
    });
    expect(codeOf(expired)).toBe('VTT_ERR_INVITE_INVALID');
  });

  it('the GM changes roles and removes members; a campaign keeps a GM; players cannot', async () => {
    const id = await campaign();
    await request(server, 'POST', '/api/invites/accept', {
      token: ana.token,
      body: { secret: await invite(id) },
    });
    const byPlayer = await request(server, 'PATCH', `/api/campaigns/${id}/members/${ana.id}`, {
      token: ana.token,
      body: { role: 'gm' },
    });
    expect(codeOf(byPlayer)).toBe('VTT_ERR_CAMPAIGN_GM_ONLY');
    const lastGm = await request(server, 'PATCH', `/api/campaigns/${id}/members/${gm.id}`, {
      token: gm.token,
      body: { role: 'player' },
    });
    expect(codeOf(lastGm)).toBe('VTT_ERR_CAMPAIGN_LAST_GM');
    await request(server, 'PATCH', `/api/campaigns/${id}/members/${ana.id}`, {
      token: gm.token,
      body: { role: 'observer' },
    });
    expect((await server.app.tables.state(id)).members.get(ana.id)?.role).toBe('observer');
    const removed = await request(server, 'DELETE', `/api/campaigns/${id}/members/${ana.id}`, {
      token: gm.token,
    });
    expect(removed.status).toBe(204);
    expect((await server.app.tables.state(id)).members.has(ana.id)).toBe(false);
    expect(
      (await request(server, 'GET', `/api/campaigns/${id}`, { token: ana.token })).status,
    ).toBe(404);
  });

  it('keeps one name: a rename over HTTP reaches the table, a rename at the table reaches the list', async () => {
    const id = await campaign();
    const gmc = await LiveClient.open(server, id, gm);
    await gmc.join();
    const patch = (body: object) =>
      request<{ name: string }>(server, 'PATCH', `/api/campaigns/${id}`, { token: gm.token, body });
    expect((await patch({ name: 'Tomb of Horrors' })).body.name).toBe('Tomb of Horrors');
    const heard = await gmc.next(
      (m) =>
        m.type === 'events' &&
        m.events.some(
          (e) => e.type === 'core:campaign-updated' && e.payload.patch.name === 'Tomb of Horrors',
        ),
    );
    expect(heard.type).toBe('events');
    expect((await server.app.tables.state(id)).campaign.name).toBe('Tomb of Horrors');

    const answer = await gmc.action('core:update-campaign', { name: 'Tomb, part 2' });
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
    const read = await request<{ name: string }>(server, 'GET', `/api/campaigns/${id}`, {
      token: gm.token,
    });
    expect(read.body.name).toBe('Tomb, part 2');

    // Renamed while archived: the table takes the name when the campaign is back.
    await patch({ name: 'Archived name', archived: true });
    await gmc.closed;
    await patch({ archived: false });
    expect((await server.app.tables.state(id)).campaign.name).toBe('Archived name');
  });

  it('a player leaves an archived campaign; unarchived, its table no longer has them', async () => {
    const id = await campaign();
    const secret = await invite(id);
    await request(server, 'POST', '/api/invites/accept', { token: bo.token, body: { secret } });
    expect((await server.app.tables.state(id)).members.has(bo.id)).toBe(true);
    const patch = (body: object) =>
      request(server, 'PATCH', `/api/campaigns/${id}`, { token: gm.token, body });
    expect((await patch({ archived: true })).status).toBe(200);
    const left = await request(server, 'DELETE', `/api/campaigns/${id}/members/${bo.id}`, {
      token: bo.token,
    });
    expect(left.status, left.text).toBe(204);
    const mine = await request<{ campaigns: { id: string }[] }>(server, 'GET', '/api/campaigns', {
      token: bo.token,
    });
    expect(mine.body.campaigns.map((c) => c.id)).not.toContain(id);
    expect((await patch({ archived: false })).status).toBe(200);
    const members = (await server.app.tables.state(id)).members;
    expect(members.has(bo.id)).toBe(false);
    expect(members.get(gm.id)?.role).toBe('gm');
  });

  it('archives, renames and deletes a campaign with its events and snapshots', async () => {
    const id = await campaign();
    const renamed = await request<{ name: string; archived: boolean }>(
      server,
      'PATCH',
      `/api/campaigns/${id}`,
      {
        token: gm.token,
        body: { name: 'Renamed', archived: true },
      },
    );
    expect(renamed.body).toMatchObject({ name: 'Renamed', archived: true });
    const gone = await request(server, 'DELETE', `/api/campaigns/${id}`, { token: gm.token });
    expect(gone.status).toBe(204);
    const left = await server.app.db
      .selectFrom('snapshots')
      .select('seq')
      .where('campaign_id', '=', id)
      .execute();
    expect(left).toEqual([]);
    expect((await request(server, 'GET', `/api/campaigns/${id}`, { token: gm.token })).status).toBe(
      404,
    );
  });
});
