/**
 * The sessions list and a session's document, on a real server: a
 * scripted first session of a D&D 5e campaign (chat, a seeded roll, a
 * public and a GM-only timeline entry, a token move, a whisper to another
 * player, HTML in a chat line), ended, then a second session. A player's
 * Markdown and HTML hold the chat, the roll die by die as its result says
 * and the public timeline entry in its place, never the GM-only entry, the
 * whisper to someone else or the next session (canaries); the GM's hold
 * the secrets; HTML comes out escaped under a strict CSP.
 */
import type { DieResult, DiceTermResult, RollResult, ViewEvent } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fighterData } from '../../test-support/dnd5e-data.js';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import { addUser, request, setupAdmin, type TestUser } from '../../test-support/http-client.js';
import { LiveClient } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

/** The campaign's dice seed: the first session's rolls come from it. */
const SEED = 'session-export-test-seed-1';
const CAMPAIGN_NAME = 'Crypt <of> "Ash"';
const CHAT = 'We step into the crypt-7e21';
const INJECTION = '<img src=x onerror=alert(1)>';
const PUBLIC_ENTRY = 'The party reached the crypt-a91f';
const CANARIES = {
  gmEntry: 'gm-timeline-canary-3c5d',
  whisper: 'whisper-to-bo-canary-88e0',
  nextSession: 'second-session-canary-41b7',
};

let server: TestServer;
let gm: TestUser;
let ana: TestUser;
let bo: TestUser;
let outsider: TestUser;
let id: string;
let createdAt: number;

