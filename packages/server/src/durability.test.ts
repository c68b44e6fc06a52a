/**
 * Durability under SIGKILL: a real server in a child process on a real
 * SQLite file, a GM and two players acting at once, the process killed at
 * seeded-random moments over ten rounds. After each kill the file is opened
 * read-only and checked; then the server restarts on it, the clients rejoin
 * with their last seq and resend what was not acknowledged, with the same
 * client action ids. Rerun a failure with `VTT_DURABILITY_SEED=<seed>`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRng,
  type AckMessage,
  applyEvent,
  applyViewEvent,
  canonicalJson,
  type ReplayMessage,
  reviveState,
  reviveView,
  type ServerMessage,
  type SnapshotMessage,
  stateHash,
  type TableEvent,
  type TableState,
  type TableView,
  viewFor,
} from '@vtt/core';
import SQLite from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { EXAMPLES_DIR } from './test-support/examples.js';
import { addUser, setupAdmin, type TestUser } from './test-support/http-client.js';
import { campaignWith, LiveClient } from './test-support/live-client.js';
import {
  prepareServerProcess,
  type PreparedServerProcess,
  type ServerProcess,
  type TableHash,
} from './test-support/server-process.js';
import { fighterData } from './test-support/dnd5e-data.js';

const ROUNDS = 10;
/** New actions each round (those a kill left unsent are sent first in the next). */
const PER_ROUND = 105;
const SETTINGS = { snapshotEvery: 40, sandboxWorkers: 1 } as const;
const SEED = Number(process.env['VTT_DURABILITY_SEED'] ?? Math.floor(Math.random() * 2 ** 32));

const rng = createRng(SEED);
const random = (): number => rng.nextFloat();
const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Who = 'gm' | 'ana' | 'bo';
const WHO: readonly Who[] = ['gm', 'ana', 'bo'];
const OWN_TOKEN: Record<Who, string> = { gm: 't-ogre', ana: 't-ayla', bo: 't-brom' };

/** One action of the battery: its client id, sender, message, and the key of the event(s) it makes. */
interface Planned {
  readonly id: string;
  readonly who: Who;
  readonly message: Record<string, unknown>;
  /** Key of its event ({@link eventKey}); a dice session is found through its applied request. */
  readonly key: string | null;
  /** Events it makes: a new dice session ends the running one and starts the next. */
  readonly events: 1 | 2;
}

function plan(count: number): Planned[] {
  const out: Planned[] = [];
  for (let n = 1; n <= count; n++) {
    const r = random();
    const who: Who = r < 0.4 ? 'gm' : r < 0.7 ? 'ana' : 'bo';
    const id = `${who}-${n}`;
    const k = random();
    if (k < 0.45) {
      const text = `durable ${id}`;
      out.push({ id, who, message: { type: 'chat', text }, key: `chat:${text}`, events: 1 });
    } else if (who === 'gm' && k < 0.62) {
      const payload = { id: `tk-${n}`, sceneId: 'crypt', name: `Tk ${n}`, x: n, y: 3000 };
      out.push({
        id,
        who,
        message: action('core:create-token', payload),
        key: `token:tk-${n}`,
        events: 1,
      });
    } else if (who === 'gm' && k < 0.7) {
      out.push({ id, who, message: action('core:start-session', {}), key: null, events: 2 });
    } else {
      const payload = { tokenId: OWN_TOKEN[who], x: n, y: n % 97 };
      const key = `move:${payload.tokenId}:${payload.x}:${payload.y}`;
      out.push({ id, who, message: action('core:move-token', payload), key, events: 1 });
    }
  }
  return out;
}

function action(type: string, payload: unknown): Record<string, unknown> {
  return { type: 'action', action: { type, payload } };
}

/** The key of a planned action's event, or null for events the battery does not key. */
function eventKey(event: TableEvent): string | null {
  switch (event.type) {
    case 'core:message-posted':
      return `chat:${event.payload.message.text}`;
    case 'core:token-moved':
      return `move:${event.payload.tokenId}:${event.payload.x}:${event.payload.y}`;
    case 'core:token-created':
      return `token:${event.payload.token.id}`;
    default:
      return null;
  }
}

