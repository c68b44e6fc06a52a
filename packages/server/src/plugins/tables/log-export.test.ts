/**
 * The activity log's export and its filters, on a real server: JSON, CSV
 * and Markdown hold for a player only what they saw (canaries of four kinds
 * of secret), CSV round-trips awkward chat text, every filter narrows both
 * the export and the page, and a 100,000-event log streams out in bounded
 * memory.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ViewEvent } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fighterData } from '../../test-support/dnd5e-data.js';
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

const CANARIES = {
  journal: 'journal-canary-5d1e',
  token: 'hidden-token-canary-b27c',
  whisper: 'whisper-canary-0f93',
  timeline: 'timeline-canary-c4a8',
};
/** Chat text with every character CSV must quote: comma, double quote, LF, CR LF. */
const AWKWARD = 'He said, "run"\nthen "hid",\r\nquietly, ""twice""';
const CAMPAIGN_NAME = 'Tomb of "Horrors"/2';

interface LogPage {
  events: ViewEvent[];
  next: number | null;
}

/** Downloads an export as text. */
async function download(
  user: TestUser,
  query: string,
  campaignId = id,
): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(`${server.url}/api/campaigns/${campaignId}/log/export?${query}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function exported(user: TestUser, query = ''): Promise<ViewEvent[]> {
  const answer = await download(user, `format=json&${query}`);
  expect(answer.status, answer.text).toBe(200);
  return JSON.parse(answer.text) as ViewEvent[];
}

/** Every page of the log for `user` with `query`, newest first, concatenated. */
async function paged(user: TestUser, query = ''): Promise<ViewEvent[]> {
  const events: ViewEvent[] = [];
  let before: number | null | undefined;
  do {
    const cursor = before === undefined ? '' : `&before=${before}`;
    const answer = await request<LogPage>(
      server,
      'GET',
      `/api/campaigns/${id}/log?limit=7&${query}${cursor}`,
      { token: user.token },
    );
    expect(answer.status, answer.text).toBe(200);
    events.push(...answer.body.events);
    before = answer.body.next;
  } while (before !== null);
  return events;
}

/**
 * A strict RFC 4180 parser: records end in CRLF, a quoted field may hold
 * anything with its quotes doubled, an unquoted one no quote, CR or LF.
 * Throws on anything else.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`bad CSV at ${i}: ${why} (${JSON.stringify(text.slice(i - 10, i + 10))})`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') fail('quote or LF in an unquoted field');
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      records.push(record);
      record = [];
    } else fail('a field must end in a comma or CRLF');
  }
  if (record.length > 0) fail('the last record has no CRLF');
  return records;
}

beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server);
  ana = await addUser(server, gm, 'ana');
  bo = await addUser(server, gm, 'bo');
  outsider = await addUser(server, gm, 'zed');
  id = await campaignWith(server, gm, [ana, bo], { name: CAMPAIGN_NAME });
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
  await ok(gmc, 'core:create-token', {
    id: 't-lich',
    sceneId: 'crypt',
    name: CANARIES.token,
    x: 10,
    y: 10,
    hidden: true,
  });
  await ok(gmc, 'core:create-journal-entry', {
    title: CANARIES.journal,
    text: 'for the GM',
    visibility: 'gm',
  });
  await ok(gmc, 'core:create-timeline-entry', {
    date: { value: 1, label: 'Day 1' },
    title: CANARIES.timeline,
    visibility: 'gm',
  });
  await ok(gmc, 'core:send-message', { text: CANARIES.whisper, whisper: [bo.id] });
  await ok(gmc, 'core:send-message', { text: AWKWARD });
  for (let i = 0; i < 3; i++) {
    await ok(ac, 'core:move-token', { tokenId: 't-ayla', x: 200 + i * 50, y: 100 });
    await ok(gmc, 'core:move-token', { tokenId: 't-lich', x: 20 + i, y: 20 });
  }
  await ok(gmc, 'core:send-message', { text: 'a roll', roll: '1d20' });
  await ok(ac, 'core:send-message', { text: 'Ana speaks' });
  await Promise.all([gmc.close(), ac.close()]);
});
afterAll(() => server.dispose());

describe('log export', () => {
  it("never holds a GM-only journal entry, a hidden token, another's whisper or a GM-only timeline entry for a player; the GM's holds them all", async () => {
    for (const format of ['json', 'csv', 'md']) {
      const player = await download(ana, `format=${format}`);
      const master = await download(gm, `format=${format}`);
      expect(player.status, player.text).toBe(200);
      expect(master.status, master.text).toBe(200);
      expect(player.text).toContain('Ana speaks');
      for (const canary of Object.values(CANARIES)) {
        expect(player.text, `${format} of a player`).not.toContain(canary);
        expect(master.text, `${format} of the GM`).toContain(canary);
      }
    }
  });

  it('holds exactly the events of the log pages, oldest first', async () => {
    for (const user of [ana, bo, gm]) {
      const all = await exported(user);
      expect(all.length).toBeGreaterThan(5);
      expect(all).toEqual((await paged(user)).reverse());
      expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b));
    }
  });

  it('names the file after the campaign and answers the right content types', async () => {
    const types = { json: 'application/json', csv: 'text/csv', md: 'text/markdown' };
    for (const [format, type] of Object.entries(types)) {
      const answer = await download(ana, `format=${format}`);
      expect(answer.headers.get('content-type')).toMatch(new RegExp(`^${type};`));
      expect(answer.headers.get('content-disposition')).toBe(
        `attachment; filename="Tomb-of-Horrors-2-log.${format}"`,
      );
    }
    const md = (await download(ana, 'format=md')).text.split('\n');
    expect(md[0]).toBe('# Activity log of Tomb of "Horrors"/2');
    const spoke = md.find((l) => l.includes('Ana speaks'));
    expect(spoke).toMatch(
      /^- \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \*\*ana\*\* `core:message-posted` Ana speaks$/,
    );
  });

  it('round-trips chat text with commas, quotes and line breaks through CSV', async () => {
    const answer = await download(bo, 'format=csv');
    const [header, ...rows] = parseCsv(answer.text);
    expect(header).toEqual([
      'seq',
      'time',
      'type',
      'category',
      'author',
      'summary',
      'payload-json',
    ]);
    for (const row of rows) expect(row).toHaveLength(7);
    const awkward = rows.filter((r) => r[5] === AWKWARD);
    expect(awkward).toHaveLength(1);
    const [seq, time, type, category, author, , payload] = awkward[0]!;
    expect([type, category, author]).toEqual(['core:message-posted', 'chat', 'gwen']);
    expect(JSON.parse(payload!).message.text).toBe(AWKWARD);
    const asJson = (await exported(bo)).find((e) => e.seq === Number(seq))!;
    expect(new Date(asJson.time).toISOString()).toBe(time);
    expect(rows.map((r) => Number(r[0]))).toEqual((await exported(bo)).map((e) => e.seq));
  });

  it('answers a non-member and a missing campaign the same 404, and no token a 401', async () => {
    const stranger = await download(outsider, 'format=csv');
    const missing = await download(outsider, 'format=csv', 'no-such-id');
    expect(stranger.status).toBe(404);
    expect(stranger.text).toBe(missing.text.replaceAll('no-such-id', id));
    expect(stranger.headers.get('content-disposition')).toBeNull();
    const anonymous = await fetch(`${server.url}/api/campaigns/${id}/log/export`);
    expect(anonymous.status).toBe(401);
    expect((await download(gm, 'format=xml')).status).toBe(400);
  });
});

describe('log filters', () => {
  /** The export and the page with `query`, and the unfiltered export, for `user`. */
  async function narrowed(
    user: TestUser,
    query: string,
  ): Promise<{ all: ViewEvent[]; kept: ViewEvent[] }> {
    const all = await exported(user);
    const kept = await exported(user, query);
    expect(await paged(user, query)).toEqual([...kept].reverse());
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    return { all, kept };
  }

  it('by type', async () => {
    const { all, kept } = await narrowed(gm, 'type=core:token-created,core:actor-created');
    const want = new Set(['core:token-created', 'core:actor-created']);
    expect(kept).toEqual(all.filter((e) => want.has(e.type)));
    expect(kept.map((e) => e.type)).toEqual([
      'core:actor-created',
      'core:token-created',
      'core:token-created',
    ]);
  });

  it('by category', async () => {
    const tokens = await narrowed(gm, 'category=tokens');
    expect(tokens.kept).toEqual(tokens.all.filter((e) => e.type.startsWith('core:token-')));
    expect(tokens.kept).toHaveLength(8);
    const rolls = await narrowed(ana, 'category=rolls');
    expect(rolls.kept.map((e) => e.type)).toEqual(['core:message-posted']);
    const chat = await narrowed(ana, 'category=chat,journal');
    expect(chat.kept.map((e) => e.payload)).toMatchObject([
      { message: { text: AWKWARD } },
      { message: { text: 'Ana speaks' } },
    ]);
    const secret = await exported(ana, 'category=journal,timeline');
    expect(secret).toEqual([]);
    const bad = await request(server, 'GET', `/api/campaigns/${id}/log?category=dice`, {
      token: gm.token,
    });
    expect(bad.status).toBe(400);
  });

  it('by user', async () => {
    const { all, kept } = await narrowed(gm, `user=${ana.id}`);
    expect(kept).toEqual(all.filter((e) => e.author === ana.id));
    expect(kept.map((e) => e.type)).toContain('core:message-posted');
  });

  it('by actor: the actor, its token and its moves, not other tokens', async () => {
    const { kept } = await narrowed(gm, 'actor=ayla');
    expect(kept.map((e) => e.type)).toEqual([
      'core:actor-created',
      'core:token-created',
      'core:token-moved',
      'core:token-moved',
      'core:token-moved',
    ]);
    expect(JSON.stringify(kept)).not.toContain('t-lich');
  });

  it('by time range', async () => {
    const all = await exported(gm);
    const pivot = all.find((e) => e.type === 'core:journal-entry-created')!;
    const later = await narrowed(gm, `since=${pivot.time}`);
    expect(later.kept).toEqual(all.filter((e) => e.time >= pivot.time));
    expect(later.kept).toContainEqual(pivot);
    const earlier = await narrowed(gm, `until=${pivot.time}`);
    expect(earlier.kept).toEqual(all.filter((e) => e.time < pivot.time));
    expect(earlier.kept).not.toContainEqual(pivot);
    const none = await exported(gm, `since=${pivot.time}&until=${pivot.time}`);
    expect(none).toEqual([]);
  });

  it('by text, ignoring case, in what the requester received only', async () => {
    const { kept } = await narrowed(gm, 'text=aNA%20SPEAKS');
    expect(kept.map((e) => e.type)).toEqual(['core:message-posted']);
    expect((await narrowed(gm, `text=${CANARIES.whisper}`)).kept).toHaveLength(1);
    expect(await exported(ana, `text=${CANARIES.whisper}`)).toEqual([]);
    expect(await exported(ana, `text=${CANARIES.token}`)).toEqual([]);
  });
});

/** Counts the elements of a streamed JSON array of objects, chunk by chunk, keeping no text. */
class ArrayCounter {
  count = 0;
  #depth = 0;
  #inString = false;
  #escaped = false;

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (c === 0x5c) this.#escaped = true;
        else if (c === 0x22) this.#inString = false;
      } else if (c === 0x22) this.#inString = true;
      else if (c === 0x7b || c === 0x5b) this.#depth++;
      else if (c === 0x7d || c === 0x5d) {
        this.#depth--;
        if (c === 0x7d && this.#depth === 1) this.count++;
      }
    }
  }

  /** True once the outer array has closed. */
  get closed(): boolean {
    return this.#depth === 0 && !this.#inString;
  }
}

describe('a long log', () => {
  const MOVES = 100_000;
  /** Retained heap growth allowed during the download (the export is about 12 MB of JSON). */
  const HEAP_BOUND = 4 * 1024 * 1024;

  it(`streams ${MOVES.toLocaleString('en')} events out with bounded heap growth`, async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const big = await campaignWith(server, gm, [ana], { name: 'Long' });
    const gmc = await LiveClient.open(server, big, gm);
    await gmc.join();
    for (const [type, payload] of [
      ['core:create-scene', { id: 'road', name: 'Road', width: 10_000, height: 10_000 }],
      ['core:create-token', { id: 't-run', sceneId: 'road', name: 'Runner', x: 0, y: 0 }],
    ] as const) {
      expect((await gmc.action(type, payload)).type).toBe('ack');
    }
    await gmc.close();
    const before = await fetch(`${server.url}/api/campaigns/${big}/log/export`, {
      headers: { authorization: `Bearer ${ana.token}` },
    });
    const prefix = ((await before.json()) as ViewEvent[]).length;

    const db = server.app.db;
    const { seq: start } = await db
      .selectFrom('campaigns')
      .select('seq')
      .where('id', '=', big)
      .executeTakeFirstOrThrow();
    const t0 = Date.now();
    const ROWS = 1_000;
    for (let tx = 0; tx < 4; tx++) {
      await db.transaction().execute(async (trx) => {
        for (let batch = 0; batch < MOVES / 4 / ROWS; batch++) {
          const rows = Array.from({ length: ROWS }, (_, i) => {
            const n = (tx * MOVES) / 4 + batch * ROWS + i;
            const seq = Number(start) + 1 + n;
            const event = {
              seq,
              type: 'core:token-moved',
              author: gm.id,
              time: t0 + n,
              payload: { tokenId: 't-run', x: n % 9_973, y: (n * 7) % 9_973 },
            };
            return {
              campaign_id: big,
              seq,
              type: event.type,
              event: JSON.stringify(event),
            };
          });
          await trx.insertInto('events').values(rows).execute();
        }
      });
    }
    const last = Number(start) + MOVES;
    await db.updateTable('campaigns').set({ seq: last }).where('id', '=', big).execute();
    const inserted = Date.now() - t0;

    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let bytes = 0;
    let nextSample = 0;
    const counter = new ArrayCounter();
    const t1 = Date.now();
    const res = await fetch(`${server.url}/api/campaigns/${big}/log/export?format=json`, {
      headers: { authorization: `Bearer ${ana.token}` },
    });
    expect(res.status).toBe(200);
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      counter.feed(decoder.decode(value, { stream: true }));
      if (bytes >= nextSample) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        nextSample += 1024 * 1024;
      }
    }
    counter.feed(decoder.decode());
    const took = Date.now() - t1;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.info(
      `export of ${counter.count} events: ${mb(bytes)} in ${took} ms (insert ${inserted} ms); ` +
        `retained heap growth at most ${mb(peak)} of ${mb(HEAP_BOUND)} allowed`,
    );
    expect(counter.closed).toBe(true);
    expect(counter.count).toBe(prefix + MOVES);
    expect(bytes).toBeGreaterThan(3 * HEAP_BOUND);
    expect(peak).toBeLessThan(HEAP_BOUND);
  }, 60_000);
});