interface Download {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

interface SessionSummary {
  session: number;
  startedAt: number;
  endedAt: number | null;
  fromSeq: number;
  toSeq: number | null;
  events: number;
}

async function download(user: TestUser, path: string, campaignId = id): Promise<Download> {
  const res = await fetch(`${server.url}/api/campaigns/${campaignId}/${path}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function sessionDoc(user: TestUser, format: 'md' | 'html', session = 1): Promise<string> {
  const answer = await download(user, `sessions/${session}/export?format=${format}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.text;
}

async function logOf(user: TestUser): Promise<ViewEvent[]> {
  const answer = await download(user, 'log/export?format=json');
  expect(answer.status, answer.text).toBe(200);
  return JSON.parse(answer.text) as ViewEvent[];
}

/** The roll ana's message carried, as the log gives it. */
async function theRoll(): Promise<RollResult> {
  const posted = (await logOf(ana)).find(
    (e) => e.type === 'core:message-posted' && e.payload.message.roll !== null,
  );
  if (posted?.type !== 'core:message-posted') throw new Error('no roll in the log');
  return posted.payload.message.roll!;
}

/** A die as the documents write it: its value, then its standing and what else happened. */
function dieWords(die: DieResult): string {
  const standing = die.rerolled ? 'rerolled' : die.dropped ? 'dropped' : 'kept';
  const marks = [
    die.exploded && 'exploded',
    die.fromExplosion && 'from explosion',
    die.clamped && 'clamped',
    die.success && 'success',
    die.failure && 'failure',
  ].filter((m) => m !== false);
  return `${die.value} (${[standing, ...marks].join(', ')})`;
}

/** The index of `needle` in `text`, failing the test when it is absent. */
function at(text: string, needle: string): number {
  const i = text.indexOf(needle);
  expect(i, `${JSON.stringify(needle)} in the document`).toBeGreaterThanOrEqual(0);
  return i;
}

beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
  bo = await addUser(server, gm, 'bo');
  outsider = await addUser(server, gm, 'zed');
  const made = await request<{ id: string }>(server, 'POST', '/api/campaigns', {
    token: gm.token,
    body: { name: CAMPAIGN_NAME, system: 'dnd5e', seed: SEED },
  });
  expect(made.status, made.text).toBe(201);
  id = made.body.id;
  const invite = await request<{ secret: string }>(server, 'POST', `/api/campaigns/${id}/invites`, {
    token: gm.token,
    body: { role: 'player', expiresInSeconds: 3600, maxUses: 2 },
  });
  for (const p of [ana, bo]) {
    const joined = await request(server, 'POST', '/api/invites/accept', {
      token: p.token,
      body: { secret: invite.body.secret },
    });
    expect(joined.status, joined.text).toBe(200);
  }
  const listed = await request<{ campaigns: Array<{ id: string; createdAt: number }> }>(
    server,
    'GET',
    '/api/campaigns',
    { token: gm.token },
  );
  createdAt = listed.body.campaigns.find((c) => c.id === id)!.createdAt;

  const gmc = await LiveClient.open(server, id, gm);
  const ac = await LiveClient.open(server, id, ana);
  await gmc.join();
  await ac.join();
  const ok = async (c: LiveClient, type: string, payload: unknown): Promise<void> => {
    const answer = await c.action(type, payload);
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
  };
  await ok(gmc, 'core:create-scene', { id: 'crypt', name: 'Crypt', width: 1000, height: 1000 });
  await ok(gmc, 'core:create-actor', {
    id: 'ayla',
    name: 'Ayla',
    type: 'character',
    data: fighterData(),
    ownership: { [ana.id]: 'owner' },
  });
  await ok(gmc, 'core:create-token', {
    id: 't-ayla',
    sceneId: 'crypt',
    name: 'Ayla',
    x: 100,
    y: 100,
    actorId: 'ayla',
  });
  await ok(ac, 'core:send-message', { text: CHAT });
  await ok(ac, 'core:send-message', { text: 'Ayla attacks', roll: '4d6kh3+2', speaker: 'Ayla' });
  await ok(gmc, 'core:create-timeline-entry', {
    date: { value: 10, label: 'Day 10' },
    title: PUBLIC_ENTRY,
    text: 'Dust everywhere',
    visibility: 'public',
  });
  await ok(ac, 'core:move-token', { tokenId: 't-ayla', x: 300, y: 100 });
  await ok(gmc, 'core:create-timeline-entry', {
    date: { value: 11, label: 'Day 11' },
    title: CANARIES.gmEntry,
    visibility: 'gm',
  });
  await ok(gmc, 'core:send-message', { text: CANARIES.whisper, whisper: [bo.id] });
  await ok(ac, 'core:send-message', { text: INJECTION });
  await ok(gmc, 'core:end-session', {});
  await ok(gmc, 'core:start-session', {});
  await ok(gmc, 'core:send-message', { text: CANARIES.nextSession });
  await ok(gmc, 'core:end-session', {});
  await Promise.all([gmc.close(), ac.close()]);
});
afterAll(() => server.dispose());