/** What the SQLite file holds after a kill. */
interface Disk {
  readonly integrity: string[];
  readonly campaignSeq: number;
  readonly events: TableEvent[];
  /** The events as stored, to check that what was durable stays as it was. */
  readonly texts: string[];
  readonly eventSeqs: number[];
  readonly snapshots: { seq: number; state: string }[];
  /** Applied requests by `<userId>/<clientId>`: the ack stored with them. */
  readonly applied: Map<string, AckMessage>;
}

function readDisk(file: string, campaignId: string): Disk {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    const rows = db
      .prepare('SELECT seq, event FROM events WHERE campaign_id = ? ORDER BY seq')
      .all(campaignId) as { seq: number; event: string }[];
    const campaign = db.prepare('SELECT seq FROM campaigns WHERE id = ?').get(campaignId) as {
      seq: number;
    };
    const snapshots = db
      .prepare('SELECT seq, state FROM snapshots WHERE campaign_id = ? ORDER BY seq')
      .all(campaignId) as { seq: number; state: string }[];
    const applied = new Map<string, AckMessage>();
    const requests = db
      .prepare('SELECT user_id, client_id, ack FROM applied_requests WHERE campaign_id = ?')
      .all(campaignId) as { user_id: string; client_id: string; ack: string }[];
    for (const r of requests) applied.set(`${r.user_id}/${r.client_id}`, JSON.parse(r.ack));
    return {
      integrity,
      campaignSeq: campaign.seq,
      events: rows.map((r) => JSON.parse(r.event) as TableEvent),
      texts: rows.map((r) => r.event),
      eventSeqs: rows.map((r) => r.seq),
      snapshots,
      applied,
    };
  } finally {
    db.close();
  }
}

/**
 * `states[s]`: the state after seq `s`, folded from the first snapshot over
 * the whole log (continuing the fold of the last kill, whose log must be a
 * prefix of this one); each snapshot not seen before is checked against it.
 */
function foldStates(where: string, disk: Disk, previous: Checked | null): TableState[] {
  const first = disk.snapshots[0];
  expect(first?.seq, `${where}: the first snapshot is the new table`).toBe(0);
  const before = previous?.disk.texts ?? [];
  const changed = before.findIndex((text, i) => disk.texts[i] !== text);
  expect(
    changed === -1 ? null : { seq: changed + 1, now: disk.texts[changed] ?? null },
    `${where}: durable events stay as they were`,
  ).toBeNull();
  const states = previous?.states.slice() ?? [reviveState(JSON.parse(first!.state))];
  for (const event of disk.events.slice(before.length)) {
    states.push(applyEvent(states.at(-1)!, event));
  }
  const seen = new Map(previous?.disk.snapshots.map((s) => [s.seq, s.state]));
  for (const s of disk.snapshots) {
    expect(s.seq, `${where}: snapshot within the log`).toBeLessThanOrEqual(states.length - 1);
    const known = seen.get(s.seq);
    if (known !== undefined) {
      expect(s.state === known, `${where}: snapshot at ${s.seq} unchanged`).toBe(true);
      continue;
    }
    expect(stateHash(reviveState(JSON.parse(s.state))), `${where}: snapshot at ${s.seq}`).toBe(
      stateHash(states[s.seq]),
    );
  }
  for (const seq of seen.keys()) {
    expect(
      disk.snapshots.some((s) => s.seq === seq),
      `${where}: snapshot ${seq} kept`,
    ).toBe(true);
  }
  return states;
}

/** A checked file and its states. */
interface Checked {
  readonly disk: Disk;
  readonly states: TableState[];
}

/** A user's socket at the table and the view it has built from what it heard. */
interface Seat {
  readonly who: Who;
  readonly user: TestUser;
  readonly client: LiveClient;
}

/** A client's replica: the view and the last seq it heard. */
interface Replica {
  view: TableView;
  seq: number;
}

