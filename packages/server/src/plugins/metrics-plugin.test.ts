/**
 * `/metrics` and `/readyz` on a real server with a D&D 5e table in play:
 * the counters say what happened (requests by type, refusals by code,
 * sockets, tables, sandbox calls, database appends), only admins read them,
 * and no id or secret is in them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITH_EXAMPLES } from '../test-support/examples.js';
import { addUser, request, setupAdmin, type TestUser } from '../test-support/http-client.js';
import { campaignWith, LiveClient } from '../test-support/live-client.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
});
afterAll(() => server.dispose());

/** The value of one sample line, e.g. `vtt_requests_total{kind="action",type="core:move-token"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('counts what a table did, for admins only, with no id or secret in it', async () => {
    const id = await campaignWith(server, gm, [ana]);
    const gmc = await LiveClient.open(server, id, gm);
    const ac = await LiveClient.open(server, id, ana);
    await gmc.join();
    await ac.join();
    expect((await gmc.action('core:create-scene', { id: 's', name: 'S' })).type).toBe('ack');
    const made = await gmc.action('core:create-token', {
      id: 't',
      sceneId: 's',
      name: 'Ogre',
      x: 0,
      y: 0,
    });
    expect(made.type).toBe('ack');
    for (let i = 1; i <= 5; i++) {
      expect((await gmc.action('core:move-token', { tokenId: 't', x: i, y: 0 })).type).toBe('ack');
    }
    // ana may not move the GM's token: a refusal by code
    const refused = await ac.action('core:move-token', { tokenId: 't', x: 9, y: 9 });
    expect(refused.type).toBe('rejected');
    const code = refused.type === 'rejected' ? refused.error.code : '';

    expect((await request(server, 'GET', '/metrics', { token: ana.token })).status).toBe(403);
    expect((await request(server, 'GET', '/metrics')).status).toBe(401);
    const answer = await request(server, 'GET', '/metrics', { token: gm.token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = answer.text;
    expect(sample(text, 'vtt_requests_total{kind="action",type="core:move-token"}')).toBe(5);
    expect(sample(text, 'vtt_requests_total{kind="action",type="core:create-token"}')).toBe(1);
    expect(sample(text, `vtt_rejected_total{code="${code}"}`)).toBe(1);
    expect(sample(text, 'vtt_connected_clients')).toBe(2);
    expect(sample(text, 'vtt_active_tables')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'vtt_quarantined_modules')).toBe(0);
    expect(sample(text, 'vtt_request_duration_seconds_count{kind="action"}')).toBe(7);
    expect(sample(text, 'vtt_db_append_duration_seconds_count')).toBeGreaterThanOrEqual(7);
    // Loading the table called into D&D 5e's sandbox (describe, load).
    expect(
      sample(text, 'vtt_sandbox_call_duration_seconds_count{fn="vttDescribe"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('process_resident_memory_bytes');
    for (const secret of [id, gm.id, ana.id, gm.token, ana.token])
      expect(text).not.toContain(secret);

    await Promise.all([gmc.close(), ac.close()]);
    const after = await request(server, 'GET', '/metrics', { token: gm.token });
    expect(sample(after.text, 'vtt_connected_clients')).toBe(0);
  });
});

describe('the JSON log', () => {
  it("names the request and the campaign on every line of a campaign's request", async () => {
    const id = await campaignWith(server, gm, [ana]);
    const answer = await request(server, 'GET', `/api/campaigns/${id}/log?limit=1`, {
      token: ana.token,
    });
    expect(answer.status).toBe(200);
    const lines = server.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter(
        (l) => (l['req'] as { path?: string } | undefined)?.path === `/api/campaigns/${id}/log`,
      );
    expect(lines.length).toBeGreaterThan(0);
    const reqId = lines[0]!['reqId'];
    const completed = server.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l['reqId'] === reqId && l['msg'] === 'request completed');
    expect(completed).toMatchObject({ campaignId: id, reqId: expect.any(String) });
    const ofRequest = server.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['reqId'] === reqId);
    expect(ofRequest.every((l) => l['campaignId'] === id)).toBe(true);
    expect(server.logLines.join('\n')).not.toContain(ana.token);
  });
});

describe('/readyz', () => {
  it('is ready while database and sandbox answer, and says which check fails', async () => {
    let ready = await request(server, 'GET', '/readyz');
    // Ready once its sandbox workers answer (a load balancer polls the same way).
    for (let i = 0; i < 50 && ready.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await request(server, 'GET', '/readyz');
    }
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      ready: true,
      checks: { database: 'ok', sandbox: 'ok', accepting: 'ok' },
    });
    const other = await startTestServer();
    try {
      await other.app.sandbox.close(); // the workers are gone
      const down = await request(other, 'GET', '/readyz');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({
        ready: false,
        checks: { database: 'ok', sandbox: 'failing', accepting: 'ok' },
      });
      expect((await request(other, 'GET', '/healthz')).status).toBe(200);
    } finally {
      await other.dispose();
    }
  });
});