describe('session export', () => {
  it("holds the chat, the roll die by die and the public timeline entry in its place for a player, never the GM's secrets; the GM's holds them", async () => {
    const roll = await theRoll();
    const term = roll.terms.find((t): t is DiceTermResult => t.type === 'dice')!;
    expect(term.dice.filter((d) => d.dropped)).toHaveLength(1);
    for (const format of ['md', 'html'] as const) {
      const player = await sessionDoc(ana, format);
      const master = await sessionDoc(gm, format);
      const dice = term.dice.map(dieWords);
      if (format === 'md') {
        at(player, `**ana**: ${CHAT}\n`);
        at(player, '**Ayla**: Ayla attacks\n');
        at(player, `roll \`${roll.notation}\` = **${roll.total}**`);
        at(player, `- \`${term.notation}\`: ${dice.join(', ')}\n`);
      } else {
        at(player, `<span class="text">${CHAT}</span>`);
        at(player, `roll <code>${roll.notation}</code> = <b>${roll.total}</b>`);
        const spans = term.dice.map(
          (d, i) =>
            `<span class="die ${d.dropped ? 'dropped' : 'kept'}" title="d6">${dice[i]}</span>`,
        );
        at(player, `<code>${term.notation}</code>: ${spans.join(', ')}</li>`);
      }
      const rolled = at(player, roll.notation);
      const entry = at(player, PUBLIC_ENTRY);
      const moved = at(player, 't-ayla to (300, 100)');
      expect(rolled).toBeLessThan(entry);
      expect(entry).toBeLessThan(moved);
      at(player, 'Day 10');
      for (const canary of Object.values(CANARIES)) {
        expect(player, `${format} of a player`).not.toContain(canary);
      }
      at(master, CANARIES.gmEntry);
      at(master, CANARIES.whisper);
      expect(master).not.toContain(CANARIES.nextSession);
      expect(await sessionDoc(bo, format)).toContain(CANARIES.whisper);
      expect(await sessionDoc(ana, format, 2)).toContain(CANARIES.nextSession);
    }
  });

  it('writes HTML as a self-contained page with chat HTML escaped, under a strict CSP', async () => {
    const answer = await download(ana, 'sessions/1/export?format=html');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(answer.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="Crypt-of-Ash-session-1.html"',
    );
    const html = answer.text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.trimEnd()).toMatch(/<\/html>$/);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<h1>Crypt &lt;of&gt; &quot;Ash&quot;: session 1</h1>');

    const md = await download(ana, 'sessions/1/export?format=md');
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown; charset=utf-8/);
    expect(md.headers.get('content-disposition')).toBe(
      'attachment; filename="Crypt-of-Ash-session-1.md"',
    );
    expect(md.text.split('\n')[0]).toBe('# Crypt \\<of\\> "Ash": session 1');
    expect(md.text).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md.text).not.toContain(INJECTION);
  });

  it('answers an unknown session 404 with a typed error, a non-member the campaign 404', async () => {
    const missing = await download(ana, 'sessions/99/export?format=md');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).error.code).toBe('VTT_ERR_CAMPAIGN_SESSION_NOT_FOUND');
    expect(missing.headers.get('content-disposition')).toBeNull();
    const stranger = await download(outsider, 'sessions/1/export?format=md');
    expect(stranger.status).toBe(404);
    expect(JSON.parse(stranger.text).error.code).toBe('VTT_ERR_CAMPAIGN_NOT_FOUND');
    expect((await download(outsider, 'sessions')).status).toBe(404);
    expect((await download(ana, 'sessions/1/export?format=pdf')).status).toBe(400);
  });

  it('lists the sessions with their times and the events each member received', async () => {
    const log = await logOf(gm);
    const ended = log.filter((e) => e.type === 'core:dice-session-ended');
    const started = log.filter((e) => e.type === 'core:dice-session-started');
    expect(ended).toHaveLength(2);
    expect(started).toHaveLength(1);
    for (const user of [ana, gm]) {
      const answer = await request<{ sessions: SessionSummary[] }>(
        server,
        'GET',
        `/api/campaigns/${id}/sessions`,
        { token: user.token },
      );
      expect(answer.status, answer.text).toBe(200);
      const seen = await logOf(user);
      const count = (from: number, to: number): number =>
        seen.filter((e) => e.seq >= from && e.seq <= to).length;
      expect(answer.body.sessions).toEqual([
        {
          session: 1,
          startedAt: createdAt,
          endedAt: ended[0]!.time,
          fromSeq: 1,
          toSeq: ended[0]!.seq,
          events: count(1, ended[0]!.seq),
        },
        {
          session: 2,
          startedAt: started[0]!.time,
          endedAt: ended[1]!.time,
          fromSeq: started[0]!.seq,
          toSeq: ended[1]!.seq,
          events: count(started[0]!.seq, ended[1]!.seq),
        },
      ]);
      expect(answer.body.sessions[0]!.events).toBeGreaterThan(8);
    }
    const forAna = await request<{ sessions: SessionSummary[] }>(
      server,
      'GET',
      `/api/campaigns/${id}/sessions`,
      { token: ana.token },
    );
    const forGm = await request<{ sessions: SessionSummary[] }>(
      server,
      'GET',
      `/api/campaigns/${id}/sessions`,
      { token: gm.token },
    );
    expect(forAna.body.sessions[0]!.events).toBeLessThan(forGm.body.sessions[0]!.events);
  });
});