let dir = '';
let running: ServerProcess | null = null;
let standby: PreparedServerProcess | null = null;
afterAll(async () => {
  await running?.kill();
  await standby?.kill();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

it(`keeps every acknowledged action exactly once across ${ROUNDS} SIGKILLs (seed ${SEED})`, async () => {
  try {
    await battery();
  } catch (error) {
    if (error instanceof Error) {
      error.message = `durability battery failed with seed ${SEED} (rerun with VTT_DURABILITY_SEED=${SEED}): ${error.message}`;
    }
    throw error;
  }
}, 180_000);

async function battery(): Promise<void> {
  const started = performance.now();
  dir = await mkdtemp(join(tmpdir(), 'vtt-durability-'));
  const file = join(dir, 'vtt.sqlite');
  running = await prepareServerProcess(dir, {
    ...SETTINGS,
    installExamples: true,
    examplesDir: EXAMPLES_DIR,
  }).start();
  const gm = await setupAdmin(running);
  const users: Record<Who, TestUser> = {
    gm,
    ana: await addUser(running, gm, 'ana'),
    bo: await addUser(running, gm, 'bo'),
  };
  const campaignId = await campaignWith(running, gm, [users.ana, users.bo]);
  const setupSeq = await setUpTable(running, campaignId, users);

  const planned = plan(ROUNDS * PER_ROUND);
  const sent = new Set<string>();
  const acked = new Map<string, number>();
  const refusals: string[] = [];
  const replicas = new Map<Who, Replica>();
  let unsent: Planned[] = [];
  let previous: Checked | null = null;
  const kills: string[] = [];
  const resent = { acked: 0, appliedUnacked: 0, unapplied: 0 };

  for (let round = 1; round <= ROUNDS + 1; round++) {
    const last = round > ROUNDS;
    if (round > 1) {
      running = await standby!.start();
      standby = null;
    }
    const server = running!;
    // The reloaded table is the one on disk, hash for hash.
    if (previous !== null) {
      const n = previous.disk.campaignSeq;
      expect(await server.tableHash(campaignId), `round ${round}: reloaded table`).toEqual({
        campaignId,
        seq: n,
        hash: stateHash(previous.states[n]),
      } satisfies TableHash);
    }
    const seats = await Promise.all(
      WHO.map(async (who): Promise<Seat> => {
        const client = await LiveClient.open(server, campaignId, users[who]);
        client.socket.on('error', () => undefined); // the kill resets the socket
        const since = replicas.get(who)?.seq;
        const answer = (await client.join(since)) as SnapshotMessage | ReplayMessage;
        if (previous !== null) {
          const n = previous.disk.campaignSeq;
          expect(answer.seq, `round ${round}: ${who} rejoins at the durable seq`).toBe(n);
          const view = answer.type === 'snapshot' ? answer.view : replicas.get(who)!.view;
          expect(answer.type === 'snapshot' || since === n, `${who} replay`).toBe(true);
          expect(canonicalJson(view), `round ${round}: ${who}'s view after the restart`).toBe(
            canonicalJson(viewFor(previous.states[n]!, users[who].id)),
          );
        }
        return { who, user: users[who], client };
      }),
    );

    if (!last) standby = prepareServerProcess(dir, SETTINGS);
    // Resend what was sent and not acknowledged, and one acknowledged action per seat.
    const stored = previous?.disk.applied ?? new Map<string, AckMessage>();
    const resend = planned.filter((p) => sent.has(p.id) && !acked.has(p.id));
    for (const who of WHO) {
      const done = planned.filter((p) => p.who === who && acked.has(p.id));
      if (done.length > 0) resend.push(done[between(0, done.length - 1)]!);
    }
    await Promise.all(
      resend.map(async (p) => {
        const seat = seats.find((s) => s.who === p.who)!;
        const answer = await seat.client.request(p.message, p.id);
        expect(answer.type, `resent ${p.id}: ${JSON.stringify(answer)}`).toBe('ack');
        const ack = answer as AckMessage;
        const first = stored.get(`${seat.user.id}/${p.id}`);
        resent[acked.has(p.id) ? 'acked' : first === undefined ? 'unapplied' : 'appliedUnacked']++;
        if (first === undefined) {
          expect(ack.duplicate, `resent ${p.id} was never applied: applied now`).toBeUndefined();
          expect(ack.seq).toBeGreaterThan(previous!.disk.campaignSeq);
        } else {
          expect(ack, `resent ${p.id} was applied: acknowledged again`).toEqual({
            ...first,
            duplicate: true,
          });
        }
        const before = acked.get(p.id);
        if (before !== undefined) expect(ack.seq, `${p.id} keeps its seq`).toBe(before);
        acked.set(p.id, ack.seq);
      }),
    );
    const quiet = await server.tableHash(campaignId);

    // Fire new actions from every seat at once; kill after a random number of acks.
    const batch = last
      ? unsent
      : [...unsent, ...planned.slice((round - 1) * PER_ROUND, round * PER_ROUND)];
    const killAfter = last ? Infinity : between(0, Math.floor(batch.length * 0.9));
    let acksThisRound = 0;
    let triggered: () => void = () => undefined;
    const trigger = new Promise<void>((resolve) => (triggered = resolve));
    if (killAfter === 0) triggered();
    const drives = seats.map((seat) =>
      drive(
        seat,
        batch.filter((p) => p.who === seat.who),
        between(1, 6),
        {
          sent,
          refusals,
          onAck(p, ack) {
            acked.set(p.id, ack.seq);
            if (++acksThisRound === killAfter) triggered();
          },
        },
      ),
    );
    const allDriven = Promise.all(drives);
    if (last) {
      unsent = (await allDriven).flat();
      expect(unsent, 'every action sent in the last round').toEqual([]);
    } else {
      await Promise.race([trigger, allDriven]);
      const delay = between(0, 10);
      await sleep(delay);
      await server.kill();
      unsent = (await allDriven).flat();
      kills.push(`${acksThisRound}/${batch.length}+${delay}ms`);
    }
    for (const seat of seats) replicas.set(seat.who, heard(seat, replicas.get(seat.who)));
    const final = last ? await server.tableHash(campaignId) : null;
    if (last) await server.kill();

    // The file after the kill.
    const disk = readDisk(file, campaignId);
    const where = last ? 'after the last round' : `round ${round} (kill after ${kills.at(-1)})`;
    expect(disk.integrity, `${where}: integrity_check`).toEqual(['ok']);
    const n = disk.eventSeqs.length;
    expect(disk.eventSeqs, `${where}: seqs 1..N`).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    expect(disk.campaignSeq, `${where}: the campaign's seq is its last event`).toBe(n);
    const states = foldStates(where, disk, previous);
    expect(quiet.seq, `${where}: the quiet point is durable`).toBeLessThanOrEqual(n);
    expect(stateHash(states[quiet.seq]), `${where}: the hash the server held before the kill`).toBe(
      quiet.hash,
    );
    if (final !== null) expect(stateHash(states[n]), `${where}: final hash`).toBe(final.hash);
    for (const [who, replica] of replicas) {
      expect(replica.seq, `${where}: ${who} heard only durable events`).toBeLessThanOrEqual(n);
      expect(canonicalJson(replica.view), `${where}: ${who}'s replica at ${replica.seq}`).toBe(
        canonicalJson(viewFor(states[replica.seq]!, users[who].id)),
      );
    }
    expect(refusals, `${where}: refused actions`).toEqual([]);
    checkActions(where, disk, setupSeq, planned, sent, acked, users);
    previous = { disk, states };
  }

  expect(sent.size, 'actions sent').toBe(planned.length);
  expect(acked.size, 'actions acknowledged').toBe(planned.length);
  expect(planned.length).toBeGreaterThanOrEqual(1000);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.info(
    `durability seed ${SEED}: ${planned.length} actions; kills after acks/batch+ms: ${kills.join(' ')};` +
      ` resent ${resent.acked} acked, ${resent.appliedUnacked} applied but unacked, ` +
      `${resent.unapplied} unapplied; ${seconds} s`,
  );
}

/**
 * Every action sent is applied at most once, wholly or not at all (its
 * events and its applied-request row together); every acknowledged one is
 * applied once, its last event at its ack's seq; nothing unsent is applied
 * and no event is left unexplained.
 */
function checkActions(
  where: string,
  disk: Disk,
  setupSeq: number,
  planned: readonly Planned[],
  sent: ReadonlySet<string>,
  acked: ReadonlyMap<string, number>,
  users: Record<Who, TestUser>,
): void {
  const byKey = new Map<string, number[]>();
  for (const e of disk.events) {
    const key = eventKey(e);
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), e.seq]);
  }
  const explained = new Set<number>();
  for (const p of planned) {
    const row = disk.applied.get(`${users[p.who].id}/${p.id}`);
    let seqs: number[];
    if (p.key !== null) seqs = byKey.get(p.key) ?? [];
    else seqs = row === undefined ? [] : [row.seq - 1, row.seq];
    const label = `${where}: ${p.id} (${sent.has(p.id) ? 'sent' : 'unsent'}, ack ${acked.get(p.id) ?? 'none'})`;
    if (!sent.has(p.id)) expect(seqs.length + (row === undefined ? 0 : 1), label).toBe(0);
    if (acked.has(p.id))
      expect(row?.seq, `${label}: durable at its ack's seq`).toBe(acked.get(p.id));
    if (row === undefined) {
      expect(seqs, `${label}: not applied, so no event of it`).toEqual([]);
      continue;
    }
    expect(seqs.length, `${label}: applied once, all its events`).toBe(p.events);
    expect(seqs.at(-1), `${label}: its last event at its ack's seq`).toBe(row.seq);
    if (p.key === null) {
      const [ended, begun] = seqs.map((s) => disk.events[s - 1]!);
      expect([ended?.type, begun?.type], label).toEqual([
        'core:dice-session-ended',
        'core:dice-session-started',
      ]);
    }
    for (const s of seqs) {
      expect(explained.has(s), `${where}: seq ${s} claimed twice`).toBe(false);
      explained.add(s);
    }
  }
  const stray = disk.events.filter((e) => e.seq > setupSeq && !explained.has(e.seq));
  expect(
    stray.map((e) => `${e.seq} ${e.type}`),
    `${where}: events of no action`,
  ).toEqual([]);
}

