/**
 * Chat history and the activity log over HTTP, on a real server: pages are
 * projected for the requester (no whisper to others, no hidden token's
 * events, no deleted message), filtered, and walk the whole log.
 */
import type { AckMessage, ChatMessage, ViewEvent } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import { addUser, request, setupAdmin, type TestUser } from '../../test-support/http-client.js';
import { campaignWith, LiveClient } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
let bo: TestUser;
let outsider: TestUser;
let id: string;
const SECRET_WHISPER = 'whisper-canary-91c2';
const SECRET_TOKEN = 'lich-canary-44ab';
const DELETED = 'deleted-canary-0e7d';

interface ChatPage {
  messages: ChatMessage[];
  next: number | null;
}
interface LogPage {
  events: ViewEvent[];
  next: number | null;
}

async function allPages<T extends { next: number | null }>(
  user: TestUser,
  path: string,
  limit: number,
): Promise<T[]> {
  const pages: T[] = [];
  let before: number | null | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const cursor = before === undefined ? '' : `&before=${before}`;
    const answer = await request<T>(server, 'GET', `${path}${sep}limit=${limit}${cursor}`, {
      token: user.token,
    });
    expect(answer.status, answer.text).toBe(200);
    pages.push(answer.body);
    before = answer.body.next;
  } while (before !== null && pages.length < 100);
  return pages;
}

beforeAll(async () => {
  server = await startTestServer({ ...WITH_EXAMPLES, snapshotEvery: 20 });
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
  bo = await addUser(server, gm, 'bo');
  outsider = await addUser(server, gm, 'zed');
  id = await campaignWith(server, gm, [ana, bo]);
  const gmc = await LiveClient.open(server, id, gm);
  const ac = await LiveClient.open(server, id, ana);
  await gmc.join();
  await ac.join();
  const ok = async (c: LiveClient, type: string, payload: unknown): Promise<AckMessage> => {
    const answer = await c.action(type, payload);
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
    return answer as AckMessage;
  };
  await ok(gmc, 'core:create-scene', { id: 'crypt', name: 'Crypt', width: 1000, height: 1000 });
  await ok(gmc, 'core:create-token', {
    id: 't-lich',
    sceneId: 'crypt',
    name: SECRET_TOKEN,
    x: 10,
    y: 10,
    hidden: true,
  });
  for (let i = 0; i < 30; i++) {
    await ok(gmc, 'core:send-message', { text: `public ${i}` });
    if (i % 10 === 3) await ok(gmc, 'core:move-token', { tokenId: 't-lich', x: 20 + i, y: 20 });
  }
  await ok(gmc, 'core:send-message', { text: SECRET_WHISPER, whisper: [ana.id] });
  await ok(ac, 'core:send-message', { text: 'ana speaks' });
  await ok(gmc, 'core:send-message', { text: DELETED });
  const gmChat = await request<ChatPage>(server, 'GET', `/api/campaigns/${id}/chat?limit=1`, {
    token: gm.token,
  });
  expect(gmChat.status, gmChat.text).toBe(200);
  await ok(gmc, 'core:delete-message', { messageId: gmChat.body.messages[0]!.id });
  await Promise.all([gmc.close(), ac.close()]);
});
afterAll(() => server.dispose());

describe('chat history', () => {
  it('pages a player through every message they saw, newest first, and nothing else', async () => {
    const pages = await allPages<ChatPage>(bo, `/api/campaigns/${id}/chat`, 7);
    const texts = pages.flatMap((p) => p.messages.map((m) => m.text));
    expect(texts).toEqual([
      'ana speaks',
      ...Array.from({ length: 30 }, (_, i) => `public ${29 - i}`),
    ]);
    expect(pages).toHaveLength(5);
    expect(pages.at(-1)!.next).toBeNull();
    const body = JSON.stringify(pages);
    for (const secret of [SECRET_WHISPER, DELETED, SECRET_TOKEN])
      expect(body).not.toContain(secret);
  });

  it('shows a whisper to its recipient and the GM', async () => {
    for (const user of [ana, gm]) {
      const page = await request<ChatPage>(server, 'GET', `/api/campaigns/${id}/chat?limit=3`, {
        token: user.token,
      });
      expect(page.body.messages.map((m) => m.text)).toEqual([
        'ana speaks',
        SECRET_WHISPER,
        'public 29',
      ]);
      expect(page.body.messages[0]!.author).toBe(ana.id);
    }
  });
});

describe('activity log', () => {
  it("leaves a hidden token's events out of a player's log; the GM sees them", async () => {
    const moved = (user: TestUser) =>
      request<LogPage>(server, 'GET', `/api/campaigns/${id}/log?type=core:token-moved`, {
        token: user.token,
      });
    expect((await moved(gm)).body.events).toHaveLength(3);
    const player = await moved(bo);
    expect(player.status).toBe(200);
    expect(player.body.events).toEqual([]);
    const all = await allPages<LogPage>(bo, `/api/campaigns/${id}/log`, 50);
    expect(JSON.stringify(all)).not.toContain(SECRET_TOKEN);
    expect(JSON.stringify(all)).not.toContain(SECRET_WHISPER);
    expect(all.flatMap((p) => p.events).some((e) => e.type === 'core:scene-created')).toBe(true);
  });

  it('filters by user, by several types and by time', async () => {
    const byAna = await request<LogPage>(server, 'GET', `/api/campaigns/${id}/log?user=${ana.id}`, {
      token: gm.token,
    });
    expect(byAna.body.events.map((e) => e.type)).toEqual(['core:message-posted']);
    const two = await request<LogPage>(
      server,
      'GET',
      `/api/campaigns/${id}/log?type=core:token-created,core:scene-created`,
      { token: gm.token },
    );
    expect(two.body.events.map((e) => e.type)).toEqual([
      'core:token-created',
      'core:scene-created',
    ]);
    const created = two.body.events[1]!;
    const early = await request<LogPage>(
      server,
      'GET',
      `/api/campaigns/${id}/log?until=${created.time + 1}&type=core:scene-created`,
      { token: gm.token },
    );
    expect(early.body.events).toHaveLength(1);
    const late = await request<LogPage>(
      server,
      'GET',
      `/api/campaigns/${id}/log?since=${created.time + 60_000}`,
      { token: gm.token },
    );
    expect(late.body.events).toEqual([]);
  });

  it('answers a non-member, a missing campaign and no token as it answers elsewhere', async () => {
    for (const path of [`/api/campaigns/${id}/log`, `/api/campaigns/${id}/chat`]) {
      const stranger = await request(server, 'GET', path, { token: outsider.token });
      const missing = await request(server, 'GET', path.replace(id, 'no-such-id'), {
        token: outsider.token,
      });
      expect(stranger.status).toBe(404);
      expect(stranger.text).toBe(missing.text.replaceAll('no-such-id', id));
      expect((await request(server, 'GET', path)).status).toBe(401);
    }
    const bad = await request(server, 'GET', `/api/campaigns/${id}/log?limit=5000`, {
      token: gm.token,
    });
    expect(bad.status).toBe(400);
  });
});
