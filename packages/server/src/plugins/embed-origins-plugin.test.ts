/**
 * Pages of other sites (`embedOrigins`) on a real server: CORS on `/api/*`
 * for listed origins only, never with credentials, preflights answered, and
 * the live socket's Origin check opened to the same list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITH_EXAMPLES } from '../test-support/examples.js';
import { addUser, request, setupAdmin, type TestUser } from '../test-support/http-client.js';
import { campaignWith, LiveClient, UpgradeRefused } from '../test-support/live-client.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const BLOG = 'https://blog.example.org';
const EVIL = 'https://evil.example';

let server: TestServer;
let plain: TestServer;
let gm: TestUser;
let ana: TestUser;
beforeAll(async () => {
  [server, plain] = await Promise.all([
    startTestServer({ ...WITH_EXAMPLES, embedOrigins: `${BLOG}, null` }),
    startTestServer(),
  ]);
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
});
afterAll(() => Promise.all([server.dispose(), plain.dispose()]));

const preflight = (target: TestServer, origin: string) =>
  fetch(`${target.url}/api/me`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    },
  });

describe('embedOrigins', () => {
  it('answers the preflight of a listed origin, and of file:// pages (null), and no other', async () => {
    for (const origin of [BLOG, 'null']) {
      const answer = await preflight(server, origin);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const evil = await preflight(server, EVIL);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const off = await preflight(plain, BLOG);
    expect(off.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a listed page read answers with a bearer token, never with cookies', async () => {
    const me = await request(server, 'GET', '/api/me', {
      token: ana.token,
      headers: { origin: BLOG },
    });
    expect(me.status).toBe(200);
    expect(me.headers.get('access-control-allow-origin')).toBe(BLOG);
    expect(me.headers.get('vary')).toMatch(/origin/i);
    expect(me.headers.get('access-control-allow-credentials')).toBeNull();
    const evil = await request(server, 'GET', '/api/me', {
      token: ana.token,
      headers: { origin: EVIL },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("opens the live socket from a listed origin and still refuses others'", async () => {
    const id = await campaignWith(server, gm, [ana]);
    const live = await LiveClient.open(server, id, ana, { origin: BLOG });
    expect((await live.join()).type).toBe('snapshot');
    await live.close();
    const refused = await LiveClient.open(server, id, ana, { origin: EVIL }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(UpgradeRefused);
    expect((refused as UpgradeRefused).status).toBe(403);
  });

  it('refuses a setting that is not an origin, naming it and the fix', async () => {
    const error = await startTestServer({ embedOrigins: 'https://blog.example.org/path' }).then(
      (s) => s.dispose().then(() => null),
      (e: unknown) => e as Error,
    );
    expect(String(error)).toMatch(/--embed-origins|VTT_EMBED_ORIGINS/);
    expect(String(error)).toMatch(/scheme:\/\/host/);
  });
});