/** Sends a seat's actions with up to `window` in flight; returns those left unsent when the socket closed. */
async function drive(
  seat: Seat,
  queue: Planned[],
  window: number,
  record: {
    readonly sent: Set<string>;
    readonly refusals: string[];
    onAck(p: Planned, ack: AckMessage): void;
  },
): Promise<Planned[]> {
  const inFlight = new Set<Promise<void>>();
  let closed = false;
  while (!closed && (queue.length > 0 || inFlight.size > 0)) {
    while (!closed && queue.length > 0 && inFlight.size < window) {
      const p = queue.shift()!;
      record.sent.add(p.id);
      const run: Promise<void> = seat.client.request(p.message, p.id).then(
        async (answer) => {
          if (answer.type === 'ack') record.onAck(p, answer);
          else if (answer.error.code === 'VTT_ERR_PROTOCOL_RATE_LIMITED') {
            await sleep(300);
            queue.unshift(p);
          } else record.refusals.push(`${p.id}: ${JSON.stringify(answer.error)}`);
        },
        () => void (closed = true),
      );
      const tracked = run.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    if (inFlight.size > 0) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return queue;
}

/** A seat's replica after this round: its join answer and every event it heard since. */
function heard(seat: Seat, before: Replica | undefined): Replica {
  const messages: ServerMessage[] = seat.client.messages;
  const joined = messages.findIndex((m) => m.type === 'snapshot' || m.type === 'replay');
  const answer = messages[joined]!;
  let replica: Replica;
  if (answer.type === 'snapshot') replica = { view: reviveView(answer.view), seq: answer.seq };
  else if (answer.type === 'replay' && before !== undefined) {
    replica = { ...before };
    for (const e of answer.events) replica.view = applyViewEvent(replica.view, e);
    replica.seq = answer.seq;
  } else throw new Error(`${seat.who} joined with ${answer.type} and no replica`);
  for (const m of messages.slice(joined + 1)) {
    if (m.type !== 'events') continue;
    for (const e of m.events) replica.view = applyViewEvent(replica.view, e);
    replica.seq = m.events.at(-1)!.seq;
  }
  return replica;
}

/** The table the battery plays on; returns the seq after its setup. */
async function setUpTable(
  server: ServerProcess,
  campaignId: string,
  users: Record<Who, TestUser>,
): Promise<number> {
  const gmc = await LiveClient.open(server, campaignId, users.gm);
  await gmc.join();
  const steps: [string, unknown][] = [
    ['core:create-scene', { id: 'crypt', name: 'Crypt', width: 4000, height: 4000 }],
    [
      'core:create-actor',
      {
        id: 'ayla',
        name: 'Ayla',
        type: 'character',
        data: fighterData(),
        ownership: { [users.ana.id]: 'owner' },
      },
    ],
    [
      'core:create-actor',
      {
        id: 'brom',
        name: 'Brom',
        type: 'character',
        data: fighterData(),
        ownership: { [users.bo.id]: 'owner' },
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
  ];
  let seq = 0;
  for (const [type, payload] of steps) {
    const answer = await gmc.action(type, payload);
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
    seq = (answer as AckMessage).seq;
  }
  await gmc.close();
  return seq;
}
